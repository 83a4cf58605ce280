#include "stallwatchdog.h"

#include <QDebug>
#include <QTimer>

namespace vigil {

namespace {
std::int64_t nowUs() {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

StallWatchdog::StallWatchdog(QObject *watched, std::chrono::milliseconds threshold, QObject *parent)
    : QObject(parent)
    , m_watched(watched)
    , m_threshold(threshold) {
    m_thread.setObjectName(QStringLiteral("vigil-watchdog"));
}

StallWatchdog::~StallWatchdog() {
    stop();
}

bool StallWatchdog::enabledByDefault() {
#ifndef NDEBUG
    return true;
#else
    return qEnvironmentVariable("VIGIL_WATCHDOG") == QLatin1String("1");
#endif
}

void StallWatchdog::start() {
    if (m_pinger)
        return;
    m_pinger = new QObject;
    m_pinger->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_pinger, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_pinger, [this] {
        auto *timer = new QTimer(m_pinger);
        timer->setInterval(static_cast<int>(std::max<long>(4, m_threshold.count() / 2)));
        connect(timer, &QTimer::timeout, m_pinger, [this] { ping(); });
        timer->start();
    });
}

void StallWatchdog::stop() {
    if (!m_pinger)
        return;
    m_thread.quit();
    m_thread.wait();
    m_pinger = nullptr;
}

void StallWatchdog::ping() {
    // Runs on the watchdog thread.
    const std::int64_t now = nowUs();
    if (m_pending) {
        return; // the last ping is still queued; it reports its own wait when it runs
    }
    m_pending = true;
    m_sentUs = now;
    // The watchdog itself is the context when it lives on the watched thread (as in the app): a ping
    // still queued when it is destroyed is then dropped instead of reading a destroyed watchdog.
    QObject *context = thread() == m_watched->thread() ? static_cast<QObject *>(this) : m_watched;
    QMetaObject::invokeMethod(
        context,
        [this] {
            // Runs on the watched thread.
            const std::int64_t waited = nowUs() - m_sentUs.load();
            m_pending = false;
            if (waited > m_worstUs)
                m_worstUs = waited;
            if (waited > std::chrono::duration_cast<std::chrono::microseconds>(m_threshold).count()) {
                ++m_stalls;
                qWarning("vigil: %s thread stalled for %.1f ms",
                         qPrintable(m_watched->thread()->objectName().isEmpty()
                                        ? QStringLiteral("GUI")
                                        : m_watched->thread()->objectName()),
                         waited / 1000.0);
                Q_EMIT stalled(waited / 1000.0);
            }
        },
        Qt::QueuedConnection);
}

} // namespace vigil
