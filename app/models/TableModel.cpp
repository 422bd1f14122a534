#include "models/TableModel.h"

#include "blog/Normaliser.h"
#include "blog/Validators.h"
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

namespace {

QString problemKey(const QVariant& identity)
{
    return PendingChanges::key(identity);
}

// Stored timestamps are UTC text as SQLite's CURRENT_TIMESTAMP writes them, with or without a fraction.
QString localTime(const QString& stored)
{
    QString iso = stored.trimmed();
    if (iso.size() < 19 || iso.at(4) != QLatin1Char('-') || iso.at(10) != QLatin1Char(' '))
        return stored;
    iso[10] = QLatin1Char('T');
    // Qt reads at most milliseconds; SQLAlchemy writes microseconds.
    if (const qsizetype dot = iso.indexOf(QLatin1Char('.')); dot > 0 && iso.size() > dot + 4)
        iso.truncate(dot + 4);
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        return stored;
    time.setTimeSpec(Qt::UTC);
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// QList's == hands memcmp a null pointer when an empty list has never held anything (Qt 6.4), which
// UndefinedBehaviorSanitizer reports.
bool sameIdentities(const QList<qint64>& a, const QList<qint64>& b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
}

} // namespace

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
        return m_storedRows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rows);
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

void TableModel::onPendingChanged(const QString& table)
{
    if (table != m_table.name)
        return;
    const QList<qint64> now = m_pending->insertedRows(m_table.name);
    if (!sameIdentities(now, m_insertedRows)) {
        const int base = windowRows();
        if (now.size() > m_insertedRows.size() && sameIdentities(now.mid(0, m_insertedRows.size()), m_insertedRows)) {
            beginInsertRows({}, base + int(m_insertedRows.size()), base + int(now.size()) - 1);
            m_insertedRows = now;
            endInsertRows();
        } else if (now.size() < m_insertedRows.size()) {
            // One row at a time: the first that is gone.
            while (m_insertedRows.size() > now.size()) {
                int gone = 0;
                while (gone < now.size() && m_insertedRows.at(gone) == now.at(gone))
                    ++gone;
                beginRemoveRows({}, base + gone, base + gone);
                m_insertedRows.removeAt(gone);
                endRemoveRows();
            }
        }
        if (!sameIdentities(now, m_insertedRows)) {
            beginResetModel();
            m_insertedRows = now;
            endResetModel();
        }
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
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

QVariant TableModel::cellValue(int row, int column, bool* pending, QString* pendingDisplay) const
{
    *pending = false;
    const QVariant identity = identityOf(row);
    if (column < m_table.columns.size() && m_pending && identity.isValid()) {
        const QString name = m_table.columns.at(column).name;
        if (auto value = m_pending->value(m_table.name, identity, name)) {
            *pending = true;
            *pendingDisplay = m_pending->display(m_table.name, identity, name);
            return *value;
        }
    }
    if (row >= windowRows())
        return {};
    const QVariantList* values = storedRow(m_windowStart + row);
    if (!values)
        return {};
    const int position =
        column < m_table.columns.size() ? 1 + column : m_sql.computedOffset() + (column - int(m_table.columns.size()));
    return position < values->size() ? values->at(position) : QVariant();
}

QString TableModel::displayText(int column, const QVariant& value) const
{
    if (value.isNull())
        return {};
    if (const std::optional<QString> special = CellText::summary(value))
        return *special;
    if (column >= 0 && column < m_table.columns.size() && m_table.columns.at(column).isTimestamp() &&
        value.typeId() == QMetaType::QString)
        return localTime(value.toString());
    return CellText::oneLine(value.toString());
}

std::optional<QString> TableModel::problemWith(const QString& column, const QVariant& value) const
{
    if (m_rules != RuleSet::Blog || column.isEmpty())
        return std::nullopt;
    return Validators::check(m_table.name, column, value);
}

QVariant TableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool computed = isComputedColumn(column);
    const QString columnName = computed ? QString() : m_table.columns.at(column).name;
    const ForeignKeyInfo* foreignKey = computed ? nullptr : m_table.foreignKey(columnName);

    if (role == IdentityRole)
        return identityOf(row);

    bool pending = false;
    QString pendingDisplay;
    const QVariant value = cellValue(row, column, &pending, &pendingDisplay);
    const bool loaded = row >= windowRows() || storedRow(m_windowStart + row) != nullptr;

    switch (role) {
    case Qt::DisplayRole: {
        if (!loaded)
            return {};
        if (foreignKey && !value.isNull()) {
            if (pending)
                return pendingDisplay.isEmpty() ? value.toString() : pendingDisplay;
            const int k = int(std::find_if(m_table.foreignKeys.cbegin(), m_table.foreignKeys.cend(),
                                           [&](const ForeignKeyInfo& f) { return &f == foreignKey; }) -
                              m_table.foreignKeys.cbegin());
            const QVariantList* values = storedRow(m_windowStart + row);
            const QVariant shown = values ? values->value(m_sql.displayOffset() + k) : QVariant();
            return shown.isNull() ? value.toString() : displayText(-1, shown);
        }
        return displayText(column, value);
    }
    case Qt::EditRole:
    case RawValueRole:
        return value;
    case Qt::ToolTipRole:
    case ProblemRole: {
        const QVariant identity = identityOf(row);
        const QString written = m_writeProblems.value(problemKey(identity)).value(columnName);
        if (!written.isEmpty())
            return written;
        if (pending)
            return problemWith(columnName, value).value_or(QString());
        if (role == Qt::ToolTipRole && value.metaType() == QMetaType::fromType<CutValue>()) {
            const CutValue cut = value.value<CutValue>();
            return QStringLiteral("%1 of %2; the grid shows its start, the value editor (Ctrl+Shift+E) all of it")
                .arg(cut.isBlob ? QStringLiteral("A BLOB") : QStringLiteral("A text"), ValueText::byteSize(cut.bytes));
        }
        if (role == Qt::ToolTipRole && foreignKey && !value.isNull()) {
            const int state = data(index, StateRole).toInt();
            if (state & Dangling)
                return QStringLiteral("No row of %1 has %2 %3.")
                    .arg(foreignKey->parentTable, foreignKey->parentColumn, value.toString());
        }
        return {};
    }
    case StateRole: {
        int state = 0;
        const QVariant identity = identityOf(row);
        if (!loaded)
            return int(Loading);
        if (pending)
            state |= Edited;
        if (row >= windowRows())
            state |= Inserted;
        if (m_pending && identity.isValid() && m_pending->isDeleted(m_table.name, identity))
            state |= Deleted;
        if (value.isNull())
            state |= Null;
        if (computed)
            state |= Computed;
        if (foreignKey) {
            state |= ForeignKey;
            if (!value.isNull() && !pending) {
                const int k = int(foreignKey - m_table.foreignKeys.constData());
                const QVariantList* values = storedRow(m_windowStart + row);
                if (values && values->value(m_sql.displayOffset() + k).isNull())
                    state |= Dangling;
            }
        }
        if ((pending && problemWith(columnName, value)) ||
            m_writeProblems.value(problemKey(identity)).contains(columnName))
            state |= Invalid;
        return state;
    }
    default:
        return {};
    }
}

bool TableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable) || !m_pending)
        return false;
    const ColumnInfo& column = m_table.columns.at(index.column());
    if (value.metaType() == QMetaType::fromType<CutValue>())
        return false; // a summary is not a value: only the whole value can be written
    const QVariant normalised = m_rules == RuleSet::Blog ? Normaliser::value(m_table.name, column.name, value) : value;
    // What the cell holds is what SQLite will store: the column's affinity applied as SQLite applies it.
    const QVariant stored = ColumnAffinity::stored(normalised, ColumnAffinity::of(column.declaredType));
    bool pending = false;
    QString display;
    const QVariant current = cellValue(index.row(), index.column(), &pending, &display);
    if (SqlValue::identical(current, stored))
        return true;
    const QVariant identity = identityOf(index.row());
    m_writeProblems[problemKey(identity)].remove(column.name);
    m_pending->setValue(m_table.name, identity, column.name, stored);
    return true;
}

