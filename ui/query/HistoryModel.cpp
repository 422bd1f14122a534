#include "HistoryModel.h"

#include "query/SqlLexer.h"

#include <QBrush>
#include <QLocale>

namespace quarry {

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryModel::setEntries(const QList<HistoryEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const HistoryEntry& entry = m_entries.at(index.row());
    if (role == SqlRole)
        return entry.sql;
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1\n\n%2 \u00b7 %3")
            .arg(entry.sql, entry.detail, QLocale().toString(entry.startedAt.toLocalTime(), QLocale::LongFormat));
    if (role == Qt::ForegroundRole && index.column() == Outcome && entry.outcome == HistoryEntry::Outcome::Error)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::TextAlignmentRole && index.column() == Duration)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: {
        // Today's statements by the time alone; older ones with their date.
        const QDateTime local = entry.startedAt.toLocalTime();
        return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                    : QLocale().toString(local, QLocale::ShortFormat);
    }
    case Duration:
        return QStringLiteral("%1 ms").arg(QLocale().toString(entry.durationMs));
    case Outcome:
        switch (entry.outcome) {
        case HistoryEntry::Outcome::Ok:
            return entry.detail;
        case HistoryEntry::Outcome::Error:
            return QStringLiteral("Error: %1").arg(entry.detail);
        case HistoryEntry::Outcome::Cancelled:
            return QStringLiteral("Stopped");
        }
        return {};
    case Sql: {
        const QList<SqlToken> tokens = SqlLexer::significantTokens(entry.sql);
        return (tokens.isEmpty() ? entry.sql : entry.sql.mid(tokens.front().start)).simplified();
    }
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return QStringLiteral("When");
    case Duration:
        return QStringLiteral("Took");
    case Outcome:
        return QStringLiteral("Outcome");
    case Sql:
        return QStringLiteral("Statement");
    default:
        return {};
    }
}

} // namespace quarry
