#pragma once

#include "cli/CliContext.h"

#include <QCommandLineParser>

#include <optional>

namespace quarry {

// QCommandLineParser for a subcommand, without its habit of calling exit(): a bad option is a one-line
// error and status 2, --help prints the subcommand's help and status 0.
class CliParser {
public:
    CliParser(const CliContext& context, const QString& syntax, const QString& description);

    QCommandLineParser& parser() { return m_parser; }
    // Returns an exit status when the command should stop here (bad usage or --help), nothing otherwise.
    // `positional` is the number of positional arguments the command takes (min..max).
    std::optional<int> parse(int minPositional, int maxPositional);

    // An integer option's value, or a usage error.
    std::optional<int> intValue(const QString& option, int& status) const;

private:
    const CliContext& m_context;
    QString m_syntax;
    QCommandLineParser m_parser;
};

} // namespace quarry
