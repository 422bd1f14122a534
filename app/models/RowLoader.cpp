#include "models/RowLoader.h"

#include "database/Connection.h"
#include "models/PageReader.h"

#include <sqlite3.h>

#include <variant>

namespace quarry {

namespace {

constexpr std::size_t kMaxQueuedRequests = 6;

} // namespace

RowLoader::RowLoader(QString path, QObject* parent) : QThread(parent), m_path(std::move(path))
{
    qRegisterMetaType<quarry::RowBlock>();
}

RowLoader::~RowLoader()
{
    shutdown();
}

void RowLoader::setQuery(quint64 generation, const BrowseSql& sql)
{
    {
        QMutexLocker lock(&m_mutex);
        m_generation = generation;
        m_sql = sql;
        m_queryChanged = true;
        m_requests.clear();
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db); // whatever runs now answers an older question
    m_wake.wakeOne();
}

void RowLoader::requestRows(quint64 generation, qint64 first, int count)
{
    {
        QMutexLocker lock(&m_mutex);
        for (const RowRequest& r : m_requests) {
            if (r.generation == generation && r.first == first && r.count == count)
                return;
        }
        m_requests.push_front({generation, first, count});
        while (m_requests.size() > kMaxQueuedRequests)
            m_requests.pop_back();
    }
    m_wake.wakeOne();
}

void RowLoader::locate(quint64 generation, const QVariant& identity)
{
    {
        QMutexLocker lock(&m_mutex);
        m_locate = std::make_pair(generation, identity);
    }
    m_wake.wakeOne();
}

void RowLoader::setBackgroundPaused(bool paused)
{
    {
        QMutexLocker lock(&m_mutex);
        m_paused = paused;
    }
    if (sqlite3* db = m_handle.load(); db && paused)
        sqlite3_interrupt(db);
    m_wake.wakeOne();
}

void RowLoader::shutdown()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_requests.clear();
    }
    if (sqlite3* db = m_handle.load())
        sqlite3_interrupt(db);
    m_wake.wakeOne();
    wait();
}

void RowLoader::run()
{
    auto connection = Connection::open(m_path, {Connection::Mode::ReadOnly, 5000, QStringLiteral("rows")});
    if (!connection) {
        QMutexLocker lock(&m_mutex);
        emit failed(m_generation, connection.error().message);
        return;
    }
    sqlite3* db = (*connection)->handle();
    m_handle = db;
    PageReader worker(db);
    quint64 generation = 0;

    while (true) {
        std::optional<RowRequest> request;
        std::optional<std::pair<quint64, QVariant>> locate;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && !m_queryChanged && m_requests.empty() && !m_locate &&
                   !(generation && !m_paused && (worker.needsEstimate() || worker.needsCount() || worker.needsKeys())))
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            if (m_queryChanged) {
                m_queryChanged = false;
                generation = m_generation;
                worker.reset(m_sql);
            }
            if (!m_requests.empty()) {
                request = m_requests.front();
                m_requests.pop_front();
            } else if (m_locate) {
                locate = std::move(m_locate);
                m_locate.reset();
            }
            if (m_paused)
                worker.dropKeyWalk();
            if (!request && !locate && m_paused)
                continue;
        }
        if (request) {
            if (request->generation != generation)
                continue;
            auto rows = worker.read(request->first, request->count);
            if (auto* block = std::get_if<RowBlock>(&rows))
                emit rowsLoaded(generation, request->first, *block);
            else if (sqlite3_errcode(db) != SQLITE_INTERRUPT)
                emit failed(generation, std::get<QString>(rows));
            continue;
        }
        if (locate) {
            if (locate->first == generation)
                emit located(generation, locate->second, worker.positionOf(locate->second));
            continue;
        }
        if (worker.needsEstimate()) {
            if (const auto rows = worker.estimate(); rows && *rows > 0)
                emit estimated(generation, *rows);
            continue;
        }
        if (worker.needsCount()) {
            if (auto error = worker.count()) {
                // Not retried for this query: the model keeps its estimate.
                if (sqlite3_errcode(db) != SQLITE_INTERRUPT)
                    emit failed(generation, *error);
                continue;
            }
            emit counted(generation, *worker.total());
            continue;
        }
        if (worker.needsKeys()) {
            // Interrupted or failed: the index stays partial and reads fall back to OFFSET beyond it.
            (void)worker.buildKeysSlice();
        }
    }
    m_handle = nullptr;
}

} // namespace quarry
