#include "ResultModel.h"

#include "core/ValueText.h"
#include "query/ResultSpool.h"

#include <QBrush>
#include <QFont>

namespace quarry {

ResultModel::ResultModel(std::shared_ptr<ResultSpool> spool, QObject* parent)
    : QAbstractTableModel(parent), m_spool(std::move(spool)), m_columns(m_spool->columns())
{
}

void ResultModel::setAvailableRows(qint64 rows)
{
    const int shownBefore = rowCount();
    if (rows <= m_rows)
        return;
    // The last page read may have been short; it is read again once it can hold more.
    const qint64 lastPage = (m_rows - 1) / kPageRows;
    if (m_rows > 0 && m_rows % kPageRows != 0) {
        m_pages.remove(lastPage);
        m_recent.removeOne(lastPage);
    }
    const int shownAfter = int(qMin(rows, kMaxRows));
    if (shownAfter > shownBefore) {
        beginInsertRows({}, shownBefore, shownAfter - 1);
        m_rows = rows;
        endInsertRows();
    } else {
        m_rows = rows;
    }
}

int ResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(qMin(m_rows, kMaxRows));
}

int ResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const ResultCell* ResultModel::cell(int row, int column) const
{
    const qint64 page = row / kPageRows;
    auto it = m_pages.find(page);
    if (it == m_pages.end() || it->size() <= row % kPageRows) {
        auto rows = m_spool->rows(page * kPageRows, kPageRows);
        if (!rows)
            return nullptr;
        if (it == m_pages.end() && m_pages.size() >= kCachedPages)
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(page, *rows);
    }
    m_recent.removeOne(page);
    m_recent.append(page);
    const QList<ResultRow>& rows = *it;
    if (row % kPageRows >= rows.size() || column >= rows.at(row % kPageRows).size())
        return nullptr;
    return &rows.at(row % kPageRows).at(column);
}

QVariant ResultModel::fullValue(const QModelIndex& index) const
{
    const ResultCell* c = index.isValid() ? cell(index.row(), index.column()) : nullptr;
    if (!c)
        return {};
    auto full = m_spool->fullValue(*c);
    return full ? *full : QVariant();
}

QVariant ResultModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const ResultCell* c = cell(index.row(), index.column());
    if (!c)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return ValueText::display(*c);
    case Qt::ToolTipRole:
        if (c->isTruncated())
            return QStringLiteral("%1 in full; Copy gives the whole value.").arg(ValueText::byteSize(c->size));
        if (c->type == ResultCell::Type::Blob)
            return QStringLiteral("BLOB: %1").arg(QString::fromLatin1(c->value.toByteArray().left(32).toHex(' ')));
        return {};
    case Qt::TextAlignmentRole:
        if (c->type == ResultCell::Type::Integer || c->type == ResultCell::Type::Real)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (c->type == ResultCell::Type::Null || c->type == ResultCell::Type::Blob)
            return QBrush(QColor(0x6a, 0x73, 0x7d));
        return {};
    case Qt::FontRole:
        if (c->type == ResultCell::Type::Null) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case CellRole:
        return c->value;
    case FullValueRole:
        return fullValue(index);
    default:
        return {};
    }
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_columns.size() ? QVariant(m_columns.at(section)) : QVariant();
    return section + 1;
}

} // namespace quarry
