#include "cli/CheckCommand.h"

#include "cli/CliParser.h"
#include "database/Connection.h"
#include "schema/DatabaseCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace quarry {

namespace {

QJsonObject toJson(const CheckReport& report)
{
    QJsonObject tables;
    for (const auto& [name, count] : report.tableRowCounts)
        tables.insert(name, count);
    QJsonArray violations;
    for (const ForeignKeyViolation& v : report.foreignKeyViolations)
        violations.append(QJsonObject{{QStringLiteral("table"), v.table},
                                      {QStringLiteral("rowid"), v.rowid},
                                      {QStringLiteral("parent"), v.parent}});
    return QJsonObject{
        {QStringLiteral("schema_version"), report.schema.version},
        {QStringLiteral("schema"), report.schema.describe()},
        {QStringLiteral("tables"), tables},
        {QStringLiteral("integrity"), report.integrity.join(QLatin1Char('\n'))},
        {QStringLiteral("foreign_key_violations"), violations},
    };
}

void printText(const CheckReport& report, QTextStream& out)
{
    out << QStringLiteral("schema version: %1 (%2)\n").arg(report.schema.version).arg(report.schema.describe());
    out << "tables:\n";
    for (const auto& [name, count] : report.tableRowCounts)
        out << QStringLiteral("  %1: %2 rows\n").arg(name).arg(count);
    out << "integrity: " << report.integrity.join(QStringLiteral("\n  ")) << '\n';
    if (report.foreignKeyViolations.isEmpty()) {
        out << "foreign keys: ok\n";
    } else {
        out << QStringLiteral("foreign key violations: %1\n").arg(report.foreignKeyViolations.size());
        for (const ForeignKeyViolation& v : report.foreignKeyViolations)
            out << QStringLiteral("  %1 row %2 refers to a missing row of %3\n")
                       .arg(v.table)
                       .arg(v.rowid)
                       .arg(v.parent);
    }
}

} // namespace

int CheckCommand::run(const CliContext& context)
{
    CliParser cli(context, QStringLiteral("check FILE [--format text|json]"),
                  QStringLiteral("Reports the schema version, row counts, integrity and foreign-key violations. "
                                 "Opens the file read-only."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    cli.parser().addOption(format);
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file."));
    if (auto status = cli.parse(1, 1))
        return *status;
    const QString formatName = cli.parser().value(format);
    if (formatName != QStringLiteral("text") && formatName != QStringLiteral("json"))
        return context.fail(QStringLiteral("unknown format \u201c%1\u201d: use text or json").arg(formatName),
                            CliContext::ExitUsage);

    const QString path = cli.parser().positionalArguments().at(0);
    auto connection = Connection::open(path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("check")});
    if (!connection)
        return context.fail(connection.error().message);
    auto report = DatabaseCheck::run((*connection)->database());
    if (!report)
        return context.fail(report.error().message);
    if (formatName == QStringLiteral("json"))
        context.out << QJsonDocument(toJson(*report)).toJson(QJsonDocument::Indented);
    else
        printText(*report, context.out);
    context.out.flush();
    // A damaged file is a finding, not a failure to run: report it and say so in the status.
    return report->isHealthy() ? CliContext::ExitSuccess : CliContext::ExitFailure;
}

} // namespace quarry
