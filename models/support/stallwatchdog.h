#pragma once
// Reports stalls of a thread's event loop (DESIGN rule 1: the GUI thread does no heavy work). A helper
// thread pings the watched thread every interval with a queued call; when a ping waits longer than the
// threshold, stalled() is emitted and a warning logged. On in debug builds, and wherever
// VIGIL_WATCHDOG=1 is set (benchmarks, soak runs).
#include <QObject>
#include <QThread>

#include <atomic>
#include <chrono>

namespace vigil {

class StallWatchdog final : public QObject {
    Q_OBJECT
public:
    // Watches the thread `watched` lives in.
    explicit StallWatchdog(QObject *watched,
                           std::chrono::milliseconds threshold = std::chrono::milliseconds(16),
                           QObject *parent = nullptr);
    ~StallWatchdog() override;

    void start();
    void stop();
    [[nodiscard]] double worstMs() const { return m_worstUs.load() / 1000.0; }
    [[nodiscard]] int stallCount() const { return m_stalls.load(); }
    static bool enabledByDefault();

Q_SIGNALS:
    // Emitted from the watchdog's thread.
    void stalled(double milliseconds);

private:
    void ping();

    QObject *m_watched;
    std::chrono::milliseconds m_threshold;
    QThread m_thread;
    QObject *m_pinger = nullptr;
    std::atomic<bool> m_pending{false};
    std::atomic<std::int64_t> m_sentUs{0};
    std::atomic<std::int64_t> m_worstUs{0};
    std::atomic<int> m_stalls{0};
};

} // namespace vigil
