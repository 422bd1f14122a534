#pragma once

#include "BenchOptions.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

struct sqlite3;

namespace quarry {
class StatsRunner;
struct StatsPanel;
} // namespace quarry

namespace quarry::bench {

// Times every stats panel two ways on the same file and the same SQL text with the same bindings: through
// Quarry's StatsRunner (request to result delivered on this thread, its worker converting the kept rows to
// QVariant), and through the bare SQLite C API (prepare, bind, step every row reading every column, finalize), with
// the same connection settings (StatsConnectionSettings) on both sides.
// One untimed warm-up each, then the runs alternate between the two; the median is reported.
class StatsBench {
public:
    StatsBench(QString path, const BenchOptions& options);

    struct Timing {
        QString panel;
        std::optional<double> quarryMs;
        std::optional<double> cApiMs;
        qint64 rows = -1;
    };

    QList<Timing> run(QStringList& notes);
    // {"post-counts": {"quarry_ms": x, "c_api_ms": x}, ...} in the panels' order, as one line of JSON.
    static QString toJsonText(const QList<Timing>& timings);

private:
    std::optional<double> timeQuarry(StatsRunner& runner, const StatsPanel& panel, qint64& rows, QString& error);
    std::optional<double> timeCApi(sqlite3* db, const StatsPanel& panel, qint64& rows, QString& error);

    QString m_path;
    const BenchOptions& m_options;
};

} // namespace quarry::bench
