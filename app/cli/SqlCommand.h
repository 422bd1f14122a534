#pragma once

#include "cli/CliContext.h"

namespace quarry {

// `quarry sql FILE [STATEMENTS | -f SCRIPT.sql] [--format table|csv|json] [--read-only]`: runs SQL with the
// query editor's executor and prints each statement's result. The first failing statement stops the script;
// its error goes to stderr with its line and column, and the exit status is 1.
class SqlCommand {
public:
    static int run(const CliContext& context);
};

} // namespace quarry
