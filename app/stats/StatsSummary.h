#pragma once

#include "stats/StatsResult.h"

#include <QString>

#include <optional>

namespace quarry {

// Figures a panel shows beside its table but does not export: they follow from the exported columns, and the
// exported keys are the documented ones (totals is {users, posts, comments}, nothing more).
class StatsSummary {
public:
    // Posts per user on average, rounded to two decimals, from a totals result; nullopt without a totals row.
    // 0 when there are no users.
    static std::optional<double> postsPerUser(const StatsResult& result);
    // The sentence a panel shows under its table, or an empty string for a panel without one.
    static QString text(const StatsResult& result);
};

} // namespace quarry
