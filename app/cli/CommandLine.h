#pragma once

#include <QStringList>
#include <QTextStream>

namespace quarry {

// The GUI-less subcommands (`quarry init`, `migrate`, `check`, ...). main() hands over when the first
// argument names one; the GUI and these commands call the same app/ functions.
class CommandLine {
public:
    static bool isSubcommand(const QString& name);
    // arguments[0] is the program name, arguments[1] the subcommand. Returns the process exit status.
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);
    // One line per subcommand, for `quarry --help`.
    static QString summary();
};

} // namespace quarry
