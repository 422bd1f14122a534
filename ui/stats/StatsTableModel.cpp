#include "stats/StatsTableModel.h"

#include "stats/StatsFormat.h"

#include <algorithm>
#include <numeric>

namespace quarry {

namespace {

// NULL < numbers < text; numbers by value, text by code point (as SQLite's BINARY collation).
int compareValues(const QVariant& a, const QVariant& b)
{
    const bool aNull = !a.isValid() || a.isNull();
    const bool bNull = !b.isValid() || b.isNull();
    if (aNull || bNull)
        return int(bNull) - int(aNull);
    const bool aNumber = StatsFormat::isNumeric(a);
    const bool bNumber = StatsFormat::isNumeric(b);
    if (aNumber && bNumber) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (aNumber != bNumber)
        return aNumber ? -1 : 1;
    return a.toString().compare(b.toString());
}

} // namespace

StatsTableModel::StatsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void StatsTableModel::setResult(const StatsResult& result)
{
    beginResetModel();
    m_result = result;
    m_numericColumns.fill(true, m_result.columns.size());
    for (const QVariantList& row : std::as_const(m_result.rows)) {
        for (qsizetype c = 0; c < m_numericColumns.size(); ++c) {
            const QVariant& value = row.value(c);
            if (value.isValid() && !value.isNull() && !StatsFormat::isNumeric(value))
                m_numericColumns[c] = false;
        }
    }
    endResetModel();
}

void StatsTableModel::clear()
{
    beginResetModel();
    m_result = StatsResult{};
    m_numericColumns.clear();
    endResetModel();
}

int StatsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_result.rows.size());
}

int StatsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_result.columns.size());
}

QVariant StatsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant& value = m_result.rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return StatsFormat::text(value);
    case Qt::EditRole:
        return value;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignVCenter) |
                                   (m_numericColumns.value(index.column()) ? Qt::AlignRight : Qt::AlignLeft));
    case Qt::ToolTipRole:
        return value.isValid() && !value.isNull() ? QVariant() : QVariant(QStringLiteral("NULL"));
    default:
        return {};
    }
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_result.columns.size() ? QVariant(m_result.columns.at(section)) : QVariant();
    return section < m_result.rows.size() ? QVariant(section + 1) : QVariant();
}

void StatsTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_result.columns.size())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> permutation(m_result.rows.size());
    std::iota(permutation.begin(), permutation.end(), 0);
    std::stable_sort(permutation.begin(), permutation.end(), [&](int a, int b) {
        const int c = compareValues(m_result.rows.at(a).value(column), m_result.rows.at(b).value(column));
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QList<QVariantList> sorted;
    sorted.reserve(permutation.size());
    QList<int> newRowOf(permutation.size());
    for (int i = 0; i < permutation.size(); ++i) {
        sorted.append(m_result.rows.at(permutation.at(i)));
        newRowOf[permutation.at(i)] = i;
    }
    m_result.rows = std::move(sorted);
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& index : before)
        after << this->index(newRowOf.at(index.row()), index.column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace quarry
