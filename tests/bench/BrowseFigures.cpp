#include "BrowseFigures.h"

#include <QJsonValue>

#include <cmath>

namespace quarry::bench {

QJsonValue BrowseFigures::figure(const std::optional<double>& value)
{
    // One decimal: finer than the machine's noise, short enough to read.
    return value ? QJsonValue(std::round(*value * 10.0) / 10.0) : QJsonValue(QJsonValue::Null);
}

QStringList BrowseFigures::keys()
{
    return {QStringLiteral("first_rows_ms"), QStringLiteral("jump_to_last_ms"), QStringLiteral("sort_title_ms"),
            QStringLiteral("filter_ms"),     QStringLiteral("peak_rss_mb"),     QStringLiteral("max_stall_ms")};
}

QJsonObject BrowseFigures::toJson() const
{
    const std::optional<double> values[] = {firstRowsMs, jumpToLastMs, sortTitleMs, filterMs, peakRssMb, maxStallMs};
    QJsonObject object;
    const QStringList names = keys();
    for (int i = 0; i < names.size(); ++i)
        object.insert(names.at(i), figure(values[i]));
    return object;
}

} // namespace quarry::bench
