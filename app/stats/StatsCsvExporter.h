#pragma once

#include "core/Result.h"
#include "stats/StatsCsv.h"
#include "stats/StatsPanel.h"
#include "stats/StatsParameters.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>

class QTextStream;
class QThread;

namespace quarry {

// Writes a stats panel to a CSV file on a thread of its own, one export at a time, in StatsCsv's format (the
// same bytes as `quarry stats --format csv`). A panel whose table holds only its first rows is exported by
// running its query again on that thread, through its own read-only Connection, straight into the file: every
// row, in constant memory. The file is written through QSaveFile, so a cancelled or failed export leaves any
// earlier file of that name as it was. Results come back as queued signals on the owner's thread.
class StatsCsvExporter : public QObject {
    Q_OBJECT
public:
    explicit StatsCsvExporter(QObject* parent = nullptr);
    ~StatsCsvExporter() override; // cancels a running export and waits for its thread

    // Runs `panel` on the database at `database` into `file`. False (and nothing started) while another runs.
    bool start(const QString& database, const StatsPanel& panel, const StatsParameters& parameters,
               const QString& file);
    // Writes rows already held, in their order, into `file`.
    bool start(const QStringList& columns, const QList<QVariantList>& rows, const QString& file);
    // Stops the running export; it reports failed() with Error::Kind::Cancelled.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }

signals:
    void progressed(qint64 rows);
    void finished(const QString& file, qint64 rows);
    void failed(const QString& file, const quarry::Error& error);

private:
    // Writes the CSV to `out` on the export's thread, counting records into `rows`.
    using Job = std::function<Status(QTextStream& out, const std::atomic_bool& cancelled,
                                     const StatsCsv::Progress& progress, qint64& rows)>;
    bool launch(const QString& file, Job job);
    void finish(const QString& file, qint64 rows, const Status& status);

    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

} // namespace quarry
