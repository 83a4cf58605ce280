#include "jobrunner.h"

#include "threadpriority.h"

#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace vigil {

namespace {
// Interactive work is short and an operator waits for it: one thread of its own, so it never queues
// behind a drift recompute or a history load. Bulk work gets the rest of the machine.
QThreadPool *interactivePool() {
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives as long as the process: jobs may finish during exit
        p->setObjectName(QStringLiteral("vigil-interactive"));
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() / 2));
        return p;
    }();
    return pool;
}

QThreadPool *bulkPool() {
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setObjectName(QStringLiteral("vigil-bulk"));
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return p;
    }();
    return pool;
}
} // namespace

JobRunner::JobRunner(QObject *parent)
    : QObject(parent) {}

JobRunner::~JobRunner() {
    m_box->close();
    m_alive.cancel();
}

void JobRunner::start(Pool pool, const char *what, std::function<void()> fn) {
    QThreadPool *p = pool == Pool::Interactive ? interactivePool() : bulkPool();
    const Background level = pool == Pool::Interactive ? Background::Interactive : Background::Bulk;
    startGuarded(*p, what, [level, fn = std::move(fn)] {
        giveWayToForeground(level); // once per pool thread
        fn();
    });
}

void JobRunner::cancel(const QString &channel) {
    const auto it = m_channels.find(channel);
    if (it == m_channels.end())
        return;
    it->second.cancel();
    m_channels.erase(it);
}

void JobRunner::cancelAll() {
    m_alive.cancel();
    m_alive = CancelToken();
    m_channels.clear();
}

void JobRunner::forget(const QString &channel, const CancelToken &token) {
    if (channel.isEmpty())
        return;
    const auto it = m_channels.find(channel);
    if (it != m_channels.end() && it->second.sameAs(token))
        m_channels.erase(it);
}

bool JobRunner::waitForWork(int msecs) const {
    QElapsedTimer t;
    t.start();
    while (m_running->load() > 0) {
        if (t.elapsed() > msecs)
            return false;
        QThread::msleep(1);
    }
    return true;
}

bool JobRunner::waitForPools(int msecs) {
    const bool a = interactivePool()->waitForDone(msecs);
    const bool b = bulkPool()->waitForDone(msecs);
    return a && b;
}

} // namespace vigil
