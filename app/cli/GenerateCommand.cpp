#include "cli/GenerateCommand.h"

#include "cli/CancelOnSignal.h"
#include "cli/CliParser.h"
#include "generate/Generator.h"

#include <QLocale>

namespace quarry {

namespace {

const QLatin1String kSyntax("generate FILE --users N --posts M --comments K [--seed S]");

QString grouped(qint64 value)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(value);
}

// "612k rows/s", "1.2M rows/s".
QString rate(double rowsPerSecond)
{
    if (rowsPerSecond >= 1e6)
        return QStringLiteral("%1M rows/s").arg(rowsPerSecond / 1e6, 0, 'f', 2);
    if (rowsPerSecond >= 1e3)
        return QStringLiteral("%1k rows/s").arg(qRound64(rowsPerSecond / 1e3));
    return QStringLiteral("%1 rows/s").arg(qRound64(rowsPerSecond));
}

QString megabytes(qint64 bytes)
{
    return QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1);
}

} // namespace

int GenerateCommand::run(const CliContext& context)
{
    CliParser cli(context, QString(kSyntax),
                  QStringLiteral("Creates a new database at the latest blog schema, filled with realistic users, "
                                 "posts, comments and profiles. The same seed always gives the same data."));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Number of users."), QStringLiteral("N"));
    const QCommandLineOption posts(QStringLiteral("posts"), QStringLiteral("Number of posts."), QStringLiteral("M"));
    const QCommandLineOption comments(QStringLiteral("comments"), QStringLiteral("Number of comments."),
                                      QStringLiteral("K"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the random data (default 1)."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    cli.parser().addOptions({users, posts, comments, seed});
    cli.parser().addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The database file to create."));
    if (auto status = cli.parse(1, 1))
        return *status;

    GeneratorOptions options;
    const std::pair<const QCommandLineOption*, qint64*> counts[] = {
        {&users, &options.users}, {&posts, &options.posts}, {&comments, &options.comments}};
    for (const auto& [option, count] : counts) {
        const QString name = option->names().constFirst();
        if (!cli.parser().isSet(*option))
            return context.fail(QStringLiteral("--%1 is required (usage: quarry %2)").arg(name, kSyntax),
                                CliContext::ExitUsage);
        bool ok = false;
        *count = cli.parser().value(*option).toLongLong(&ok);
        if (!ok || *count < 0)
            return context.fail(QStringLiteral("--%1 needs a whole number of at least 0, not \u201c%2\u201d")
                                    .arg(name, cli.parser().value(*option)),
                                CliContext::ExitUsage);
    }
    bool seedOk = false;
    options.seed = cli.parser().value(seed).toULongLong(&seedOk);
    if (!seedOk)
        return context.fail(
            QStringLiteral("--seed needs a whole number, not \u201c%1\u201d").arg(cli.parser().value(seed)),
            CliContext::ExitUsage);
    if (auto ok = Generator::validate(options); !ok)
        return context.fail(ok.error().message, CliContext::ExitUsage);

    const QString path = cli.parser().positionalArguments().at(0);
    const auto progress = [&context](const GeneratorProgress& p) {
        const QString phase = GeneratorProgress::phaseName(p.phase);
        if (p.phase == GeneratorProgress::Phase::Indexes)
            context.err << QStringLiteral("%1 %2 / %3%4 (%5 s)\n")
                               .arg(phase)
                               .arg(p.done)
                               .arg(p.total)
                               .arg(p.detail.isEmpty() ? QString() : QStringLiteral(": ") + p.detail)
                               .arg(p.seconds, 0, 'f', 1);
        else
            context.err << QStringLiteral("%1 %2 / %3 (%4)\n")
                               .arg(phase, grouped(p.done), grouped(p.total), rate(p.rowsPerSecond));
        context.err.flush();
    };
    // Ctrl+C stops the run and removes the partial file, which at scale holds gigabytes.
    const CancelOnSignal cancel;
    auto report = Generator::generate(path, options, progress, &cancel.cancelled());
    if (!report)
        return context.fail(report.error().message);
    context.out << QStringLiteral("Generated %1: %2 users, %3 posts, %4 comments, %5 profiles.\n")
                       .arg(path, grouped(report->users), grouped(report->posts), grouped(report->comments),
                            grouped(report->profiles))
                << QStringLiteral("%1 rows in %2 s (%3), %4.\n")
                       .arg(grouped(report->rows))
                       .arg(report->seconds, 0, 'f', 2)
                       .arg(rate(report->rowsPerSecond), megabytes(report->fileBytes))
                << Qt::flush;
    return CliContext::ExitSuccess;
}

} // namespace quarry
