#include "models/PendingChanges.h"

#include "models/RowIdentity.h"

#include <algorithm>
#include <functional>

namespace quarry {

QVariant PendingChanges::pendingIdentity(qint64 number)
{
    static const bool converts = QMetaType::registerConverter<PendingRow, qlonglong>(
        [](const PendingRow& row) { return qlonglong(row.number); });
    Q_UNUSED(converts)
    return QVariant::fromValue(PendingRow{number});
}

QString PendingChanges::key(const QVariant& identity)
{
    if (isInserted(identity))
        return QStringLiteral("p") + QString::number(pendingNumber(identity));
    return RowIdentity::hashKey(identity);
}

bool PendingChanges::isInserted(const QVariant& identity)
{
    return identity.metaType() == QMetaType::fromType<PendingRow>();
}

int PendingChanges::rowCount(const TableEdits& table)
{
    int count = int(table.inserted.size()) + int(table.deleted.size());
    for (auto it = table.rows.cbegin(); it != table.rows.cend(); ++it) {
        if (!isInserted(it->identity) && !table.deleted.contains(it.key()))
            ++count;
    }
    return count;
}

int PendingChanges::rowCount() const
{
    int count = 0;
    for (const TableEdits& table : m_tables)
        count += rowCount(table);
    return count;
}

std::optional<QVariant> PendingChanges::value(const QString& table, const QVariant& identity,
                                              const QString& column) const
{
    const auto t = m_tables.constFind(table);
    if (t == m_tables.cend())
        return std::nullopt;
    const auto row = t->rows.constFind(key(identity));
    if (row == t->rows.cend())
        return std::nullopt;
    const auto cell = row->cells.constFind(column);
    if (cell == row->cells.cend())
        return std::nullopt;
    return cell->value;
}

QString PendingChanges::display(const QString& table, const QVariant& identity, const QString& column) const
{
    const auto t = m_tables.constFind(table);
    if (t == m_tables.cend())
        return {};
    const auto row = t->rows.constFind(key(identity));
    return row == t->rows.cend() ? QString() : row->cells.value(column).display;
}

bool PendingChanges::isDeleted(const QString& table, const QVariant& identity) const
{
    const auto t = m_tables.constFind(table);
    return t != m_tables.cend() && t->deleted.contains(key(identity));
}

QList<qint64> PendingChanges::insertedRows(const QString& table) const
{
    return m_tables.value(table).inserted;
}

// The undo and redo stacks change before the step is applied: apply() says changed(), and whoever listens
// (the window's Undo and Redo actions) must already see the stacks as they will be.
void PendingChanges::record(Step step)
{
    m_redo.clear();
    step.group = m_groupDepth > 0 ? m_group : 0;
    m_undo << std::move(step);
    apply(m_undo.constLast(), true);
}

PendingChanges::Group::Group(PendingChanges* changes) : m_changes(changes)
{
    if (m_changes && m_changes->m_groupDepth++ == 0)
        m_changes->m_group = ++m_changes->m_lastGroup;
}

PendingChanges::Group::~Group()
{
    if (m_changes)
        --m_changes->m_groupDepth;
}

void PendingChanges::setValue(const QString& table, const QVariant& identity, const QString& column,
                              const QVariant& value, const QString& display)
{
    Step step{Step::Kind::Set, table, identity, column, std::nullopt, Cell{value, display}};
    const auto t = m_tables.constFind(table);
    if (t != m_tables.cend()) {
        const auto row = t->rows.constFind(key(identity));
        if (row != t->rows.cend() && row->cells.contains(column))
            step.before = row->cells.value(column);
    }
    record(std::move(step));
}

qint64 PendingChanges::insertRow(const QString& table)
{
    const qint64 identity = m_nextInsert--;
    record(Step{Step::Kind::Insert, table, pendingIdentity(identity), {}, std::nullopt, {}});
    return identity;
}

void PendingChanges::deleteRow(const QString& table, const QVariant& identity)
{
    record(Step{Step::Kind::Delete, table, identity, {}, std::nullopt, {}});
}

void PendingChanges::apply(const Step& step, bool forward)
{
    TableEdits& t = m_tables[step.table];
    const QString k = key(step.identity);
    switch (step.kind) {
    case Step::Kind::Set: {
        const std::optional<Cell>& target = forward ? std::optional<Cell>(step.after) : step.before;
        RowEdits& row = t.rows[k];
        row.identity = step.identity;
        if (target)
            row.cells.insert(step.column, *target);
        else
            row.cells.remove(step.column);
        if (row.cells.isEmpty())
            t.rows.remove(k);
        break;
    }
    case Step::Kind::Insert:
        if (forward)
            t.inserted << pendingNumber(step.identity);
        else
            t.inserted.removeAll(pendingNumber(step.identity));
        break;
    case Step::Kind::Delete:
        if (isInserted(step.identity)) {
            // An inserted row: deleting it un-inserts it (its cells stay for an undo to bring back).
            if (forward)
                t.inserted.removeAll(pendingNumber(step.identity));
            else
                t.inserted << pendingNumber(step.identity);
            std::sort(t.inserted.begin(), t.inserted.end(), std::greater<qint64>());
        } else if (forward) {
            t.deleted.insert(k, step.identity);
        } else {
            t.deleted.remove(k);
        }
        break;
    }
    pruneTable(step.table);
    emit changed(step.table);
}

void PendingChanges::pruneTable(const QString& table)
{
    const auto t = m_tables.find(table);
    if (t != m_tables.end() && t->rows.isEmpty() && t->inserted.isEmpty() && t->deleted.isEmpty())
        m_tables.erase(t);
}

// A step of a group moves with every other step of its group, newest first on undo and oldest first on redo.
void PendingChanges::undo()
{
    if (m_undo.isEmpty())
        return;
    const quint64 group = m_undo.constLast().group;
    do {
        m_redo << m_undo.takeLast();
        apply(m_redo.constLast(), false);
    } while (group != 0 && !m_undo.isEmpty() && m_undo.constLast().group == group);
}

void PendingChanges::redo()
{
    if (m_redo.isEmpty())
        return;
    const quint64 group = m_redo.constLast().group;
    do {
        m_undo << m_redo.takeLast();
        apply(m_undo.constLast(), true);
    } while (group != 0 && !m_redo.isEmpty() && m_redo.constLast().group == group);
}

void PendingChanges::clear()
{
    const QStringList tables = m_tables.keys();
    m_tables.clear();
    m_undo.clear();
    m_redo.clear();
    for (const QString& table : tables)
        emit changed(table);
}

QList<Change> PendingChanges::changes(const QHash<QString, QStringList>& keyColumns) const
{
    QList<Change> result;
    QStringList tables = m_tables.keys();
    tables.sort();
    for (const QString& table : tables) {
        const TableEdits& t = m_tables.value(table);
        const QStringList keyColumn = keyColumns.value(table, {QStringLiteral("rowid")});
        QList<QVariant> deleted = t.deleted.values();
        std::sort(deleted.begin(), deleted.end(), RowIdentity::lessThan);
        for (const QVariant& identity : deleted)
            result << Change::remove(table, RowIdentity::changeKey(keyColumn, identity));
        QList<RowEdits> updates;
        for (auto it = t.rows.cbegin(); it != t.rows.cend(); ++it) {
            const bool isInsert = isInserted(it->identity);
            if (!isInsert && !t.deleted.contains(it.key()))
                updates << *it;
        }
        std::sort(updates.begin(), updates.end(),
                  [](const RowEdits& a, const RowEdits& b) { return RowIdentity::lessThan(a.identity, b.identity); });
        for (const RowEdits& row : updates) {
            QVariantMap values;
            for (auto cell = row.cells.cbegin(); cell != row.cells.cend(); ++cell)
                values.insert(cell.key(), cell->value);
            result << Change::update(table, RowIdentity::changeKey(keyColumn, row.identity), values);
        }
        QList<qint64> inserted = t.inserted;
        std::sort(inserted.begin(), inserted.end(), std::greater<qint64>()); // oldest (-1) first
        for (qint64 identity : inserted) {
            QVariantMap values;
            const RowEdits row = t.rows.value(key(pendingIdentity(identity)));
            for (auto cell = row.cells.cbegin(); cell != row.cells.cend(); ++cell)
                values.insert(cell.key(), cell->value);
            result << Change::insert(table, values);
        }
    }
    return result;
}

PendingChanges::Location PendingChanges::locationOf(const QHash<QString, QStringList>& keyColumns,
                                                    int changeIndex) const
{
    const QList<Change> all = changes(keyColumns);
    if (changeIndex < 0 || changeIndex >= all.size())
        return {};
    const Change& change = all.at(changeIndex);
    if (change.kind != Change::Kind::Insert) {
        QVariantList values;
        for (const QString& column : keyColumns.value(change.table, {QStringLiteral("rowid")}))
            values << change.key.value(column);
        return {change.table, RowIdentity::fromValues(values)};
    }
    // The n-th insert of its table is the n-th inserted row, oldest first.
    int nth = 0;
    for (int i = 0; i < changeIndex; ++i) {
        if (all.at(i).table == change.table && all.at(i).kind == Change::Kind::Insert)
            ++nth;
    }
    QList<qint64> inserted = m_tables.value(change.table).inserted;
    std::sort(inserted.begin(), inserted.end(), std::greater<qint64>());
    return {change.table, nth < inserted.size() ? pendingIdentity(inserted.at(nth)) : QVariant()};
}

} // namespace quarry
