#include "StallMonitor.h"

#include <algorithm>

namespace quarry::bench {

StallMonitor::StallMonitor(QObject* parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kPeriodMs);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::onTimeout);
}

void StallMonitor::start()
{
    m_clock.start();
    m_lastNs = 0;
    m_maxNs = 0;
    m_sectionMaxNs = 0;
    m_timer.start();
}

void StallMonitor::stop()
{
    onTimeout(); // a stall that is still going on when measuring ends counts too
    m_timer.stop();
}

void StallMonitor::onTimeout()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    m_maxNs = std::max(m_maxNs, gap);
    m_sectionMaxNs = std::max(m_sectionMaxNs, gap);
}

} // namespace quarry::bench
