#include "query/TextTable.h"

#include "core/Counting.h"
#include "core/ValueText.h"
#include "query/ResultSpool.h"

#include <QTextStream>

namespace quarry {

namespace {

constexpr int kBatchRows = 1024;

QString cut(const QString& text)
{
    return text.size() <= TextTable::kMaxWidth ? text : text.left(TextTable::kMaxWidth - 1) + QChar(0x2026);
}

bool isNumber(const ResultCell& cell)
{
    return cell.type == ResultCell::Type::Integer || cell.type == ResultCell::Type::Real;
}

} // namespace

Status TextTable::print(const ResultSpool& spool, QTextStream& out, Ending ending)
{
    const QStringList columns = spool.columns();
    QList<qsizetype> widths;
    for (const QString& column : columns)
        widths << cut(column).size();
    const qint64 total = spool.rowCount();
    // Two passes over the spooled rows: widths first, then the lines, so memory stays flat.
    for (qint64 first = 0; first < total; first += kBatchRows) {
        auto rows = spool.rows(first, kBatchRows);
        if (!rows)
            return rows.error();
        for (const ResultRow& row : *rows) {
            for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
                widths[c] = qMax(widths[c], cut(ValueText::display(row.at(c))).size());
        }
    }
    auto line = [&](const QStringList& cells, const QList<bool>& right) {
        QString text;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c > 0)
                text += QStringLiteral("  ");
            const bool last = c + 1 == cells.size();
            if (right.value(c))
                text += cells.at(c).rightJustified(widths.at(c));
            else
                text += last ? cells.at(c) : cells.at(c).leftJustified(widths.at(c));
        }
        out << text << '\n';
    };
    QStringList header;
    QStringList rule;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        header << cut(columns.at(c));
        rule << QString(widths.at(c), u'-');
    }
    line(header, {});
    line(rule, {});
    for (qint64 first = 0; first < total; first += kBatchRows) {
        auto rows = spool.rows(first, kBatchRows);
        if (!rows)
            return rows.error();
        for (const ResultRow& row : *rows) {
            QStringList cells;
            QList<bool> right;
            for (const ResultCell& cell : row) {
                cells << cut(ValueText::display(cell));
                right << isNumber(cell);
            }
            line(cells, right);
        }
    }
    const QString rows = plainCountText(total, QStringLiteral("row"), QStringLiteral("rows"));
    out << (ending == Ending::Complete ? QStringLiteral("(%1)\n").arg(rows)
                                       : QStringLiteral("(stopped after %1)\n").arg(rows));
    return {};
}

} // namespace quarry
