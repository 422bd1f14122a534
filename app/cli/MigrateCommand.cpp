#include "cli/MigrateCommand.h"

#include "cli/CancelOnSignal.h"
#include "cli/CliParser.h"
#include "database/CancelCheck.h"
#include "database/Connection.h"
#include "schema/Migrator.h"

namespace quarry {

int MigrateCommand::run(const CliContext& context)
{
    CliParser cli(context, QStringLiteral("migrate FILE [--to N] [--dry-run]"),
                  QStringLiteral("Upgrades (or downgrades) a blog database, after writing a backup beside it."));
    const QCommandLineOption to(
        QStringLiteral("to"),
        QStringLiteral("The schema version to reach (default: the latest, %1).").arg(Migrator::LatestVersion),
        QStringLiteral("N"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the steps and checks; change nothing."));
    cli.parser().addOption(to);
    cli.parser().addOption(dryRun);
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file."));
    if (auto status = cli.parse(1, 1))
        return *status;
    int target = Migrator::LatestVersion;
    if (cli.parser().isSet(to)) {
        int status = 0;
        auto value = cli.intValue(QStringLiteral("to"), status);
        if (!value)
            return status;
        target = *value;
    }
    const bool isDryRun = cli.parser().isSet(dryRun);
    const QString path = cli.parser().positionalArguments().at(0);
    const auto mode = isDryRun ? Connection::Mode::ReadOnly : Connection::Mode::ReadWrite;
    auto connection = Connection::open(path, {mode, 5000, QStringLiteral("migrate")});
    if (!connection)
        return context.fail(connection.error().message);
    if (!isDryRun && (*connection)->isReadOnly())
        return context.fail(QStringLiteral("cannot migrate %1: %2").arg(path, (*connection)->readOnlyReason()));

    Migrator migrator(**connection);
    // Ctrl+C stops the backup or the step under way: a step rolls back, a backup cut short is removed.
    const CancelOnSignal cancel;
    Result<MigrationReport> report = Error{};
    {
        const CancelCheck cancelCheck((*connection)->handle(), &cancel.cancelled());
        report = migrator.migrate(target, {isDryRun, true});
    }
    if (!report && cancel.cancelled().load()) {
        const auto now = Migrator::inspect((*connection)->database());
        return context.fail(now ? QStringLiteral("Cancelled: %1 is at schema version %2.").arg(path).arg(now->version)
                                : QStringLiteral("Cancelled."));
    }
    if (!report)
        return context.fail(report.error().message);
    if (report->steps.isEmpty()) {
        context.out << QStringLiteral("%1 is already at schema version %2; nothing to do.\n").arg(path).arg(target);
    } else {
        if (!report->backupPath.isEmpty())
            context.out << QStringLiteral("Backup written to %1\n").arg(report->backupPath);
        for (const MigrationStep& step : report->steps)
            context.out << QStringLiteral("%1v%2 -> v%3: %4\n")
                               .arg(isDryRun ? QStringLiteral("would migrate ") : QString())
                               .arg(step.from)
                               .arg(step.to)
                               .arg(step.description);
        if (!isDryRun)
            context.out << QStringLiteral("%1 is now at schema version %2.\n").arg(path).arg(target);
    }
    for (const ForeignKeyViolation& orphan : report->orphans)
        context.out << QStringLiteral("warning: %1 row %2 refers to a missing row of %3 (kept, not deleted)\n")
                           .arg(orphan.table)
                           .arg(orphan.rowid)
                           .arg(orphan.parent);
    context.out.flush();
    return CliContext::ExitSuccess;
}

} // namespace quarry
