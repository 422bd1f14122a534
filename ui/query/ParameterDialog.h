#pragma once

#include "database/QueryParameter.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quarry {

// Asks for the values of a statement's parameters, each with its type: text, integer, real or NULL.
// The values are bound to the statement, never pasted into its text.
class ParameterDialog : public QDialog {
    Q_OBJECT
public:
    enum class Type { Text, Integer, Real, Null };

    // `previous` pre-fills values by parameter name (from earlier runs).
    ParameterDialog(const QList<QueryParameter>& parameters, const QHash<QString, QVariant>& previous,
                    QWidget* parent = nullptr);

    // One value per parameter, typed: QString, qlonglong, double, or a null QVariant.
    ParameterValues values() const;
    // Why the values cannot be used yet ("\":id\" needs a whole number"), or an empty string.
    QString problem() const;

    // For tests and keyboard use: set parameter `row`'s type and text.
    void setValue(int row, Type type, const QString& text);

private:
    struct Row {
        QueryParameter parameter;
        QComboBox* type = nullptr;
        QLineEdit* text = nullptr;
    };
    void validate();

    QList<Row> m_rows;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace quarry
