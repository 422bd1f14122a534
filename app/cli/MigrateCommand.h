#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry migrate FILE [--to N] [--dry-run]`: upgrades or downgrades, printing each step and the backup.
class MigrateCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
