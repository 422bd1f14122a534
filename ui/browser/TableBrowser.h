#pragma once

#include "models/TableModel.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace quarry {

class CellDelegate;
class DatabaseSession;
class FilterRow;

// One table of the open file: the grid with a filter per column, a quick search, sorting by header, and
// below it the rows of the child table that refer to the selected row (a user's posts, a post's comments).
class TableBrowser : public QWidget {
    Q_OBJECT
public:
    TableBrowser(DatabaseSession& session, std::unique_ptr<TableModel> model, QWidget* parent = nullptr);
    ~TableBrowser() override;

    TableModel* model() const { return m_model.get(); }
    QTableView* view() const { return m_view; }
    QTableView* detailView() const { return m_detailView; }
    TableModel* detailModel() const { return m_detailModel.get(); }
    QLineEdit* searchField() const { return m_search; }
    FilterRow* filterRow() const { return m_filters; }
    QString tableName() const { return m_model->table().name; }
    QString referencesText() const;

    // The selected row's identity, invalid when none.
    QVariant currentIdentity() const;
    // Shows the row whose `column` equals `value`: selects it when loaded, else filters the table to it.
    void goToKey(const QString& column, const QVariant& value);
    void selectIdentity(const QVariant& identity);
    void setRequest(const BrowseRequest& request);
    void insertRow();
    // Asks the window to confirm first; see MainWindow::deleteSelectedRows.
    QModelIndexList selectedRows() const;
    void setNullAtCurrent();
    void reload();

signals:
    // A foreign-key cell asked to show the row it refers to.
    void followRequested(const QString& parentTable, const QString& parentColumn, const QVariant& key);
    void statusChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilters();
    void onCurrentRowChanged();
    void showContextMenu(const QPoint& position);
    void followCell(const QModelIndex& index);
    void updateDetail();
    void setupView(QTableView* view);

    DatabaseSession& m_session;
    std::unique_ptr<TableModel> m_model;
    std::unique_ptr<TableModel> m_detailModel;
    CellDelegate* m_delegate;
    QLineEdit* m_search;
    QLabel* m_count;
    QPushButton* m_cancel;
    FilterRow* m_filters;
    QTableView* m_view;
    QSplitter* m_splitter;
    QLabel* m_detailTitle;
    QTableView* m_detailView;
    QString m_detailTable;
    QString m_detailColumn;
    QString m_references;
};

} // namespace quarry
