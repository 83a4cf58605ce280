#pragma once
// Lets another thread (the Asio thread, a worker) hand work to a QObject that may be destroyed
// meanwhile, without reading the QObject or a QPointer to it from that thread (a QPointer is only safe
// on the thread that may delete its object). The owner closes the box in its destructor; post() and
// close() take the same lock, so an object is never destroyed halfway through a post, and an event
// posted just before is dropped by Qt with the object.
#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <utility>

namespace vigil {

class PostBox {
public:
    explicit PostBox(QObject *target)
        : m_target(target) {}

    // Runs fn on the target's thread later, unless the box is closed first. Any thread.
    template <class F> bool post(F &&fn) {
        std::lock_guard lock(m_mutex);
        if (!m_target)
            return false;
        QMetaObject::invokeMethod(m_target, std::forward<F>(fn), Qt::QueuedConnection);
        return true;
    }
    // The owner's thread, before the target is destroyed.
    void close() {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

private:
    std::mutex m_mutex;
    QObject *m_target;
};

} // namespace vigil
