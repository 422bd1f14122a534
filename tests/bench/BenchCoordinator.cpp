#include "BenchCoordinator.h"

#include "BenchHost.h"
#include "BrowseFigures.h"
#include "JsonText.h"
#include "StatsBench.h"
#include "cli/CancelOnSignal.h"
#include "generate/Generator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <cmath>

namespace quarry::bench {

namespace {

// The title of the newest post: a word of it is typed into the title filter on both sides.
constexpr char kLastTitleSql[] = "SELECT title FROM posts ORDER BY rowid DESC LIMIT 1";

QString figuresText(const QJsonObject& figures)
{
    JsonText::Members members;
    for (const QString& key : BrowseFigures::keys())
        members.append({key, JsonText::value(figures.value(key))});
    return JsonText::object(members);
}

} // namespace

BenchCoordinator::BenchCoordinator(BenchOptions options) : m_options(std::move(options)) {}

BenchCoordinator::~BenchCoordinator() = default;

int BenchCoordinator::prepareDatabase(QTextStream& err)
{
    GeneratorOptions generator;
    generator.users = m_options.users;
    generator.posts = m_options.posts;
    generator.comments = m_options.comments;
    generator.seed = m_options.seed;
    if (Status valid = Generator::validate(generator); !valid) {
        err << "quarry-bench: " << valid.error().message << Qt::endl;
        return 2;
    }
    if (m_options.database.isEmpty()) {
        m_folder = std::make_unique<QTemporaryDir>();
        if (!m_folder->isValid()) {
            err << "quarry-bench: cannot create a temporary folder: " << m_folder->errorString() << Qt::endl;
            return 1;
        }
        m_options.database = m_folder->filePath(QStringLiteral("bench.db"));
    } else if (QFileInfo::exists(m_options.database)) {
        if (Generator::matchesScale(m_options.database, generator)) {
            m_notes << QStringLiteral("database reused (it holds this scale): generator not run");
            err << "quarry-bench: reusing " << m_options.database << Qt::endl;
            return 0;
        }
        err << "quarry-bench: " << m_options.database
            << " exists and does not hold this scale; remove it or name another file" << Qt::endl;
        return 1;
    }
    err << "quarry-bench: generating " << m_options.database << Qt::endl;
    // Ctrl+C while generating removes the partial file, gigabytes at scale, as `quarry generate` does.
    const CancelOnSignal cancel;
    auto report = Generator::generate(
        m_options.database, generator,
        [&err](const GeneratorProgress& progress) {
            err << "quarry-bench: " << GeneratorProgress::phaseName(progress.phase) << ' ' << progress.done << '/'
                << progress.total << ", " << qint64(progress.rowsPerSecond) << " rows/s" << Qt::endl;
        },
        &cancel.cancelled());
    if (!report) {
        err << "quarry-bench: cannot generate the database: " << report.error().message << Qt::endl;
        return 1;
    }
    m_generatorRowsPerSecond = report->rowsPerSecond;
    m_notes << QStringLiteral("generator: %1 rows in %2 s, %3 MiB file")
                   .arg(report->rows)
                   .arg(report->seconds, 0, 'f', 2)
                   .arg(double(report->fileBytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return 0;
}

QString BenchCoordinator::chooseFilterWord() const
{
    sqlite3* db = nullptr;
    QString title;
    if (sqlite3_open_v2(m_options.database.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, kLastTitleSql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            title = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    // The longest word: long words are the rarer ones, so the filter has to look further for its first rows.
    static const QRegularExpression words(QStringLiteral("[A-Za-z]+"));
    QString best;
    for (const QRegularExpressionMatch& match : words.globalMatch(title)) {
        if (match.captured().size() > best.size())
            best = match.captured();
    }
    return best.isEmpty() ? QStringLiteral("the") : best.toLower();
}

QString BenchCoordinator::measureSide(BenchOptions::Side side, QTextStream& err)
{
    // Six steps with their pauses, each bounded by the limit, and the time to open and close.
    const int timeoutMs = 8 * (m_options.limitMs + m_options.pauseMs) + 120000;
    const QJsonObject result =
        BenchHost::runChild(BenchOptions::sideName(side), m_options.childArguments(side), timeoutMs, m_notes, err);
    return figuresText(result.value(QStringLiteral("figures")).toObject());
}

int BenchCoordinator::run(QTextStream& out, QTextStream& err)
{
    m_notes << BenchHost::machineNote();
    if (const int status = prepareDatabase(err); status != 0)
        return status;
    if (m_options.filterWord.isEmpty())
        m_options.filterWord = chooseFilterWord();
    if (m_options.warmCache)
        BenchHost::warmFile(m_options.database, m_notes, err);

    const QString quarry = measureSide(BenchOptions::Side::Quarry, err);
    QString baseline = figuresText({});
    if (m_options.baseline)
        baseline = measureSide(BenchOptions::Side::Baseline, err);
    else
        m_notes << QStringLiteral("baseline: not measured (--no-baseline)");

    QString stats = QStringLiteral("{}");
    if (m_options.stats) {
        err << "quarry-bench: timing the stats panels" << Qt::endl;
        StatsBench bench(m_options.database, m_options);
        stats = StatsBench::toJsonText(bench.run(m_notes));
    } else {
        m_notes << QStringLiteral("stats: not measured (--no-stats)");
    }
    m_notes << QStringLiteral("limits: %1 ms per step, %2 MB resident memory per side, %3 ms per stats run")
                   .arg(m_options.limitMs)
                   .arg(m_options.rssLimitMb)
                   .arg(m_options.statsLimitMs);
    m_notes << QStringLiteral("load average at the end %1").arg(BenchHost::loadAverage());

    auto number = [](const std::optional<double>& value) {
        return value ? JsonText::value(QJsonValue(std::round(*value))) : QStringLiteral("null");
    };
    const QString text = JsonText::objectLines({
                             {QStringLiteral("scale"),
                              JsonText::object({{QStringLiteral("users"), QString::number(m_options.users)},
                                                {QStringLiteral("posts"), QString::number(m_options.posts)},
                                                {QStringLiteral("comments"), QString::number(m_options.comments)}})},
                             {QStringLiteral("generator_rows_per_s"), number(m_generatorRowsPerSecond)},
                             {QStringLiteral("quarry"), quarry},
                             {QStringLiteral("baseline"), baseline},
                             {QStringLiteral("stats"), stats},
                             {QStringLiteral("notes"), JsonText::value(QJsonArray::fromStringList(m_notes))},
                         }) +
                         QLatin1Char('\n');
    return BenchHost::publish(text, m_options.output, out, err);
}

} // namespace quarry::bench
