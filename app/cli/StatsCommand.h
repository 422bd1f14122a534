#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry stats FILE [--panel NAME] [--days N | --this-month] [--format table|csv|json]`: the stats panels'
// rows, from the same StatsQueries and StatsExecutor the stats dock uses. Opens the file read-only.
class StatsCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
