// Replays every fuzz seed and every input a fuzzer once crashed on (tests/fuzz/regressions/<target>/)
// through the same readers the fuzz binary drives, in the ordinary build and under the sanitizers, so a
// fixed bug stays fixed without a fuzzer. Also every recorded answer through every adapter entry point
// (an answer of the wrong endpoint is a typed error, never an exception).
#include "fuzzreaders.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace vigil;

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void seedsAndRegressions_data() {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("file");
        const QDir root(QStringLiteral(VIGIL_SOURCE_DIR "/tests/fuzz"));
        int rows = 0;
        for (const auto &t : test::fuzzTargets()) {
            for (const char *kind : {"seeds", "regressions"}) {
                const QDir dir(
                    root.filePath(QLatin1String(kind) + QLatin1Char('/') + QString::fromStdString(t.name)));
                for (const auto &f : dir.entryList(QDir::Files)) {
                    QTest::newRow(qPrintable(QString::fromStdString(t.name) + QLatin1Char('/') + f))
                        << QString::fromStdString(t.name) << dir.filePath(f);
                    ++rows;
                }
            }
        }
        if (rows == 0)
            qFatal("no fuzz seeds found under %s", qPrintable(root.path()));
    }
    void seedsAndRegressions() {
        QFETCH(QString, target);
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const auto &t : test::fuzzTargets())
            if (QString::fromStdString(t.name) == target)
                test::readWith(t,
                               std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    }

    void everyAnswerThroughEveryEntryPoint() {
        const QDir data(QStringLiteral(VIGIL_TEST_DATA_DIR));
        int n = 0;
        for (const auto &f : data.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const std::string body = test::fixture(f.toLatin1().constData());
            for (const auto &e : test::wireEntries()) {
                const auto o = e.parse(body);
                QVERIFY(o.ok || !o.error.message.empty());
                ++n;
            }
        }
        QVERIFY(n > 100);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
