#include "retire.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace vigil {

namespace {
class Retirer {
public:
    Retirer()
        : m_thread([this] { run(); }) {}
    ~Retirer() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_one();
        m_thread.join();
    }
    void add(std::shared_ptr<const void> p) {
        {
            std::lock_guard lock(m_mutex);
            m_queue.push_back(std::move(p));
        }
        m_cv.notify_one();
    }

private:
    void run() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            std::deque<std::shared_ptr<const void>> batch;
            batch.swap(m_queue);
            const bool stop = m_stop;
            lock.unlock();
            batch.clear(); // the destructors run here, off the caller's thread
            lock.lock();
            if (stop && m_queue.empty())
                return;
        }
    }
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::shared_ptr<const void>> m_queue;
    bool m_stop = false;
    std::thread m_thread; // last: starts after the members above exist
};
} // namespace

void retire(std::shared_ptr<const void> object) {
    if (!object)
        return;
    static Retirer retirer;
    retirer.add(std::move(object));
}

} // namespace vigil
