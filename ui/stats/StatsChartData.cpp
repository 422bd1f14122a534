#include "stats/StatsChartData.h"

#include "stats/StatsFormat.h"

#include <QLocale>

#include <algorithm>

namespace quarry {

namespace {

QString rowLabel(const StatsPanel& panel, const QVariantList& row)
{
    QStringList parts;
    for (int column : panel.labelColumns)
        parts << StatsFormat::text(row.value(column));
    if (parts.size() > 1)
        return QStringLiteral("%1 (%2)").arg(parts.first(), QStringList(parts.mid(1)).join(QStringLiteral(", ")));
    return parts.value(0);
}

} // namespace

BarChartData StatsChartData::fromResult(const StatsPanel& panel, const StatsResult& result, int top)
{
    BarChartData data;
    for (int column : panel.valueColumns)
        data.series << result.columns.value(column);
    data.valueTitle = data.series.join(QStringLiteral(" + "));
    const qsizetype shown = std::min<qsizetype>(top, result.rows.size());
    for (qsizetype r = 0; r < shown; ++r) {
        const QVariantList& row = result.rows.at(r);
        data.labels << rowLabel(panel, row);
        QList<double> values;
        for (int column : panel.valueColumns)
            values << row.value(column).toDouble();
        data.values << values;
    }
    const qint64 rest = result.totalRows - shown;
    if (rest > 0) {
        data.othersLabel = QStringLiteral("%1 other %2").arg(QLocale().toString(rest), panel.rowNoun);
        for (int column : panel.valueColumns) {
            double sum = result.remainder.value(column);
            for (qsizetype r = shown; r < result.rows.size(); ++r)
                sum += result.rows.at(r).value(column).toDouble();
            data.others << sum;
        }
    }
    return data;
}

} // namespace quarry
