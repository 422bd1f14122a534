#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry init FILE [--demo]`: a new database at the latest schema, with the lesson's sample data on request.
class InitCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
