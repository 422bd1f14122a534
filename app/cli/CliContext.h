#pragma once

#include <QStringList>
#include <QTextStream>

namespace quarry {

// What a subcommand gets: its arguments (the subcommand's name first, where a parser expects the program's)
// and where to write.
struct CliContext {
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;

    // A one-line error on stderr; returns the exit status to use.
    int fail(const QString& message, int status = ExitFailure) const
    {
        err << "quarry: " << message << Qt::endl;
        return status;
    }

    static constexpr int ExitSuccess = 0;
    static constexpr int ExitFailure = 1;
    static constexpr int ExitUsage = 2;
};

} // namespace quarry
