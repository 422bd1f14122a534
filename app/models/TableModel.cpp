#include "models/TableModel.h"

#include "core/Counting.h"
#include "core/ValueText.h"
#include "database/ColumnAffinity.h"
#include "database/SqlValue.h"
#include "models/CellText.h"
#include "models/ColumnTitles.h"
#include "models/PendingChanges.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace quarry {

TableModel::TableModel(const QString& path, TableInfo table, QList<ComputedColumn> computed, PendingChanges* pending,
                       RuleSet rules, QObject* parent)
    : QAbstractTableModel(parent)
    , m_path(path)
    , m_table(std::move(table))
    , m_computed(std::move(computed))
    , m_pending(pending)
    , m_rules(rules)
    , m_loader(std::make_unique<RowLoader>(path))
{
    connect(m_loader.get(), &RowLoader::rowsLoaded, this, &TableModel::onRowsLoaded, Qt::QueuedConnection);
    connect(m_loader.get(), &RowLoader::counted, this, &TableModel::onCounted, Qt::QueuedConnection);
    connect(m_loader.get(), &RowLoader::estimated, this, &TableModel::onEstimated, Qt::QueuedConnection);
    connect(
        m_loader.get(), &RowLoader::located, this,
        [this](quint64 generation, const QVariant& identity, qint64 row) {
            if (generation == m_generation)
                emit located(identity, row);
        },
        Qt::QueuedConnection);
    connect(
        m_loader.get(), &RowLoader::failed, this,
        [this](quint64 generation, const QString& message) {
            if (generation == m_generation || generation == 0)
                emit failed(message);
        },
        Qt::QueuedConnection);
    if (m_pending)
        connect(m_pending, &PendingChanges::changed, this, &TableModel::onPendingChanged);
    m_insertedRows = m_pending ? m_pending->insertedRows(m_table.name) : QList<qint64>();
    m_loader->start();
    startQuery();
}

TableModel::~TableModel()
{
    m_loader->shutdown();
}

void TableModel::setRequest(const BrowseRequest& request)
{
    const bool sameRows = request.columnFilters == m_request.columnFilters &&
                          request.quickSearch == m_request.quickSearch &&
                          request.fixedColumn == m_request.fixedColumn && request.fixedValue == m_request.fixedValue;
    m_request = request;
    if (!sameRows)
        m_countExact = false;
    startQuery();
}

void TableModel::reload()
{
    m_countExact = false;
    m_writeProblems.clear();
    startQuery();
}

void TableModel::startQuery()
{
    beginResetModel();
    ++m_generation;
    m_sql = BrowseSql(m_table, m_computed, m_request);
    m_pages.clear();
    m_requested.clear();
    // A new order or a new set of rows starts at the top, as a model reset does for any view.
    m_windowStart = 0;
    if (!m_countExact) {
        m_storedRows = 0;
        m_estimated = false;
    }
    m_insertedRows = m_pending ? m_pending->insertedRows(m_table.name) : QList<qint64>();
    endResetModel();
    m_loader->setQuery(m_generation, m_sql);
    m_requested.insert(0);
    m_loader->requestRows(m_generation, 0, PageSize);
    m_waitingForFirstRows = true;
    emit loadingChanged(true);
}

