#include "stats/StatsCsvExporter.h"

#include "database/Connection.h"
#include "stats/StatsExecutor.h"

#include <QSaveFile>
#include <QTextStream>
#include <QThread>

namespace quarry {

namespace {

Error writeError(const QString& file, const QString& reason)
{
    return Error::make(Error::Kind::Io, QStringLiteral("Cannot write \u201c%1\u201d: %2").arg(file, reason));
}

} // namespace

StatsCsvExporter::StatsCsvExporter(QObject* parent) : QObject(parent) {}

StatsCsvExporter::~StatsCsvExporter()
{
    if (m_thread) {
        m_cancelled->store(true);
        m_thread->wait();
        delete m_thread;
    }
}

bool StatsCsvExporter::start(const QString& database, const StatsPanel& panel, const StatsParameters& parameters,
                             const QString& file)
{
    return launch(
        file,
        [database, panel, parameters](QTextStream& out, const std::atomic_bool& cancelled,
                                      const StatsCsv::Progress& progress, qint64& rows) -> Status {
            // Opened, used and closed on the export's thread, as Connection asks.
            auto connection =
                Connection::open(database, {Connection::Mode::ReadOnly, 5000, QStringLiteral("stats-export")});
            if (!connection)
                return connection.error();
            return StatsCsv::write(StatsExecutor(**connection, &cancelled), panel, parameters, out, &rows, progress);
        });
}

bool StatsCsvExporter::start(const QStringList& columns, const QList<QVariantList>& rows, const QString& file)
{
    return launch(file,
                  [columns, rows](QTextStream& out, const std::atomic_bool& cancelled,
                                  const StatsCsv::Progress& progress, qint64& written) -> Status {
                      written = rows.size();
                      return StatsCsv::write(columns, rows, out, &cancelled, progress);
                  });
}

void StatsCsvExporter::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

bool StatsCsvExporter::launch(const QString& file, Job job)
{
    if (m_thread)
        return false;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_thread = QThread::create([this, file, job = std::move(job), cancelled = m_cancelled] {
        qint64 rows = 0;
        Status status;
        QSaveFile saveFile(file);
        if (!saveFile.open(QIODevice::WriteOnly)) {
            status = writeError(file, saveFile.errorString());
        } else {
            QTextStream out(&saveFile);
            const StatsCsv::Progress progress = [this](qint64 written) {
                QMetaObject::invokeMethod(
                    this, [this, written] { emit progressed(written); }, Qt::QueuedConnection);
            };
            status = job(out, *cancelled, progress, rows);
            out.flush();
            if (status && cancelled->load())
                status = Error::make(Error::Kind::Cancelled, QStringLiteral("The export was cancelled."));
            if (!status)
                saveFile.cancelWriting(); // an earlier file of that name stays as it was
            else if (!saveFile.commit())
                status = writeError(file, saveFile.errorString());
        }
        // Dropped unread if the exporter is destroyed first (it waits for this thread).
        QMetaObject::invokeMethod(
            this, [this, file, rows, status] { finish(file, rows, status); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("quarry-stats-export"));
    m_thread->start();
    return true;
}

void StatsCsvExporter::finish(const QString& file, qint64 rows, const Status& status)
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancelled.reset();
    if (status)
        emit finished(file, rows);
    else
        emit failed(file, status.error());
}

} // namespace quarry
