#include "PaintProbe.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace quarry::bench {

PaintProbe::PaintProbe(QWidget* viewport, const QElapsedTimer& clock, QObject* parent)
    : QObject(parent), m_viewport(viewport), m_clock(clock)
{
    m_viewport->installEventFilter(this);
}

PaintProbe::~PaintProbe()
{
    m_viewport->removeEventFilter(this);
}

void PaintProbe::arm(std::function<bool()> shown)
{
    m_shown = std::move(shown);
    ++m_armed;
    m_stampQueued = false;
    m_paintedAtNs = -1;
}

bool PaintProbe::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_viewport && event->type() == QEvent::Paint && m_watch && m_watch())
        ++m_watchedPaints;
    if (watched == m_viewport && event->type() == QEvent::Paint && m_shown && !m_stampQueued && !hasPainted() &&
        m_shown()) {
        m_stampQueued = true;
        // The paint itself runs when this filter returns; the zero timer fires after it.
        QTimer::singleShot(0, this, [this, armed = m_armed] {
            if (armed == m_armed)
                m_paintedAtNs = m_clock.nsecsElapsed();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace quarry::bench
