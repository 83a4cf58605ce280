// Runs the vigil executable as a user would: options, errors, and headless screenshots.
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestApp : public QObject {
    Q_OBJECT
    QString bin() const { return qEnvironmentVariable("VIGIL_BIN"); }

    struct Run {
        int code;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, int timeoutMs = 60000) {
        QProcess p;
        p.start(bin(), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {-1, {}, QStringLiteral("timed out")};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(!bin().isEmpty(), "VIGIL_BIN not set"); }

    void versionAndHelp() {
        auto v = run({QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.contains(QStringLiteral(VIGIL_VERSION)));
        auto h = run({QStringLiteral("--help")});
        QCOMPARE(h.code, 0);
        for (const char *opt : {"--config", "--prometheus", "--alertmanager", "--demo", "--screenshot",
                                "--view", "--size", "--cache", "--interval", "--filter", "--version"})
            QVERIFY2(h.out.contains(QLatin1String(opt)), opt);
    }

    void badInvocations_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing to watch") << QStringList{} << "nothing to watch";
        QTest::newRow("missing config")
            << QStringList{QStringLiteral("--config"), QStringLiteral("/nonexistent.yaml")}
            << "/nonexistent.yaml: cannot open";
        QTest::newRow("bad url") << QStringList{QStringLiteral("--prometheus"), QStringLiteral("prom:9090")}
                                 << "no scheme";
        QTest::newRow("bad size") << QStringList{QStringLiteral("--demo"), QStringLiteral("--size"),
                                                 QStringLiteral("big")}
                                  << "--size";
        QTest::newRow("two sources") << QStringList{QStringLiteral("--demo"), QStringLiteral("--prometheus"),
                                                    QStringLiteral("http://x")}
                                     << "use one of";
    }
    void badInvocations() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        auto r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void badConfigNamesLineAndKey() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sources:\n  - name: a\n    prometheus: http://127.0.0.1:1\n    interval: often\n");
        f.close();
        auto r = run({QStringLiteral("--config"), path});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(path + QStringLiteral(":4: sources[0].interval")), qPrintable(r.err));
    }

    void screenshotOfTheDemo() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("hosts.png"));
        auto r =
            run({QStringLiteral("--demo"), QStringLiteral("--demo-hosts"), QStringLiteral("300"),
                 QStringLiteral("--cache"), dir.filePath(QStringLiteral("c.sqlite")),
                 QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1024x600")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QImage img(png);
        QCOMPARE(img.size(), QSize(1024, 600));
        // Not a blank window: many distinct colours (text, bars, header).
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 7)
            for (int x = 0; x < img.width(); x += 7)
                colours.insert(img.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

    void screenshotUnknownView() {
        QTemporaryDir dir;
        auto r = run({QStringLiteral("--demo"), QStringLiteral("--demo-hosts"), QStringLiteral("10"),
                      QStringLiteral("--cache"), dir.filePath(QStringLiteral("c.sqlite")),
                      QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")),
                      QStringLiteral("--view"), QStringLiteral("nosuch")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown view \"nosuch\"")));
    }

    void screenshotTimesOutOnDeadSource() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("dead.png"));
        // Port 1 refuses at once: the poll lands as an error, the screenshot shows it and succeeds.
        auto r = run({QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:1"),
                      QStringLiteral("--cache"), dir.filePath(QStringLiteral("c.sqlite")),
                      QStringLiteral("--screenshot"), png});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("connect")), qPrintable(r.err));
        QVERIFY(QImage(png).width() > 0);
    }
};

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
