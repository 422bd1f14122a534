#pragma once

#include "BrowseSubject.h"

#include <QString>

#include <memory>

class QSqlRelationalTableModel;

namespace quarry::bench {

// What Qt offers out of the box: a QSqlRelationalTableModel on posts (author_id shown as users.username
// through a LEFT JOIN) in a QTableView, with a header click that sorts and a line edit that sets the filter.
// Everything runs on the GUI thread, as these classes do.
class BaselineSubject : public BrowseSubject {
public:
    BaselineSubject();
    ~BaselineSubject() override;

    QWidget* window() const override;
    bool open(const QString& path, QString& error) override;
    QTableView* view() const override { return m_view; }
    bool isRowLoaded(int row) const override;
    int titleColumn() const override;
    QLineEdit* titleFilter() const override { return m_filter; }
    bool showsProgress() const override { return false; }

private:
    void applyFilter();

    QString m_connectionName;
    std::unique_ptr<QWidget> m_window;
    QLineEdit* m_filter;
    QTableView* m_view;
    QSqlRelationalTableModel* m_model = nullptr;
};

} // namespace quarry::bench
