// The job runner (support/jobrunner.h): results arrive on the owner's thread, a newer job of a channel
// drops the older one's result, a gone context or runner receives nothing, cancel tokens reach the work,
// an exception in a job is contained, and the two pools do not queue behind each other.
#include "support/guard.h"
#include "support/jobrunner.h"
#include "support/threadpriority.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#ifdef __linux__
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace vigil;

namespace {
// Blocks a job until the test lets it go (a latch the worker waits on, never the GUI thread).
struct Gate {
    std::atomic<bool> open{false};
    void wait() const {
        while (!open.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
};
} // namespace

class TstJobRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversOnTheOwnersThread() {
        JobRunner runner;
        QObject context;
        Qt::HANDLE worker = nullptr;
        Qt::HANDLE receiver = nullptr;
        int got = 0;
        runner.run(
            JobRunner::Pool::Bulk, {}, "test", &context,
            [&worker](const CancelToken &) {
                worker = QThread::currentThreadId();
                return 42;
            },
            [&](int v) {
                receiver = QThread::currentThreadId();
                got = v;
            });
        QTRY_COMPARE(got, 42);
        QVERIFY(worker != QThread::currentThreadId());
        QCOMPARE(receiver, QThread::currentThreadId());
        QTRY_VERIFY(runner.isIdle());
    }

    void newerJobOfAChannelSupersedesTheOlder() {
        JobRunner runner;
        QObject context;
        auto gate = std::make_shared<Gate>();
        std::vector<int> delivered;
        std::atomic<bool> firstSawCancel{false};
        std::atomic<bool> firstStarted{false};
        runner.run(
            JobRunner::Pool::Bulk, QStringLiteral("grid"), "test", &context,
            [gate, &firstSawCancel, &firstStarted](const CancelToken &t) {
                firstStarted = true;
                gate->wait();
                firstSawCancel = t.cancelled();
                return 1;
            },
            [&](int v) { delivered.push_back(v); });
        QTRY_VERIFY(firstStarted.load()); // it is running when the newer job comes
        runner.run(
            JobRunner::Pool::Bulk, QStringLiteral("grid"), "test", &context,
            [](const CancelToken &) { return 2; }, [&](int v) { delivered.push_back(v); });
        // Another channel is independent.
        runner.run(
            JobRunner::Pool::Bulk, QStringLiteral("other"), "test", &context,
            [](const CancelToken &) { return 3; }, [&](int v) { delivered.push_back(v); });
        gate->open = true;
        QTRY_VERIFY(runner.isIdle());
        QVERIFY(firstSawCancel.load());
        std::sort(delivered.begin(), delivered.end());
        QCOMPARE(delivered, (std::vector<int>{2, 3}));
    }

    void goneContextReceivesNothing() {
        JobRunner runner;
        auto context = std::make_unique<QObject>();
        auto gate = std::make_shared<Gate>();
        bool called = false;
        runner.run(
            JobRunner::Pool::Interactive, {}, "test", context.get(),
            [gate](const CancelToken &) {
                gate->wait();
                return 1;
            },
            [&](int) { called = true; });
        context.reset();
        gate->open = true;
        QTRY_VERIFY(runner.isIdle());
        QVERIFY(!called);
    }

    void goneRunnerReceivesNothing() {
        auto runner = std::make_unique<JobRunner>();
        QObject context;
        auto gate = std::make_shared<Gate>();
        auto finished = std::make_shared<std::atomic<bool>>(false);
        auto started = std::make_shared<std::atomic<bool>>(false);
        bool called = false;
        runner->run(
            JobRunner::Pool::Bulk, {}, "test", &context,
            [gate, finished, started](const CancelToken &) {
                started->store(true);
                gate->wait();
                finished->store(true);
                return 1;
            },
            [&](int) { called = true; });
        QTRY_VERIFY(started->load());
        runner.reset();
        gate->open = true;
        QTRY_VERIFY(finished->load());
        QVERIFY(JobRunner::waitForPools(5000));
        QCoreApplication::processEvents(); // a result posted anyway would run here
        QVERIFY(!called);
    }

