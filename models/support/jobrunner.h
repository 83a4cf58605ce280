#pragma once
// The one way Vigil runs background work (KDAB hotspot's job tracker, in Qt terms). An owner (a view, a
// model, the fleet service) keeps a JobRunner; each job runs a value-in, value-out function on one of
// two process-wide pools and hands its result back to the owner's thread:
//  - channels: a newer job on the same channel cancels the older one, whose result is dropped;
//  - a cancel token the work may poll to stop early;
//  - delivery checked on the receiving thread: the result reaches `done` only if the context object is
//    still alive, the job was not cancelled and the runner still exists. Nothing on the worker reads a
//    QObject or a QPointer (the race PostBox exists for).
//  - two pools: Interactive (filtering, sorting, layouts an operator waits for) never queues behind
//    Bulk (history loads, drift, wear fits).
// Work must capture values or shared pointers, never the owner: it may outlive it.
#include "guard.h"
#include "postbox.h"

#include <QObject>
#include <QPointer>
#include <QScopeGuard>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <type_traits>
#include <utility>

class QThreadPool;

namespace vigil {

class CancelToken {
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic<bool>>(false)) {}
    // A token that also counts as cancelled when `parent` is.
    explicit CancelToken(const CancelToken &parent, int)
        : m_flag(std::make_shared<std::atomic<bool>>(false))
        , m_parent(parent.m_flag) {}
    [[nodiscard]] bool cancelled() const {
        return m_flag->load(std::memory_order_relaxed) ||
               (m_parent && m_parent->load(std::memory_order_relaxed));
    }
    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool sameAs(const CancelToken &o) const { return m_flag == o.m_flag; }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
    std::shared_ptr<std::atomic<bool>> m_parent;
};

class JobRunner final : public QObject {
    Q_OBJECT
public:
    enum class Pool { Interactive, Bulk };

    explicit JobRunner(QObject *parent = nullptr);
    // Cancels every job of this runner; results still on their way are dropped.
    ~JobRunner() override;

    // Runs work(token) on `pool` and done(result) on this runner's thread (see the header comment).
    // `channel` may be empty: the job then supersedes nothing. `what` names the work in the message of
    // an exception that escapes it. Returns the job's token.
    template <class Work, class Done>
    CancelToken run(Pool pool, const QString &channel, const char *what, QObject *context, Work work,
                    Done done) {
        using Result = std::invoke_result_t<Work &, const CancelToken &>;
        static_assert(!std::is_void_v<Result>, "a job returns its result as a value");
        Q_ASSERT(!context || context->thread() == thread());
        CancelToken token(m_alive, 0);
        if (!channel.isEmpty()) {
            auto &slot = m_channels[channel];
            slot.cancel();
            slot = token;
        }
        const bool hasContext = context != nullptr;
        QPointer<QObject> guard(context); // read only on this thread, in the delivery below
        auto box = m_box;
        auto pending = m_pending;
        auto running = m_running;
        pending->fetch_add(1);
        running->fetch_add(1);
        start(pool, what, [=, this, work = std::move(work), done = std::move(done)]() mutable {
            // Declared first, so it runs last: after the work and what it holds are gone.
            const auto stopped = qScopeGuard([running] { running->fetch_sub(1); });
            auto ownWork = std::move(work);
            bool posted = false;
            // Counts the job as finished when it is dropped, also when the work throws.
            const auto finished = qScopeGuard([&posted, pending] {
                if (!posted)
                    pending->fetch_sub(1);
            });
            if (token.cancelled())
                return;
            auto result = std::make_shared<Result>(ownWork(token));
            if (token.cancelled())
                return;
            // Delivered to this runner (alive whenever the event runs: its destructor closes the box).
            posted = box->post([=, this, done = std::move(done)]() mutable {
                pending->fetch_sub(1);
                if (token.cancelled())
                    return;
                forget(channel, token);
                if (!hasContext || guard)
                    done(std::move(*result));
            });
        });
        return token;
    }

    // As run(), but when `now` (the work is small) it runs here at once and `done` is called before this
    // returns: one code path for small inputs (a small fleet, a test) and large ones (off the GUI
    // thread). A pending job of the channel is cancelled either way.
    template <class Work, class Done>
    void runOrInline(bool now, Pool pool, const QString &channel, const char *what, QObject *context,
                     Work work, Done done) {
        if (!now) {
            run(pool, channel, what, context, std::move(work), std::move(done));
            return;
        }
        if (!channel.isEmpty())
            cancel(channel);
        done(work(CancelToken()));
    }

    // Cancels the channel's job, if any.
    void cancel(const QString &channel);
    // Cancels every job started so far; later jobs run as usual.
    void cancelAll();
    // No job of this runner is running or waiting to be delivered (tests, benchmarks).
    [[nodiscard]] bool isIdle() const { return m_pending->load() == 0; }
    // Blocks until no work of this runner runs on a pool (its results may still wait for delivery):
    // for an owner's destructor that must know its jobs let go of what they hold (the cache). False
    // when msecs passed first.
    bool waitForWork(int msecs) const;
    // Blocks until both pools have nothing running (tests and shutdown only; never on the GUI thread).
    static bool waitForPools(int msecs = -1);

private:
    void start(Pool pool, const char *what, std::function<void()> fn);
    void forget(const QString &channel, const CancelToken &token);

    CancelToken m_alive;                       // cancelled by cancelAll() and the destructor
    std::map<QString, CancelToken> m_channels; // this thread only
    std::shared_ptr<PostBox> m_box = std::make_shared<PostBox>(this);
    std::shared_ptr<std::atomic<int>> m_pending = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> m_running = std::make_shared<std::atomic<int>>(0);
};

} // namespace vigil