bool TableModel::setForeignKey(const QModelIndex& index, const QVariant& key, const QString& display)
{
    if (!(flags(index) & Qt::ItemIsEditable) || !m_pending)
        return false;
    const QString column = m_table.columns.at(index.column()).name;
    const QVariant identity = identityOf(index.row());
    m_writeProblems[problemKey(identity)].remove(column);
    m_pending->setValue(m_table.name, identity, column, key, display);
    return true;
}

void TableModel::setWriteProblem(const QVariant& identity, const QString& column, const QString& message)
{
    m_writeProblems[problemKey(identity)].insert(column, message);
    const int row = rowOfIdentity(identity);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole || section < 0)
            return {};
        return section < windowRows() ? QVariant(m_windowStart + section + 1) : QVariant(QStringLiteral("*"));
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (isComputedColumn(section)) {
        const ComputedColumn& c = m_computed.at(section - m_table.columns.size());
        if (role == Qt::DisplayRole)
            return c.header;
        if (role == Qt::ToolTipRole)
            return QStringLiteral("%1 (computed, read-only)").arg(c.header);
        return {};
    }
    const ColumnInfo& c = m_table.columns.at(section);
    const ForeignKeyInfo* key = m_table.foreignKey(c.name);
    switch (role) {
    case Qt::DisplayRole:
        return ColumnTitles::forColumn(c.name, key != nullptr);
    case ColumnNameRole:
        return c.name;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("%1 %2").arg(c.name, c.declaredType).trimmed();
        if (key)
            tip += QStringLiteral("\nrefers to %1.%2, shown by %3")
                       .arg(key->parentTable, key->parentColumn, key->displayColumn);
        if (c.isTimestamp())
            tip += QStringLiteral("\nshown in local time; stored as written");
        return tip;
    }
    default:
        return {};
    }
}

Qt::ItemFlags TableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!isEditable() || isComputedColumn(index.column()))
        return result;
    const bool inserted = index.row() >= windowRows();
    const ColumnInfo& column = m_table.columns.at(index.column());
    // A stored row's key is its identity: it is not edited in place.
    if (column.primaryKeyOrder > 0 && !inserted)
        return result;
    const QVariant identity = identityOf(index.row());
    if (!identity.isValid() || (m_pending && m_pending->isDeleted(m_table.name, identity)))
        return result;
    return result | Qt::ItemIsEditable;
}

void TableModel::sort(int column, Qt::SortOrder order)
{
    BrowseRequest request = m_request;
    request.sortColumn = column;
    request.sortOrder = order;
    setRequest(request);
}

bool TableModel::insertRows(int row, int count, const QModelIndex& parent)
{
    Q_UNUSED(row)
    if (parent.isValid() || count < 1 || !isEditable() || !m_pending)
        return false;
    for (int i = 0; i < count; ++i)
        m_pending->insertRow(m_table.name);
    return true;
}

bool TableModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > rowCount() || !isEditable() || !m_pending)
        return false;
    QVariantList identities;
    for (int r = row; r < row + count; ++r) {
        const QVariant identity = identityOf(r);
        if (!identity.isValid())
            return false; // not loaded yet
        identities << identity;
    }
    const PendingChanges::Group group(m_pending);
    for (const QVariant& identity : identities)
        m_pending->deleteRow(m_table.name, identity);
    return true;
}

} // namespace quarry
