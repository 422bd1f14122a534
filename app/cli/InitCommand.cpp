#include "cli/InitCommand.h"

#include "blog/DemoDatabase.h"
#include "cli/CliParser.h"
#include "schema/Migrator.h"

namespace quarry {

int InitCommand::run(const CliContext& context)
{
    CliParser cli(context, QStringLiteral("init FILE [--demo]"),
                  QStringLiteral("Creates a new database at the latest blog schema version."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Add the lesson's sample users, posts and comments."));
    cli.parser().addOption(demo);
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file to create."));
    if (auto status = cli.parse(1, 1))
        return *status;
    const QString path = cli.parser().positionalArguments().at(0);

    if (auto ok = DemoDatabase::create(path, cli.parser().isSet(demo)); !ok)
        return context.fail(ok.error().message);
    context.out << QStringLiteral("Created %1 at schema version %2%3.\n")
                       .arg(path)
                       .arg(Migrator::LatestVersion)
                       .arg(cli.parser().isSet(demo) ? QStringLiteral(" with the lesson's sample data") : QString())
                << Qt::flush;
    return CliContext::ExitSuccess;
}

} // namespace quarry
