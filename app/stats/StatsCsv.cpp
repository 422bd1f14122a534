#include "stats/StatsCsv.h"

#include "stats/StatsExecutor.h"
#include "stats/StatsFormat.h"

#include <QTextStream>

namespace quarry {

Status StatsCsv::write(const StatsExecutor& executor, const StatsPanel& panel, const StatsParameters& parameters,
                       QTextStream& out, qint64* rows, const Progress& progress)
{
    qint64 written = 0;
    Status status = executor.stream(
        panel, parameters, [&out](const QStringList& names) { out << StatsFormat::csvRecord(names); },
        [&](const QVariantList& row) {
            out << StatsFormat::csvRecord(row);
            if (++written % ProgressEvery == 0 && progress)
                progress(written);
            return true;
        });
    if (rows)
        *rows = written;
    return status;
}

Status StatsCsv::write(const QStringList& columns, const QList<QVariantList>& rows, QTextStream& out,
                       const std::atomic_bool* cancelled, const Progress& progress)
{
    out << StatsFormat::csvRecord(columns);
    qint64 written = 0;
    for (const QVariantList& row : rows) {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            return Error::make(Error::Kind::Cancelled, QStringLiteral("The export was cancelled."));
        out << StatsFormat::csvRecord(row);
        if (++written % ProgressEvery == 0 && progress)
            progress(written);
    }
    return {};
}

} // namespace quarry
