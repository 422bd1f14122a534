#pragma once

#include "stats/BarChart.h"
#include "stats/StatsPanel.h"
#include "stats/StatsResult.h"

namespace quarry {

// What a panel's chart draws from its result.
class StatsChartData {
public:
    // The first `top` rows as bars, the rest folded into one "others" bar (kept rows past `top` plus the sums
    // the executor made of the rows it did not keep).
    static BarChartData fromResult(const StatsPanel& panel, const StatsResult& result, int top);
};

} // namespace quarry
