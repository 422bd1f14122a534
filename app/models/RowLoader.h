#pragma once

#include "models/BrowseSql.h"
#include "models/PageReader.h"

#include <QMutex>
#include <QThread>
#include <QVariantList>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <optional>
#include <utility>

struct sqlite3;

namespace quarry {

// Reads rows of one table view on a thread of its own, with its own read-only connection, so nothing that
// touches the file runs on the GUI thread. This class schedules; PageReader reads.
//
// The GUI thread sets a query (with a generation number) and asks for row ranges; the loader answers
// through queued signals carrying the generation, so the model drops answers to superseded queries. The
// newest request is served first and at most a few are kept: scrolling fast does not queue up stale reads.
// When idle it counts the rows, then walks every row's sort key once to build a sparse key index (one key
// per KeyStride rows), after which any row range is one index seek plus a short skip, at any depth.
class RowLoader : public QThread {
    Q_OBJECT
public:
    static constexpr int KeyStride = PageReader::KeyStride;

    explicit RowLoader(QString path, QObject* parent = nullptr);
    ~RowLoader() override;

    // Called on the GUI thread.
    void setQuery(quint64 generation, const BrowseSql& sql);
    void requestRows(quint64 generation, qint64 first, int count);
    // Asks where the row with `identity` is in the current rows; answered by located().
    void locate(quint64 generation, const QVariant& identity);
    // Pausing stops the background count and key walk and lets go of the read lock they hold, so a write on
    // another connection can commit; rows asked for are still read.
    void setBackgroundPaused(bool paused);
    // Stops what is running (sqlite3_interrupt) and the thread; waits for it.
    void shutdown();

signals:
    void rowsLoaded(quint64 generation, qint64 first, const quarry::RowBlock& rows);
    void counted(quint64 generation, qint64 rows);
    // Before the count: the rows a whole table probably holds, from its rowid range.
    void estimated(quint64 generation, qint64 rows);
    // `row` is the row's position in the current order (0 for the first), -1 when it is not among the rows.
    void located(quint64 generation, const QVariant& identity, qint64 row);
    void failed(quint64 generation, const QString& message);

protected:
    void run() override;

private:
    struct RowRequest {
        quint64 generation;
        qint64 first;
        int count;
    };

    QString m_path;
    QMutex m_mutex;
    QWaitCondition m_wake;
    // Shared with the loader thread, guarded by m_mutex.
    quint64 m_generation = 0;
    BrowseSql m_sql;
    bool m_queryChanged = false;
    std::deque<RowRequest> m_requests;
    std::optional<std::pair<quint64, QVariant>> m_locate; // the latest locate() not yet answered
    bool m_stopping = false;
    bool m_paused = false;
    // Set by the loader thread once open; read by the GUI thread to interrupt.
    std::atomic<sqlite3*> m_handle = nullptr;
};

} // namespace quarry

Q_DECLARE_METATYPE(quarry::RowBlock)
