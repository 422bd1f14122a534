#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry check FILE [--format text|json]`: schema version, row counts, integrity and foreign-key violations.
class CheckCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
