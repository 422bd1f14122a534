#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry generate FILE --users N --posts M --comments K [--seed S]`: a new blog database filled with
// deterministic, realistic data. Progress goes to stderr, the summary to stdout.
class GenerateCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
