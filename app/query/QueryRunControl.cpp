#include "query/QueryRunControl.h"

#include "database/Connection.h"

#include <QMutexLocker>

namespace quarry {

void QueryRunControl::setConnection(const Connection* connection)
{
    QMutexLocker lock(&m_mutex);
    m_connection = connection;
}

void QueryRunControl::cancel(int runId)
{
    int current = m_cancelledUpTo.load();
    while (current < runId && !m_cancelledUpTo.compare_exchange_weak(current, runId)) {
    }
    QMutexLocker lock(&m_mutex);
    if (m_connection)
        m_connection->interrupt();
}

} // namespace quarry
