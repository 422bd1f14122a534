#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace quarry::bench {

// Measures how long the GUI thread's event loop goes without turning: a precise timer asks to fire every
// few milliseconds, and the longest gap between two of its timeouts is the longest stall (it includes one
// timer period, so an idle loop reads about kPeriodMs).
class StallMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kPeriodMs = 5;

    explicit StallMonitor(QObject* parent = nullptr);

    void start();
    void stop();
    // The longest gap since start() or the last resetSection(), in milliseconds.
    double sectionMaxMs() const { return m_sectionMaxNs / 1e6; }
    // The longest gap since start().
    double maxMs() const { return m_maxNs / 1e6; }
    void resetSection() { m_sectionMaxNs = 0; }

private:
    void onTimeout();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxNs = 0;
    qint64 m_sectionMaxNs = 0;
};

} // namespace quarry::bench
