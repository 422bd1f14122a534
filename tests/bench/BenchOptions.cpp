#include "BenchOptions.h"

#include "stats/StatsPage.h"

#include <QCommandLineParser>

#include <algorithm>
#include <limits>

namespace quarry::bench {

namespace {

bool readNumber(const QCommandLineParser& parser, const QString& name, qint64 minimum, qint64& target, QString& message)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum) {
        message = QStringLiteral("--%1 needs a whole number of at least %2, not \u201c%3\u201d.\n")
                      .arg(name)
                      .arg(minimum)
                      .arg(parser.value(name));
        return false;
    }
    target = value;
    return true;
}

bool readInt(const QCommandLineParser& parser, const QString& name, int minimum, int& target, QString& message)
{
    qint64 value = target;
    if (!readNumber(parser, name, minimum, value, message))
        return false;
    target = int(std::min<qint64>(value, std::numeric_limits<int>::max()));
    return true;
}

} // namespace

QString BenchOptions::sideName(Side side)
{
    switch (side) {
    case Side::Quarry:
        return QStringLiteral("quarry");
    case Side::Baseline:
        return QStringLiteral("baseline");
    case Side::Plain:
        return QStringLiteral("plain");
    case Side::Huge:
        return QStringLiteral("huge");
    case Side::None:
        break;
    }
    return {};
}