    void cancelReachesTheWork() {
        JobRunner runner;
        QObject context;
        std::atomic<int> rounds{0};
        bool called = false;
        const CancelToken token = runner.run(
            JobRunner::Pool::Bulk, QStringLiteral("long"), "test", &context,
            [&rounds](const CancelToken &t) {
                while (!t.cancelled())
                    ++rounds;
                return 0;
            },
            [&](int) { called = true; });
        QTRY_VERIFY(rounds.load() > 0);
        runner.cancel(QStringLiteral("long"));
        QVERIFY(token.cancelled());
        QTRY_VERIFY(runner.isIdle());
        QVERIFY(!called);
        // cancelAll stops unchannelled work too, and later jobs still run.
        runner.run(
            JobRunner::Pool::Bulk, {}, "test", &context,
            [&rounds](const CancelToken &t) {
                while (!t.cancelled())
                    ++rounds;
                return 0;
            },
            [&](int) { called = true; });
        runner.cancelAll();
        QTRY_VERIFY(runner.isIdle());
        QVERIFY(!called);
        int got = 0;
        runner.run(
            JobRunner::Pool::Bulk, {}, "test", &context, [](const CancelToken &) { return 7; },
            [&](int v) { got = v; });
        QTRY_COMPARE(got, 7);
    }

    // An owner can wait until its work has let go of what it holds (the result may still be queued).
    void waitForWorkReleasesWhatTheWorkHolds() {
        JobRunner runner;
        QObject context;
        auto held = std::make_shared<int>(1);
        std::weak_ptr<int> watch = held;
        runner.run(
            JobRunner::Pool::Bulk, {}, "test", &context,
            [held = std::move(held)](const CancelToken &) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                return *held;
            },
            [](int) {});
        QVERIFY(runner.waitForWork(10'000));
        QVERIFY(watch.expired());
        QTRY_VERIFY(runner.isIdle());
    }

    void anExceptionIsContained() {
        JobRunner runner;
        QObject context;
        const auto before = escapedExceptionCount();
        bool called = false;
        runner.run(
            JobRunner::Pool::Bulk, {}, "a failing job", &context,
            [](const CancelToken &) -> int { throw std::runtime_error("boom"); },
            [&](int) { called = true; });
        QTRY_COMPARE(escapedExceptionCount(), before + 1);
        QVERIFY(QString::fromStdString(lastEscapedException()).contains(QStringLiteral("a failing job")));
        QTRY_VERIFY(runner.isIdle());
        QVERIFY(!called);
    }

    void interactiveDoesNotQueueBehindBulk() {
        JobRunner runner;
        QObject context;
        auto gate = std::make_shared<Gate>();
        // Fill every bulk thread, then one more bulk job waits in the queue.
        const int bulk = std::max(1, QThread::idealThreadCount() - 1) + 1;
        for (int i = 0; i < bulk; ++i)
            runner.run(
                JobRunner::Pool::Bulk, {}, "test", &context,
                [gate](const CancelToken &) {
                    gate->wait();
                    return 0;
                },
                [](int) {});
        int got = 0;
        runner.run(
            JobRunner::Pool::Interactive, {}, "test", &context, [](const CancelToken &) { return 5; },
            [&](int v) { got = v; });
        QTRY_COMPARE(got, 5);
        gate->open = true;
        QTRY_VERIFY(runner.isIdle());
    }

    // Work gives way to the GUI thread: each pool's threads run at a lower priority (a nice value of
    // their own), bulk lower than interactive; the owner's thread keeps its own. Relative to the
    // process's: under `nice` (10) a pool thread had 5, ahead of the GUI thread.
    void workGivesWayToTheOwnersThread() {
#ifdef __linux__
        auto niceOfThisThread = [](const CancelToken &) {
            errno = 0;
            return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
        };
        const int own = niceOfThisThread(CancelToken());
        JobRunner runner;
        QObject context;
        int interactive = -100, bulk = -100;
        runner.run(JobRunner::Pool::Interactive, {}, "test", &context, niceOfThisThread,
                   [&](int v) { interactive = v; });
        runner.run(JobRunner::Pool::Bulk, {}, "test", &context, niceOfThisThread, [&](int v) { bulk = v; });
        QTRY_VERIFY(interactive != -100 && bulk != -100);
        QCOMPARE(interactive, std::min(19, own + static_cast<int>(Background::Interactive)));
        QCOMPARE(bulk, std::min(19, own + static_cast<int>(Background::Bulk)));
        QCOMPARE(niceOfThisThread(CancelToken()), own);
#else
        QSKIP("thread priorities are set on Linux only");
#endif
    }
};

QTEST_GUILESS_MAIN(TstJobRunner)
#include "tst_jobrunner.moc"
