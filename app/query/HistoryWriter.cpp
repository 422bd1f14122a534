#include "query/HistoryWriter.h"

#include "query/StatementOutcome.h"

#include <QDateTime>
#include <QMetaObject>
#include <QMutexLocker>

namespace quarry {

HistoryWriter::HistoryWriter(const QString& storePath, QObject* parent)
    : QObject(parent), m_storePath(storePath), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("quarry-history"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

HistoryWriter::~HistoryWriter()
{
    // The last entries are written, and the store's connection closed, in the thread that opened it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            drain();
            m_store.reset();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void HistoryWriter::add(const HistoryEntry& entry)
{
    QMutexLocker lock(&m_mutex);
    m_queue.append(entry);
    if (m_drainPosted)
        return; // the drain already on its way takes this entry too
    m_drainPosted = true;
    QMetaObject::invokeMethod(
        m_context, [this] { drain(); }, Qt::QueuedConnection);
}

void HistoryWriter::record(const QString& database, const StatementOutcome& outcome)
{
    HistoryEntry entry;
    entry.database = database;
    entry.sql = outcome.sql;
    entry.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-outcome.elapsedMs);
    entry.durationMs = outcome.elapsedMs;
    entry.outcome = !outcome.error             ? HistoryEntry::Outcome::Ok
                    : outcome.error->cancelled ? HistoryEntry::Outcome::Cancelled
                                               : HistoryEntry::Outcome::Error;
    entry.detail = outcome.error ? outcome.error->message : outcome.summary();
    add(entry);
}

void HistoryWriter::sync()
{
    // Queued calls run in order: this one runs after the drains posted before it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            drain();
            emit synced();
        },
        Qt::QueuedConnection);
}

void HistoryWriter::drain()
{
    QList<HistoryEntry> entries;
    {
        QMutexLocker lock(&m_mutex);
        entries.swap(m_queue);
        m_drainPosted = false;
    }
    if (entries.isEmpty() || m_storeFailed)
        return;
    if (!m_store) {
        auto store = HistoryStore::open(m_storePath);
        if (!store) {
            m_storeFailed = true;
            return;
        }
        m_store = std::move(*store);
    }
    (void)m_store->add(entries); // history is a convenience: a failure to record never stops a run
}

} // namespace quarry
