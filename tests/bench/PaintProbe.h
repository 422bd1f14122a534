#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QWidget;

namespace quarry::bench {

// Tells when a view has painted what a step waits for. Watching the viewport's paint events, it records the
// first paint that starts while the armed condition holds, and stamps the time once that paint has finished
// and the event loop turns again: "shown" means on screen, not merely in the model.
class PaintProbe : public QObject {
    Q_OBJECT
public:
    PaintProbe(QWidget* viewport, const QElapsedTimer& clock, QObject* parent = nullptr);
    ~PaintProbe() override;

    // Forgets any earlier paint and waits for one that starts while `shown` holds.
    void arm(std::function<bool()> shown);
    bool hasPainted() const { return m_paintedAtNs >= 0; }
    qint64 paintedAtNs() const { return m_paintedAtNs; }
    // Counts, armed or not, the paints that start while `holds` is true (rows loaded, say), so a caller can
    // wait for one paint of what it just caused.
    void watch(std::function<bool()> holds) { m_watch = std::move(holds); }
    int watchedPaints() const { return m_watchedPaints; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_viewport;
    const QElapsedTimer& m_clock;
    std::function<bool()> m_shown;
    quint64 m_armed = 0; // bumped by arm(), so a stamp for an older condition is ignored
    bool m_stampQueued = false;
    qint64 m_paintedAtNs = -1;
    std::function<bool()> m_watch;
    int m_watchedPaints = 0;
};

} // namespace quarry::bench
