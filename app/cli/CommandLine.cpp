#include "cli/CommandLine.h"

#include "cli/CheckCommand.h"
#include "cli/CliContext.h"
#include "cli/GenerateCommand.h"
#include "cli/InitCommand.h"
#include "cli/MigrateCommand.h"
#include "cli/SqlCommand.h"
#include "cli/StatsCommand.h"

#include <algorithm>
#include <array>

namespace quarry {

namespace {

struct Subcommand {
    const char* name;
    const char* syntax;
    const char* summary;
    int (*run)(const CliContext&);
};

// Every subcommand, in the order `quarry --help` lists them.
const std::array kSubcommands{
    Subcommand{"init", "init FILE [--demo]", "create a database at the latest schema", &InitCommand::run},
    Subcommand{"migrate", "migrate FILE [--to N] [--dry-run]", "upgrade or downgrade the blog schema",
               &MigrateCommand::run},
    Subcommand{"check", "check FILE [--format text|json]", "schema version, row counts, integrity, foreign keys",
               &CheckCommand::run},
    Subcommand{"generate", "generate FILE --users N --posts M --comments K [--seed S]",
               "create a database filled with realistic blog data", &GenerateCommand::run},
    Subcommand{"sql", "sql FILE [STATEMENTS | -f SCRIPT.sql] [--format table|csv|json] [--read-only]",
               "run SQL and print each statement's result", &SqlCommand::run},
    Subcommand{"stats", "stats FILE [--panel NAME] [--days N | --this-month] [--format table|csv|json]",
               "the stats panels' rows: post counts, activity, active users, ...", &StatsCommand::run},
};

} // namespace

bool CommandLine::isSubcommand(const QString& name)
{
    for (const Subcommand& command : kSubcommands) {
        if (name == QLatin1String(command.name))
            return true;
    }
    return false;
}

int CommandLine::run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    CliContext context{arguments.mid(1), out, err};
    const QString name = arguments.value(1);
    for (const Subcommand& command : kSubcommands) {
        if (name == QLatin1String(command.name))
            return command.run(context);
    }
    return context.fail(QStringLiteral("unknown command \u201c%1\u201d").arg(name), CliContext::ExitUsage);
}

QString CommandLine::summary()
{
    qsizetype width = 0;
    for (const Subcommand& command : kSubcommands)
        width = std::max(width, qsizetype(qstrlen(command.syntax)));
    QString text;
    for (const Subcommand& command : kSubcommands)
        text += QStringLiteral("  quarry %1  %2\n")
                    .arg(QLatin1String(command.syntax), -int(width))
                    .arg(QLatin1String(command.summary));
    return text;
}

} // namespace quarry