std::optional<BenchOptions> BenchOptions::parse(const QStringList& arguments, QString& message, bool& helpOnly)
{
    helpOnly = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Generates a blog database (or reuses one of the same scale), drives Quarry's posts view and a "
                       "plain QSqlRelationalTableModel in a QTableView offscreen, times the stats panels against the "
                       "SQLite C API, and prints the figures as one JSON object."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addOptions({
        {QStringLiteral("users"), QStringLiteral("Users in the database."), QStringLiteral("N")},
        {QStringLiteral("posts"), QStringLiteral("Posts in the database."), QStringLiteral("M")},
        {QStringLiteral("comments"), QStringLiteral("Comments in the database."), QStringLiteral("K")},
        {QStringLiteral("seed"), QStringLiteral("Generator seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("db"), QStringLiteral("Database file: reused when it holds this scale, else generated."),
         QStringLiteral("FILE")},
        {QStringLiteral("out"), QStringLiteral("Also write the JSON here."), QStringLiteral("FILE.json")},
        {QStringLiteral("measure"), QStringLiteral("Measure one side only (used by the benchmark itself)."),
         QStringLiteral("quarry|baseline|plain|huge")},
        {QStringLiteral("limit-ms"), QStringLiteral("Give up on a step after this long (default 60000)."),
         QStringLiteral("MS")},
        {QStringLiteral("pause-ms"), QStringLiteral("Idle time before each step (default 500)."), QStringLiteral("MS")},
        {QStringLiteral("scroll-steps"),
         QStringLiteral("Scroll-bar positions visited from top to bottom (default 100)."), QStringLiteral("N")},
        {QStringLiteral("stats-runs"), QStringLiteral("Timed runs per stats panel, median reported (default 3)."),
         QStringLiteral("N")},
        {QStringLiteral("stats-keep"),
         QStringLiteral("Rows a stats panel keeps (default: as many as the panel in the window, %1).")
             .arg(StatsPage::MaxRows),
         QStringLiteral("N")},
        {QStringLiteral("stats-limit-ms"), QStringLiteral("Give up on a stats run after this long (default 600000)."),
         QStringLiteral("MS")},
        {QStringLiteral("rss-limit-mb"),
         QStringLiteral("Stop a side's step when its resident memory passes this (default 4096)."),
         QStringLiteral("MB")},
        {QStringLiteral("filter-word"), QStringLiteral("Word typed into the title filter (default: from the data)."),
         QStringLiteral("WORD")},
        {QStringLiteral("no-baseline"), QStringLiteral("Skip the QSqlRelationalTableModel baseline.")},
        {QStringLiteral("no-stats"), QStringLiteral("Skip the stats panels.")},
        {QStringLiteral("no-warm"), QStringLiteral("Do not read the file once before measuring.")},
        {QStringLiteral("values"),
         QStringLiteral(
             "Huge values instead: one table with and without a huge BLOB and a huge TEXT, browsed by Quarry "
             "(--db names the folder's files: FILE-plain.db and FILE-huge.db, kept).")},
        {QStringLiteral("value-rows"), QStringLiteral("Rows of small values with --values (default 200000)."),
         QStringLiteral("N")},
        {QStringLiteral("huge-blob-mb"), QStringLiteral("The huge BLOB's size with --values (default 1024)."),
         QStringLiteral("MB")},
        {QStringLiteral("huge-text-mb"), QStringLiteral("The huge TEXT's size with --values (default 10)."),
         QStringLiteral("MB")},
    });
    if (!parser.parse(arguments)) {
        message = parser.errorText() + QLatin1Char('\n');
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        message = parser.helpText();
        helpOnly = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        message = QStringLiteral("Unexpected argument \u201c%1\u201d.\n").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    BenchOptions options;
    options.statsKeep = int(StatsPage::MaxRows);
    const QString measured = parser.value(QStringLiteral("measure"));
    options.values =
        parser.isSet(QStringLiteral("values")) || measured == sideName(Side::Plain) || measured == sideName(Side::Huge);
    for (const QString& name : {QStringLiteral("users"), QStringLiteral("posts"), QStringLiteral("comments")}) {
        if (!options.values && !parser.isSet(name)) {
            message = QStringLiteral("--%1 is required.\n").arg(name);
            return std::nullopt;
        }
    }
    qint64 seed = qint64(options.seed);
    if (!readNumber(parser, QStringLiteral("users"), 1, options.users, message) ||
        !readNumber(parser, QStringLiteral("posts"), 1, options.posts, message) ||
        !readNumber(parser, QStringLiteral("comments"), 0, options.comments, message) ||
        !readNumber(parser, QStringLiteral("seed"), 0, seed, message) ||
        !readInt(parser, QStringLiteral("limit-ms"), 100, options.limitMs, message) ||
        !readInt(parser, QStringLiteral("pause-ms"), 0, options.pauseMs, message) ||
        !readInt(parser, QStringLiteral("scroll-steps"), 1, options.scrollSteps, message) ||
        !readInt(parser, QStringLiteral("stats-runs"), 1, options.statsRuns, message) ||
        !readInt(parser, QStringLiteral("stats-keep"), 0, options.statsKeep, message) ||
        !readInt(parser, QStringLiteral("stats-limit-ms"), 100, options.statsLimitMs, message) ||
        !readInt(parser, QStringLiteral("rss-limit-mb"), 16, options.rssLimitMb, message) ||
        !readNumber(parser, QStringLiteral("value-rows"), 10, options.valueRows, message) ||
        !readNumber(parser, QStringLiteral("huge-blob-mb"), 1, options.hugeBlobMb, message) ||
        !readNumber(parser, QStringLiteral("huge-text-mb"), 1, options.hugeTextMb, message))
        return std::nullopt;
    options.seed = quint64(seed);
    options.database = parser.value(QStringLiteral("db"));
    options.output = parser.value(QStringLiteral("out"));
    options.filterWord = parser.value(QStringLiteral("filter-word"));
    options.baseline = !parser.isSet(QStringLiteral("no-baseline"));
    options.stats = !parser.isSet(QStringLiteral("no-stats"));
    options.warmCache = !parser.isSet(QStringLiteral("no-warm"));
    if (parser.isSet(QStringLiteral("measure"))) {
        const QString side = parser.value(QStringLiteral("measure"));
        if (side == sideName(Side::Quarry)) {
            options.measure = Side::Quarry;
        } else if (side == sideName(Side::Baseline)) {
            options.measure = Side::Baseline;
        } else if (side == sideName(Side::Plain) || side == sideName(Side::Huge)) {
            options.measure = side == sideName(Side::Plain) ? Side::Plain : Side::Huge;
        } else {
            message =
                QStringLiteral("--measure takes quarry, baseline, plain or huge, not \u201c%1\u201d.\n").arg(side);
            return std::nullopt;
        }
        if (options.database.isEmpty()) {
            message = QStringLiteral("--measure needs --db.\n");
            return std::nullopt;
        }
    }
    return options;
}

QStringList BenchOptions::childArguments(Side side) const
{
    QStringList arguments{
        QStringLiteral("--measure"),      sideName(side),
        QStringLiteral("--db"),           database,
        QStringLiteral("--limit-ms"),     QString::number(limitMs),
        QStringLiteral("--pause-ms"),     QString::number(pauseMs),
        QStringLiteral("--scroll-steps"), QString::number(scrollSteps),
        QStringLiteral("--rss-limit-mb"), QString::number(rssLimitMb),
    };
    if (!filterWord.isEmpty())
        arguments << QStringLiteral("--filter-word") << filterWord;
    if (!values) {
        arguments << QStringLiteral("--users") << QString::number(users) << QStringLiteral("--posts")
                  << QString::number(posts) << QStringLiteral("--comments") << QString::number(comments);
    } else {
        arguments << QStringLiteral("--value-rows") << QString::number(valueRows) << QStringLiteral("--huge-blob-mb")
                  << QString::number(hugeBlobMb) << QStringLiteral("--huge-text-mb") << QString::number(hugeTextMb);
    }
    return arguments;
}

} // namespace quarry::bench
