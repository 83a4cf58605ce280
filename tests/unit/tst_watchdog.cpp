#include "support/stallwatchdog.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestWatchdog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportsABlockedEventLoop() {
        QObject watched;
        StallWatchdog dog(&watched, std::chrono::milliseconds(16));
        QSignalSpy spy(&dog, &StallWatchdog::stalled);
        dog.start();
        QTest::qWait(100); // an idle loop answers pings at once
        QCOMPARE(dog.stallCount(), 0);
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 80) {
            // the watched thread is busy: pings queue up
        }
        QTRY_VERIFY_WITH_TIMEOUT(dog.stallCount() >= 1, 2000);
        QVERIFY(dog.worstMs() >= 40);
        dog.stop();
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
