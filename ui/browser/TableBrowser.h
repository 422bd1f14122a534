#pragma once

#include "browser/GridClipboard.h"

#include "models/TableModel.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QScrollBar;
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
    QLineEdit* goToField() const { return m_goTo; }
    // Why the last number typed into the Go to row field could not be shown as asked, empty when it could.
    QString goToProblem() const { return m_goToProblem; }
    // The scroll bar over the whole table, shown instead of the grid's own when the table is bigger than the
    // model's window (see TableModel::setWindowStart). Its value is the top row's number in the table,
    // divided by rowBarScale() for tables beyond what an int scroll bar can count.
    QScrollBar* rowBar() const { return m_rowBar; }
    qint64 rowBarScale() const { return m_rowBarScale; }
    FilterRow* filterRow() const { return m_filters; }
    QString tableName() const { return m_model->table().name; }
    QString referencesText() const;

    // The selected row's identity, invalid when none.
    QVariant currentIdentity() const;
    // Shows the row whose `column` equals `value`: selects it when loaded; goes to it in the whole table when
    // `column` is the row's identity and the rows are in their natural order; else filters the table to it.
    void goToKey(const QString& column, const QVariant& value);
    void selectIdentity(const QVariant& identity);
    // Makes row `number` (1 for the first) of the table current and shows it, however far down it is.
    void goToRow(qint64 number);
    // The table's first and last rows, as Ctrl+Home and Ctrl+End in the grid.
    void goToFirstRow() { goToRow(1); }
    void goToLastRow();
    // Go ▸ Go to Row (Ctrl+G): the cursor in the row-number field.
    void focusGoToField();
    void setRequest(const BrowseRequest& request);
    void insertRow();
    // Asks the window to confirm first; see MainWindow::deleteSelectedRows.
    QModelIndexList selectedRows() const;
    void setNullAtCurrent();
    // The selection of `view` (the grid or the detail pane) to the clipboard, with whole values; returns the text.
    QString copySelection(QTableView* view, GridClipboard::Format format, bool headers);
    // The clipboard's TSV into the grid at the current cell, as pending edits; false (with problemFound) when it
    // does not fit or a cell cannot be edited.
    bool pasteClipboard();
    void reload();

signals:
    // A foreign-key cell asked to show the row it refers to.
    void followRequested(const QString& parentTable, const QString& parentColumn, const QVariant& key);
    void statusChanged();
    // Something asked of the browser could not be done, in words.
    void problemFound(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilters();
    void onCurrentRowChanged();
    void showContextMenu(const QPoint& position);
    void followCell(const QModelIndex& index);
    void updateDetail();
    void setupView(QTableView* view);
    void fitColumns();
    void filterToKey(int column, const QVariant& value);
    int visibleRows() const;
    void updateRowBar();
    void onViewScrolled(int value);
    void onRowBarMoved(int value);
    // Shows stored row `stored` at the top of the grid, moving the model's window when it must.
    void showStoredRowAtTop(qint64 stored);

    DatabaseSession& m_session;
    std::unique_ptr<TableModel> m_model;
    std::unique_ptr<TableModel> m_detailModel;
    QLineEdit* m_search;
    QLabel* m_count;
    QLabel* m_readOnly; // why the rows cannot be edited, when they cannot
    QPushButton* m_cancel;
    FilterRow* m_filters;
    QTableView* m_view;
    QScrollBar* m_rowBar;
    qint64 m_rowBarScale = 1;
    bool m_syncingRowBar = false;
    QLineEdit* m_goTo;
    QString m_goToProblem;
    QMetaObject::Connection m_locating; // goToKey waiting for the row's position
    QSplitter* m_splitter;
    QLabel* m_detailTitle;
    QTableView* m_detailView;
    QString m_detailTable;
    QString m_detailColumn;
    QString m_references;
};

} // namespace quarry
