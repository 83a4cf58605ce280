// The cache survives kill -9 during heavy ingest: 100 times a writer (stress_ingest) is killed with
// SIGKILL at a random moment; every reopen passes integrity_check and holds every batch the writer had
// seen committed before the kill. Label `stress`: outside the default run (about a minute).
#include "store/store.h"

#include <sqlite3.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vigil;

namespace {
std::string single(sqlite3 *db, const char *sql) {
    sqlite3_stmt *s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        out = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out;
}
} // namespace

class TestKillNine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void survivesKillNineDuringIngest() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        const QString helper = QString::fromLocal8Bit(qgetenv("VIGIL_STRESS_INGEST"));
        QVERIFY2(!helper.isEmpty(), "VIGIL_STRESS_INGEST names the helper");
        const int rounds = qEnvironmentVariableIntValue("VIGIL_KILL_ROUNDS") > 0
                               ? qEnvironmentVariableIntValue("VIGIL_KILL_ROUNDS")
                               : 100;
        long committed = -1; // the highest sequence a writer has seen committed, over all rounds
        int killedMidWrite = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess p;
            p.start(helper, {cache, QString::number(committed + 1)});
            QVERIFY(p.waitForStarted());
            // Let it commit a few batches, then kill it somewhere in the middle of the next ones.
            QTest::qWait(QRandomGenerator::global()->bounded(80, 400));
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            QVERIFY(p.waitForFinished(10000));
            const QString err = QString::fromLocal8Bit(p.readAllStandardError());
            QVERIFY2(err.isEmpty(), qPrintable(err));
            const auto lines = QString::fromLocal8Bit(p.readAllStandardOutput()).split(QLatin1Char('\n'));
            long last = committed;
            for (const auto &l : lines)
                if (l.startsWith(QLatin1String("committed ")))
                    last = std::max(last, l.mid(10).toLong());
            killedMidWrite += last > committed;
            committed = last;
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open_v2(cache.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr),
                     SQLITE_OK);
            const std::string check = single(db, "PRAGMA integrity_check");
            const std::string notes = single(db, "SELECT count(*) FROM incident_notes");
            const std::string top =
                single(db, "SELECT max(CAST(substr(text, 5) AS INTEGER)) FROM incident_notes");
            sqlite3_close(db);
            QCOMPARE(QString::fromStdString(check), QStringLiteral("ok"));
            // Every batch seen committed is there (and at most the one being written when killed more).
            if (committed >= 0) {
                QVERIFY2(std::stol(notes) >= committed + 1, notes.c_str());
                QVERIFY2(std::stol(top) >= committed, top.c_str());
            }
            // Vigil itself reopens it.
            std::string openErr;
            QVERIFY2(Store::open(cache.toStdString(), &openErr), openErr.c_str());
        }
        qInfo("%d kills, %ld batches committed, %d rounds killed after at least one commit", rounds,
              committed + 1, killedMidWrite);
        QVERIFY(committed > rounds); // it really was writing
    }
};

QTEST_GUILESS_MAIN(TestKillNine)
#include "tst_killnine.moc"
