// How a TableBrowser moves through its rows: the row-window bar of a table too long for one scroll range, Go to
// row, the last row, a row by its key, and selecting a row by its identity.
#include "browser/TableBrowser.h"

#include "models/DatabaseSession.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace quarry {

namespace {

// Whether `column` holds the row's identity: the rowid alias (a lone INTEGER PRIMARY KEY) or the single-column
// key of a WITHOUT ROWID table.
bool isIdentityColumn(const TableInfo& table, const QString& column)
{
    if (table.primaryKey() != QStringList{column})
        return false;
    if (!table.hasRowid)
        return true;
    const int index = table.columnIndex(column);
    return index >= 0 &&
           table.columns.at(index).declaredType.trimmed().compare(QStringLiteral("INTEGER"), Qt::CaseInsensitive) == 0;
}
} // namespace

QVariant TableBrowser::currentIdentity() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TableModel::IdentityRole) : QVariant();
}

void TableBrowser::selectIdentity(const QVariant& identity)
{
    const int row = m_model->rowOfIdentity(identity);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_view->setFocus(); // so Undo and the keyboard act on the grid, not on a search field
}

int TableBrowser::visibleRows() const
{
    return std::max(1, m_view->viewport()->height() / std::max(1, m_view->verticalHeader()->defaultSectionSize()));
}

void TableBrowser::updateRowBar()
{
    const bool windowed = m_model->isWindowed();
    m_view->setVerticalScrollBarPolicy(windowed ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    m_rowBar->setVisible(windowed);
    if (!windowed)
        return;
    // The grid's own bar knows how many whole rows fit at the bottom; the bar over the table ends where it does.
    const int gridMaximum = m_view->verticalScrollBar()->maximum();
    const int fit = gridMaximum > 0 ? m_model->windowRows() - gridMaximum : visibleRows();
    const qint64 lastTop = std::max<qint64>(0, m_model->storedRowCount() - fit);
    const qint64 span = std::numeric_limits<int>::max() / 2;
    m_rowBarScale = std::max<qint64>(1, (lastTop + span - 1) / span);
    const QSignalBlocker block(m_rowBar);
    m_rowBar->setRange(0, int(lastTop / m_rowBarScale));
    m_rowBar->setPageStep(std::max(1, int(visibleRows() / m_rowBarScale)));
    m_rowBar->setSingleStep(1);
    m_rowBar->setValue(int((m_model->windowStart() + m_view->verticalScrollBar()->value()) / m_rowBarScale));
}

void TableBrowser::onViewScrolled(int value)
{
    if (m_syncingRowBar || !m_model->isWindowed())
        return;
    // The wheel, the keys or scrollTo moved the grid: follow on the bar, and move the window along when the
    // top row comes near its edge.
    showStoredRowAtTop(m_model->windowStart() + value);
}

void TableBrowser::onRowBarMoved(int value)
{
    if (!m_syncingRowBar)
        showStoredRowAtTop(qint64(value) * m_rowBarScale);
}

void TableBrowser::showStoredRowAtTop(qint64 stored)
{
    m_syncingRowBar = true;
    if (m_model->isWindowed()) {
        const int rows = m_model->windowRows();
        const int margin = std::max(visibleRows() * 2, rows / 8);
        const qint64 offset = stored - m_model->windowStart();
        // The model clamps the window to the table, so at either end this asks for no move.
        if (offset < margin || offset + visibleRows() > rows - margin)
            m_model->setWindowStart(stored - m_model->windowLimit() / 2);
    }
    QScrollBar* grid = m_view->verticalScrollBar();
    grid->setValue(int(std::max<qint64>(0, stored - m_model->windowStart())));
    // The grid stops where its last row is at the bottom; the bar says where it did stop.
    if (m_model->isWindowed())
        m_rowBar->setValue(int((m_model->windowStart() + grid->value()) / m_rowBarScale));
    m_syncingRowBar = false;
}

void TableBrowser::goToRow(qint64 number)
{
    const qint64 stored = std::clamp<qint64>(number - 1, 0, std::max<qint64>(0, m_model->storedRowCount() - 1));
    if (m_model->storedRowCount() == 0)
        return;
    // Put the row in the middle of the grid where the table allows.
    showStoredRowAtTop(std::max<qint64>(0, stored - visibleRows() / 2));
    const int row = m_model->modelRowOf(stored);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void TableBrowser::focusGoToField()
{
    m_goTo->setFocus(Qt::ShortcutFocusReason);
    m_goTo->selectAll();
}

void TableBrowser::goToLastRow()
{
    m_model->setWindowStart(m_model->storedRowCount());
    if (m_model->rowCount() == 0)
        return;
    const QModelIndex index = m_model->index(m_model->rowCount() - 1, std::max(0, m_view->currentIndex().column()));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void TableBrowser::goToKey(const QString& column, const QVariant& value)
{
    const int c = m_model->modelColumn(column);
    // The key is in the rows read so far (small tables): select it where it is.
    for (int row = 0; row < std::min(m_model->rowCount(), TableModel::PageSize) && c >= 0; ++row) {
        const QModelIndex index = m_model->index(row, c);
        if (index.data(Qt::EditRole) == value) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
            return;
        }
    }
    // Anywhere in a big table: when the key is the row's identity, the loader counts the rows before it in the
    // current order and the grid goes there. A row the filters leave out is shown on its own instead.
    disconnect(m_locating);
    if (isIdentityColumn(m_model->table(), column)) {
        m_locating = connect(m_model.get(), &TableModel::located, this,
                             [this, c, value](const QVariant& identity, qint64 stored) {
                                 if (identity != value)
                                     return;
                                 disconnect(m_locating);
                                 if (stored >= 0) {
                                     m_model->expectRows(stored + 1);
                                     goToRow(stored + 1);
                                     if (c >= 0)
                                         m_view->setCurrentIndex(m_view->currentIndex().siblingAtColumn(c));
                                 } else {
                                     filterToKey(c, value);
                                 }
                             });
        m_model->locate(value);
        return;
    }
    filterToKey(c, value);
}

void TableBrowser::filterToKey(int c, const QVariant& value)
{
    // Show just that row, with its filter in view to clear.
    BrowseRequest request;
    request.columnFilters.insert(c >= 0 ? c : 0, QStringLiteral("=") + value.toString());
    setRequest(request);
    connect(
        m_model.get(), &TableModel::loadingChanged, this,
        [this](bool loading) {
            if (!loading && m_model->rowCount() > 0)
                m_view->setCurrentIndex(m_model->index(0, 0));
        },
        Qt::SingleShotConnection);
}

} // namespace quarry
