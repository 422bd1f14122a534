#include "BenchCoordinator.h"

#include "BrowseFigures.h"
#include "JsonText.h"
#include "StatsBench.h"
#include "cli/CancelOnSignal.h"
#include "generate/Generator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <sqlite3.h>

#include <cmath>

namespace quarry::bench {

namespace {

// The title of the newest post: a word of it is typed into the title filter on both sides.
constexpr char kLastTitleSql[] = "SELECT title FROM posts ORDER BY rowid DESC LIMIT 1";

// The first line of a /proc file that starts with `prefix`, after the prefix; the whole first line for none.
QString procLine(const QString& path, const QString& prefix = {})
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed();
    }
    return {};
}

// Other processes on the machine slow every figure down: say how busy it was.
QString loadAverage()
{
    return procLine(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 2);
}

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

void BenchCoordinator::warmCache(QTextStream& err)
{
    QFile file(m_options.database);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QElapsedTimer clock;
    clock.start();
    QByteArray buffer(4 * 1024 * 1024, Qt::Uninitialized);
    qint64 total = 0;
    qint64 read = 0;
    while ((read = file.read(buffer.data(), buffer.size())) > 0)
        total += read;
    m_notes << QStringLiteral("file read once before measuring (%1 MiB in %2 s), so both sides start warm")
                   .arg(double(total) / (1024.0 * 1024.0), 0, 'f', 1)
                   .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2);
    err << "quarry-bench: page cache warmed" << Qt::endl;
}

QString BenchCoordinator::measureSide(BenchOptions::Side side, QTextStream& err)
{
    const QString name = BenchOptions::sideName(side);
    err << "quarry-bench: measuring " << name << Qt::endl;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), m_options.childArguments(side));
    // Six steps with their pauses, each bounded by the limit, and the time to open and close.
    const int timeoutMs = 8 * (m_options.limitMs + m_options.pauseMs) + 120000;
    const bool finished = child.waitForStarted() && child.waitForFinished(timeoutMs);
    if (!finished) {
        child.kill();
        child.waitForFinished();
    }
    const QJsonDocument document = QJsonDocument::fromJson(child.readAllStandardOutput());
    if (!finished || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || !document.isObject()) {
        m_notes << QStringLiteral("%1: the measuring process failed (%2); no figures")
                       .arg(name, finished ? QStringLiteral("exit code %1").arg(child.exitCode())
                                           : QStringLiteral("timed out after %1 ms").arg(timeoutMs));
        return figuresText({});
    }
    for (const QJsonValue& note : document.object().value(QStringLiteral("notes")).toArray())
        m_notes << name + QStringLiteral(": ") + note.toString();
    return figuresText(document.object().value(QStringLiteral("figures")).toObject());
}

int BenchCoordinator::run(QTextStream& out, QTextStream& err)
{
    const QString cpu =
        procLine(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name")).section(QLatin1Char(':'), 1).trimmed();
    const double memoryGb = procLine(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal:"))
                                .section(QLatin1Char(' '), 0, 0)
                                .toDouble() /
                            (1024.0 * 1024.0);
    m_notes << QStringLiteral("machine: %1 x %2, %3 GB RAM; load average (1, 5, 15 min) at start %4")
                   .arg(QThread::idealThreadCount())
                   .arg(cpu)
                   .arg(memoryGb, 0, 'f', 1)
                   .arg(loadAverage());
    if (const int status = prepareDatabase(err); status != 0)
        return status;
    if (m_options.filterWord.isEmpty())
        m_options.filterWord = chooseFilterWord();
    if (m_options.warmCache)
        warmCache(err);

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
    m_notes << QStringLiteral("load average at the end %1").arg(loadAverage());

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
    out << text;
    out.flush();
    if (!m_options.output.isEmpty()) {
        QFile file(m_options.output);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
            err << "quarry-bench: cannot write " << m_options.output << Qt::endl;
            return 1;
        }
    }
    return 0;
}

} // namespace quarry::bench
