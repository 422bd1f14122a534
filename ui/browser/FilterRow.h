#pragma once

#include <QHash>
#include <QWidget>

class QLineEdit;
class QTableView;

namespace quarry {

// A row of filter fields, one under each column header, kept aligned as columns are resized and scrolled.
class FilterRow : public QWidget {
    Q_OBJECT
public:
    explicit FilterRow(QTableView* view, QWidget* parent = nullptr);

    void setColumnCount(int columns);
    QHash<int, QString> filters() const;
    void clear();
    QLineEdit* field(int column) const { return m_fields.value(column); }
    void setFilterText(int column, const QString& text);

signals:
    void filtersChanged();

public slots:
    void realign();

private:
    QTableView* m_view;
    QList<QLineEdit*> m_fields;
};

} // namespace quarry
