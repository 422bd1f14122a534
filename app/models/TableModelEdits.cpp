// How a TableModel takes edits: typed values, foreign keys, inserted and deleted rows, all kept pending in
// PendingChanges, and how it follows PendingChanges when they change.
#include "models/TableModel.h"

#include "blog/Normaliser.h"
#include "database/ColumnAffinity.h"
#include "database/SqlValue.h"
#include "models/PendingChanges.h"

#include <algorithm>

namespace quarry {

namespace {

// QList's == hands memcmp a null pointer when an empty list has never held anything (Qt 6.4), which
// UndefinedBehaviorSanitizer reports.
bool sameIdentities(const QList<qint64>& a, const QList<qint64>& b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
}
} // namespace

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
    m_writeProblems[PendingChanges::key(identity)].remove(column.name);
    m_pending->setValue(m_table.name, identity, column.name, stored);
    return true;
}

bool TableModel::setForeignKey(const QModelIndex& index, const QVariant& key, const QString& display)
{
    if (!(flags(index) & Qt::ItemIsEditable) || !m_pending)
        return false;
    const QString column = m_table.columns.at(index.column()).name;
    const QVariant identity = identityOf(index.row());
    m_writeProblems[PendingChanges::key(identity)].remove(column);
    m_pending->setValue(m_table.name, identity, column, key, display);
    return true;
}

void TableModel::setWriteProblem(const QVariant& identity, const QString& column, const QString& message)
{
    m_writeProblems[PendingChanges::key(identity)].insert(column, message);
    const int row = rowOfIdentity(identity);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

bool TableModel::insertRows(int row, int count, const QModelIndex& parent)
{
    Q_UNUSED(row)
    if (parent.isValid() || count < 1 || !isEditable() || !m_pending)
        return false;
    const PendingChanges::Group group(m_pending);
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
    return deleteRowsOf(identities);
}

bool TableModel::deleteRowsOf(const QVariantList& identities)
{
    if (!isEditable() || !m_pending)
        return false;
    const PendingChanges::Group group(m_pending);
    for (const QVariant& identity : identities) {
        // A row already deleted stays one step: undoing a second delete would bring it back while the first
        // still stands.
        if (identity.isValid() && !m_pending->isDeleted(m_table.name, identity))
            m_pending->deleteRow(m_table.name, identity);
    }
    return true;
}

} // namespace quarry
