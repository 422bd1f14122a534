#include "stats/StatsSummary.h"

#include "stats/StatsFormat.h"

#include <cmath>

namespace quarry {

std::optional<double> StatsSummary::postsPerUser(const StatsResult& result)
{
    const int users = result.columnIndex(QStringLiteral("users"));
    const int posts = result.columnIndex(QStringLiteral("posts"));
    if (result.panel != QStringLiteral("totals") || users < 0 || posts < 0 || result.rows.isEmpty())
        return std::nullopt;
    const QVariantList& row = result.rows.constFirst();
    const qint64 userCount = row.value(users).toLongLong();
    if (userCount <= 0)
        return 0.0;
    return std::round(double(row.value(posts).toLongLong()) / double(userCount) * 100.0) / 100.0;
}

QString StatsSummary::text(const StatsResult& result)
{
    const std::optional<double> average = postsPerUser(result);
    if (!average)
        return {};
    return QStringLiteral("Posts per user on average: %1").arg(StatsFormat::text(*average));
}

} // namespace quarry
