#include "StatsBench.h"

#include "JsonText.h"
#include "stats/StatsConnectionSettings.h"
#include "stats/StatsParameters.h"
#include "stats/StatsQueries.h"
#include "stats/StatsRunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace quarry::bench {

namespace {

std::optional<double> median(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2.0;
}

// Where the C API loop leaves what it read, so the reads cannot be optimised away.
volatile qint64 g_checksum = 0;

QString sqliteMessage(sqlite3* db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

StatsBench::StatsBench(QString path, const BenchOptions& options) : m_path(std::move(path)), m_options(options) {}

std::optional<double> StatsBench::timeQuarry(StatsRunner& runner, const StatsPanel& panel, qint64& rows, QString& error)
{
    QEventLoop loop;
    quint64 id = 0;
    bool done = false;
    const auto finished =
        QObject::connect(&runner, &StatsRunner::finished, &loop, [&](quint64 requestId, const StatsResult& result) {
            if (requestId != id)
                return;
            rows = result.totalRows;
            done = true;
            loop.quit();
        });
    const auto failed = QObject::connect(&runner, &StatsRunner::failed, &loop,
                                         [&](quint64 requestId, const QString&, const Error& failure) {
                                             if (requestId != id)
                                                 return;
                                             error = failure.message;
                                             loop.quit();
                                         });
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, [&] {
        error = QStringLiteral("not finished within the limit of %1 ms").arg(m_options.statsLimitMs);
        runner.cancel(panel.name);
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    id = runner.run(panel.name, StatsParameters{}, m_options.statsKeep);
    limit.start(m_options.statsLimitMs);
    loop.exec();
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    QObject::disconnect(finished);
    QObject::disconnect(failed);
    return done ? std::optional<double>(ms) : std::nullopt;
}

std::optional<double> StatsBench::timeCApi(sqlite3* db, const StatsPanel& panel, qint64& rows, QString& error)
{
    QElapsedTimer clock;
    clock.start();
    // The connection settings Quarry's executor gives its connection before each run, so both sides differ only in
    // what Quarry adds around SQLite.
    StatsConnectionSettings::apply(db);
    const QByteArray sql = panel.sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK) {
        error = sqliteMessage(db);
        return std::nullopt;
    }
    // The same values Quarry binds, by name.
    const QVariantMap bindings = StatsParameters{}.bindings();
    for (int i = 1; i <= sqlite3_bind_parameter_count(stmt); ++i) {
        const char* name = sqlite3_bind_parameter_name(stmt, i);
        const QByteArray text = bindings.value(QString::fromUtf8(name ? name : "")).toString().toUtf8();
        sqlite3_bind_text(stmt, i, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    // Every column of every row is read, as a C program showing the rows would.
    const int columns = sqlite3_column_count(stmt);
    qint64 count = 0;
    qint64 checksum = 0;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                checksum += sqlite3_column_int64(stmt, c);
                break;
            case SQLITE_FLOAT:
                checksum += qint64(sqlite3_column_double(stmt, c));
                break;
            case SQLITE_TEXT:
                checksum += sqlite3_column_text(stmt, c)[0] + sqlite3_column_bytes(stmt, c);
                break;
            case SQLITE_BLOB:
                checksum += sqlite3_column_bytes(stmt, c);
                break;
            default:
                break;
            }
        }
        ++count;
        if (clock.elapsed() > m_options.statsLimitMs) {
            rc = SQLITE_INTERRUPT;
            break;
        }
    }
    sqlite3_finalize(stmt);
    StatsConnectionSettings::releaseMemory(db);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    if (rc != SQLITE_DONE) {
        error = rc == SQLITE_INTERRUPT
                    ? QStringLiteral("not finished within the limit of %1 ms").arg(m_options.statsLimitMs)
                    : sqliteMessage(db);
        return std::nullopt;
    }
    g_checksum = checksum;
    rows = count;
    return ms;
}

QList<StatsBench::Timing> StatsBench::run(QStringList& notes)
{
    QList<Timing> timings;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        notes << QStringLiteral("stats: cannot open the file with the C API: %1").arg(sqliteMessage(db));
        sqlite3_close(db);
        return timings;
    }
    StatsRunner runner;
    runner.setDatabase(m_path);
    for (const StatsPanel& panel : StatsQueries::all()) {
        Timing timing;
        timing.panel = panel.name;
        QList<double> quarry;
        QList<double> cApi;
        QString quarryError;
        QString cError;
        qint64 quarryRows = -1;
        qint64 cRows = -1;
        // Run 0 is the warm-up: the runner opens its connection, both find the pages in the cache.
        for (int run = 0; run <= m_options.statsRuns && quarryError.isEmpty() && cError.isEmpty(); ++run) {
            const auto q = timeQuarry(runner, panel, quarryRows, quarryError);
            const auto c = timeCApi(db, panel, cRows, cError);
            if (run > 0 && q && c) {
                quarry << *q;
                cApi << *c;
            }
        }
        if (!quarryError.isEmpty())
            notes << QStringLiteral("stats %1 through Quarry: %2").arg(panel.name, quarryError);
        if (!cError.isEmpty())
            notes << QStringLiteral("stats %1 through the C API: %2").arg(panel.name, cError);
        if (quarryError.isEmpty() && cError.isEmpty()) {
            timing.quarryMs = median(quarry);
            timing.cApiMs = median(cApi);
            timing.rows = cRows;
            if (quarryRows != cRows)
                notes << QStringLiteral("stats %1: Quarry read %2 rows, the C API %3")
                             .arg(panel.name)
                             .arg(quarryRows)
                             .arg(cRows);
        }
        timings << timing;
    }
    sqlite3_close(db);
    QStringList sizes;
    for (const Timing& timing : timings)
        sizes << QStringLiteral("%1 %2").arg(timing.panel).arg(timing.rows);
    notes << QStringLiteral("stats: rows per panel: %1; median of %2 run(s) after a warm-up; Quarry keeps %3 rows")
                 .arg(sizes.join(QStringLiteral(", ")))
                 .arg(m_options.statsRuns)
                 .arg(m_options.statsKeep);
    return timings;
}

QString StatsBench::toJsonText(const QList<Timing>& timings)
{
    auto number = [](const std::optional<double>& value) {
        return value ? JsonText::value(QJsonValue(std::round(*value * 10.0) / 10.0)) : QStringLiteral("null");
    };
    JsonText::Members panels;
    for (const Timing& timing : timings) {
        panels.append({timing.panel, JsonText::object({{QStringLiteral("quarry_ms"), number(timing.quarryMs)},
                                                       {QStringLiteral("c_api_ms"), number(timing.cApiMs)}})});
    }
    return JsonText::object(panels);
}

} // namespace quarry::bench