void TableModel::onRowsLoaded(quint64 generation, qint64 first, const RowBlock& rows)
{
    if (generation != m_generation)
        return;
    const qint64 page = first / PageSize;
    m_requested.remove(page);
    m_pages.insert(page, Page{rows, ++m_useCounter});
    while (m_pages.size() > MaxCachedPages) {
        auto oldest = std::min_element(m_pages.begin(), m_pages.end(),
                                       [](const Page& a, const Page& b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
    if (!m_countExact) {
        if (page == 0 && rows.size() < PageSize)
            setStoredRows(rows.size(), true);
        else if (first + rows.size() > m_storedRows)
            setStoredRows(first + rows.size(), false);
    }
    if (const auto [from, to] = windowRange(first, first + rows.size()); from < to)
        emit dataChanged(index(from, 0), index(to - 1, columnCount() - 1));
    // Said last, so whoever waits for the first rows finds them in the model.
    if (m_waitingForFirstRows && page == 0) {
        m_waitingForFirstRows = false;
        emit loadingChanged(false);
    }
}

void TableModel::onCounted(quint64 generation, qint64 rows)
{
    if (generation == m_generation) {
        m_estimated = false;
        setStoredRows(rows, true);
    }
}

void TableModel::onEstimated(quint64 generation, qint64 rows)
{
    if (generation != m_generation || m_countExact || rows <= m_storedRows)
        return;
    m_estimated = true;
    setStoredRows(rows, false);
}

QString TableModel::rowCountText() const
{
    const QString rows = QLocale().toString(m_storedRows);
    if (m_countExact)
        return rowsText(m_storedRows);
    return m_estimated ? QStringLiteral("about %1 rows (counting\u2026)").arg(rows)
                       : QStringLiteral("at least %1 rows (counting\u2026)").arg(rows);
}

void TableModel::setStoredRows(qint64 rows, bool exact)
{
    const auto dropPagesFrom = [this](qint64 end) {
        for (auto it = m_pages.begin(); it != m_pages.end();) {
            if (it.key() * PageSize >= end)
                it = m_pages.erase(it);
            else
                ++it;
        }
    };
    const int before = windowRows();
    const qint64 start = std::clamp<qint64>(m_windowStart, 0, std::max<qint64>(0, rows - m_windowLimit));
    if (start != m_windowStart) {
        // The table shrank under a window far down it.
        beginResetModel();
        m_storedRows = rows;
        m_windowStart = start;
        dropPagesFrom(rows);
        endResetModel();
        emit windowMoved(m_windowStart);
    } else {
        const int after = int(std::min<qint64>(rows - start, m_windowLimit));
        if (after > before) {
            beginInsertRows({}, before, after - 1);
            m_storedRows = rows;
            endInsertRows();
        } else if (after < before) {
            beginRemoveRows({}, after, before - 1);
            m_storedRows = rows;
            dropPagesFrom(rows);
            endRemoveRows();
        } else {
            m_storedRows = rows;
            dropPagesFrom(rows);
        }
    }
    m_countExact = exact;
    emit rowCountChanged(m_storedRows, exact);
}

void TableModel::setWindowLimit(int rows)
{
    rows = std::max(rows, PageSize);
    if (rows == m_windowLimit)
        return;
    beginResetModel();
    m_windowLimit = rows;
    m_windowStart = std::clamp<qint64>(m_windowStart, 0, std::max<qint64>(0, m_storedRows - m_windowLimit));
    endResetModel();
    emit windowMoved(m_windowStart);
}

void TableModel::setWindowStart(qint64 start)
{
    start = std::clamp<qint64>(start, 0, std::max<qint64>(0, m_storedRows - m_windowLimit));
    if (start == m_windowStart)
        return;
    // The window keeps its size (it is full whenever it can move), so this is a layout change: the rows
    // stay, their contents shift by `delta`, and persistent indexes move with the rows they point at.
    const qint64 delta = start - m_windowStart;
    const int rows = windowRows();
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& old : before) {
        if (old.row() >= rows) {
            after << old; // pending inserted rows stay after the window
            continue;
        }
        const qint64 moved = old.row() - delta;
        after << (moved >= 0 && moved < rows ? index(int(moved), old.column()) : QModelIndex());
    }
    m_windowStart = start;
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    emit windowMoved(m_windowStart);
}

qint64 TableModel::storedRowOf(int row) const
{
    return row >= 0 && row < windowRows() ? m_windowStart + row : -1;
}

int TableModel::modelRowOf(qint64 stored) const
{
    return stored >= m_windowStart && stored < m_windowStart + windowRows() ? int(stored - m_windowStart) : -1;
}

std::pair<int, int> TableModel::windowRange(qint64 first, qint64 end) const
{
    const qint64 from = std::max(first, m_windowStart);
    const qint64 to = std::min(end, m_windowStart + windowRows());
    if (from >= to)
        return {0, 0};
    return {int(from - m_windowStart), int(to - m_windowStart)};
}

int TableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : windowRows() + int(m_insertedRows.size());
}

int TableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size() + m_computed.size());
}

const QVariantList* TableModel::storedRow(qint64 row) const
{
    if (row < 0 || row >= m_storedRows)
        return nullptr;
    const qint64 page = row / PageSize;
    const auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (!m_requested.contains(page)) {
            m_requested.insert(page);
            m_loader->requestRows(m_generation, page * PageSize, PageSize);
        }
        return nullptr;
    }
    it->lastUse = ++m_useCounter;
    const qint64 offset = row - page * PageSize;
    return offset < it->rows.size() ? &it->rows.at(offset) : nullptr;
}

QVariant TableModel::identityOf(int row) const
{
    if (row >= windowRows()) {
        const int inserted = row - windowRows();
        return inserted < m_insertedRows.size() ? PendingChanges::pendingIdentity(m_insertedRows.at(inserted))
                                                : QVariant();
    }
    const QVariantList* values = storedRow(m_windowStart + row);
    return values ? values->at(0) : QVariant();
}

int TableModel::rowOfIdentity(const QVariant& identity) const
{
    if (PendingChanges::isInserted(identity)) {
        const int inserted = int(m_insertedRows.indexOf(identity.toLongLong()));
        return inserted >= 0 ? windowRows() + inserted : -1;
    }
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).at(0) == identity) {
                if (const int row = modelRowOf(it.key() * PageSize + i); row >= 0)
                    return row;
            }
        }
    }
    return -1;
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    BrowseRequest request = m_request;
    request.sortColumn = column;
    request.sortOrder = order;
    setRequest(request);
}

} // namespace quarry
