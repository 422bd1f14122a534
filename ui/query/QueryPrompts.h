#pragma once

#include "database/QueryParameter.h"

#include <QHash>
#include <QMessageBox>

#include <functional>
#include <optional>

class QWidget;

namespace quarry {

// Every question the query panel puts to a person goes through here, so tests (and a main window with a
// dialog policy of its own) can answer without a modal dialog. Without a hook, the real dialog is shown.
class QueryPrompts {
public:
    enum class FileAction { Open, Save, Export };

    using QuestionHook = std::function<QMessageBox::StandardButton(const QString& title, const QString& text,
                                                                   QMessageBox::StandardButtons buttons)>;
    // Values for the parameters, or nothing when the person cancels. `previous` holds earlier values by name.
    using ParameterHook = std::function<std::optional<ParameterValues>(const QList<QueryParameter>& parameters,
                                                                       const QHash<QString, QVariant>& previous)>;
    // A file name, or an empty string when the person cancels. `filter` is a QFileDialog name filter.
    using FileHook = std::function<QString(FileAction action, const QString& suggestion, const QString& filter)>;
    // A line of text (a snippet's name), or nothing when the person cancels.
    using TextHook =
        std::function<std::optional<QString>(const QString& title, const QString& label, const QString& text)>;

    void setQuestionHook(QuestionHook hook) { m_question = std::move(hook); }
    void setParameterHook(ParameterHook hook) { m_parameters = std::move(hook); }
    void setFileHook(FileHook hook) { m_file = std::move(hook); }
    void setTextHook(TextHook hook) { m_text = std::move(hook); }

    QMessageBox::StandardButton ask(QWidget* parent, const QString& title, const QString& text,
                                    QMessageBox::StandardButtons buttons,
                                    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton) const;
    void inform(QWidget* parent, const QString& title, const QString& text) const;
    std::optional<ParameterValues> askParameters(QWidget* parent, const QList<QueryParameter>& parameters,
                                                 const QHash<QString, QVariant>& previous) const;
    QString chooseFile(QWidget* parent, FileAction action, const QString& suggestion, const QString& filter) const;
    std::optional<QString> askText(QWidget* parent, const QString& title, const QString& label,
                                   const QString& text) const;

private:
    QuestionHook m_question;
    ParameterHook m_parameters;
    FileHook m_file;
    TextHook m_text;
};

} // namespace quarry
