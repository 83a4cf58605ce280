// Runs the vigil executable as a user would: options, errors, and headless screenshots.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

class TestApp : public QObject {
    Q_OBJECT
    QString bin() const { return qEnvironmentVariable("VIGIL_BIN"); }

    struct Run {
        int code;
        QString out;
        QString err;
    };
    // The user's own configuration directory stays out of it: an empty one.
    QTemporaryDir m_configHome;
    Run run(const QStringList &args, int timeoutMs = 60000, const QString &mallocConf = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_configHome.path());
        if (!mallocConf.isEmpty())
            env.insert(QStringLiteral("MALLOC_CONF"), mallocConf);
        p.setProcessEnvironment(env);
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

    // A user on SSH: no display, no platform chosen.
    void versionAndHelpWithoutADisplay() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(var));
        for (const char *flag : {"--version", "--help"}) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(bin(), {QLatin1String(flag)});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitStatus(), QProcess::NormalExit);
            QCOMPARE(p.exitCode(), 0);
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            QVERIFY2(out.contains(QLatin1String(flag[2] == 'v' ? VIGIL_VERSION : "--config")),
                     qPrintable(out));
        }
    }

    void badInvocations_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("a wall with nothing to watch")
            << QStringList{QStringLiteral("--wall")} << "--wall needs something to watch";
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

    // A first run: nothing to watch, no configuration of the user's: the welcome page, not an error.
    void nothingToWatchShowsTheWelcomePage() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("welcome.png"));
        auto r =
            run({QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("720x560")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("welcome page")), qPrintable(r.out));
        QCOMPARE(QImage(png).size(), QSize(720, 560));
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

    // The wall, up for days, has jemalloc return freed pages from a thread of its own; the window, on
    // a laptop, does not (the thread costs CPU a poll). jemalloc's statistics at exit say which.
    void wallReturnsFreedPagesOnTime() {
        QTemporaryDir dir;
        auto statsOf = [&](const QString &mode) {
            QStringList args{QStringLiteral("--demo"),
                             QStringLiteral("--demo-hosts"),
                             QStringLiteral("100"),
                             QStringLiteral("--cache"),
                             dir.filePath(mode + QStringLiteral(".sqlite")),
                             QStringLiteral("--screenshot"),
                             dir.filePath(mode + QStringLiteral(".png"))};
            if (mode == QLatin1String("wall"))
                args << QStringLiteral("--wall");
            return run(args, 60000, QStringLiteral("stats_print:true"));
        };
        const Run window = statsOf(QStringLiteral("window"));
        QVERIFY2(window.code == 0, qPrintable(window.err));
        if (!window.err.contains(QLatin1String("opt.background_thread")))
            QSKIP("the vigil program is not linked with jemalloc (VIGIL_JEMALLOC off, a sanitizer build)");
        QVERIFY2(window.err.contains(QLatin1String("(background_thread: false)")), qPrintable(window.err));
        const Run wall = statsOf(QStringLiteral("wall"));
        QVERIFY2(wall.code == 0, qPrintable(wall.err.left(2000)));
        QVERIFY2(wall.err.contains(QLatin1String("(background_thread: true)")),
                 qPrintable(wall.err.left(2000)));
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
        // Port 1 refuses at once: the poll lands as an error; the screenshot shows it, and the exit code
        // says a source never answered.
        auto r = run({QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:1"),
                      QStringLiteral("--cache"), dir.filePath(QStringLiteral("c.sqlite")),
                      QStringLiteral("--screenshot"), png});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("connect")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("never answered")));
        QVERIFY(QImage(png).width() > 0);
    }

    // `vigil drift` for pipelines: 1 on the simulator's drift, 0 on its steady fleet, 2 on errors with
    // the reason on stderr; JSON and JUnit for machines; --at rebuilds a past moment from the cache.
    void driftCommand() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("d.sqlite"));
        auto drift =
            run({QStringLiteral("drift"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                 QStringLiteral("400"), QStringLiteral("--demo-scenario"), QStringLiteral("drift"),
                 QStringLiteral("--cache"), cache, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(drift.code, 1);
        QVERIFY2(drift.out.contains(QStringLiteral("\"fact\": \"package.openssl\"")), qPrintable(drift.out));
        QVERIFY(drift.out.contains(QStringLiteral("\"actual\": \"3.0.9\"")));
        // The same cache, a moment before the first poll: nothing was known then, so nothing can be
        // judged; that is an error with the reason, never "100 % compliant".
        auto past = run({QStringLiteral("drift"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                         QStringLiteral("400"), QStringLiteral("--demo-scenario"), QStringLiteral("drift"),
                         QStringLiteral("--cache"), cache, QStringLiteral("--at"),
                         QStringLiteral("2020-01-01T00:00:00Z")});
        QCOMPARE(past.code, 2);
        QVERIFY2(past.err.contains(
                     QStringLiteral("no host could be judged: the cache holds no facts from that moment")),
                 qPrintable(past.err));
        QVERIFY2(past.out.contains(QStringLiteral("Compliance: nothing judged")), qPrintable(past.out));
        auto steady = run({QStringLiteral("drift"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                           QStringLiteral("400"), QStringLiteral("--demo-scenario"), QStringLiteral("steady"),
                           QStringLiteral("--cache"), dir.filePath(QStringLiteral("s.sqlite"))});
        QCOMPARE(steady.code, 0);
        QVERIFY2(steady.out.contains(QStringLiteral("Compliance: 100.0 %")), qPrintable(steady.out));
        // A baseline with a critical rule; failing only on critical drift; JUnit out.
        QFile base(dir.filePath(QStringLiteral("base.yaml")));
        QVERIFY(base.open(QIODevice::WriteOnly));
        base.write("layers:\n  - name: all\n    facts:\n      package.openssl: {version: \">= 3.0.11\", "
                   "severity: critical}\n");
        base.close();
        auto junit =
            run({QStringLiteral("drift"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                 QStringLiteral("400"), QStringLiteral("--cache"), dir.filePath(QStringLiteral("j.sqlite")),
                 QStringLiteral("--baseline"), base.fileName(), QStringLiteral("--fail-on"),
                 QStringLiteral("critical"), QStringLiteral("--format"), QStringLiteral("junit")});
        QCOMPARE(junit.code, 1);
        QVERIFY2(junit.out.contains(QStringLiteral("<failure type=\"critical\"")), qPrintable(junit.out));
        // Errors: a bad baseline (file, line, key), an unreachable source.
        QFile bad(dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("layers:\n  - name: x\n    facts:\n      a: {equals: \"1\", absent: true}\n");
        bad.close();
        auto badRun = run({QStringLiteral("drift"), QStringLiteral("--demo"), QStringLiteral("--baseline"),
                           bad.fileName()});
        QCOMPARE(badRun.code, 2);
        QVERIFY2(badRun.err.contains(QStringLiteral("bad.yaml:4: layers[0].facts.a: contradictory")),
                 qPrintable(badRun.err));
        QFile cfg(dir.filePath(QStringLiteral("dead.yaml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("sources: [{name: dead, prometheus: 'http://127.0.0.1:1'}]\n");
        cfg.close();
        auto dead = run({QStringLiteral("drift"), QStringLiteral("--config"), cfg.fileName(),
                         QStringLiteral("--cache"), dir.filePath(QStringLiteral("x.sqlite"))});
        QCOMPARE(dead.code, 2);
        QVERIFY2(dead.err.contains(QStringLiteral("unreachable or failing")), qPrintable(dead.err));
    }

    // `vigil triage` for scripts: the simulator's rack failure is the first incident (1: an incident
    // reaches --fail-on), JSON for machines, 2 with the reason for errors; what is known is printed.
    void triageCommand() {
        QTemporaryDir dir;
        auto storm =
            run({QStringLiteral("triage"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                 QStringLiteral("400"), QStringLiteral("--demo-scenario"), QStringLiteral("rack-failure"),
                 QStringLiteral("--cache"), dir.filePath(QStringLiteral("r.sqlite")),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(storm.code, 1);
        const auto j = nlohmann::json::parse(storm.out.toStdString(), nullptr, false);
        QVERIFY2(j.is_object() && !j["incidents"].empty(), qPrintable(storm.out));
        const auto &top = j["incidents"][0];
        QCOMPARE(top["rank"].get<int>(), 1);
        QCOMPARE(top["cause"]["level"].get<std::string>(), std::string("rack"));
        QCOMPARE(top["severity"].get<std::string>(), std::string("critical"));
        QVERIFY(top["reason"].get<std::string>().find("rack") != std::string::npos);
        QCOMPARE(top["byAlertname"][0]["alertname"].get<std::string>(), std::string("HostDown"));
        QVERIFY(top["byAlertname"][0]["atCause"].get<bool>());
        QVERIFY(top["hostsTotal"].get<int>() >= 40);
        QVERIFY(top["hosts"].size() <= 10);
        // Text, one incident.
        auto text =
            run({QStringLiteral("triage"), QStringLiteral("--demo"), QStringLiteral("--demo-hosts"),
                 QStringLiteral("400"), QStringLiteral("--cache"), dir.filePath(QStringLiteral("t.sqlite")),
                 QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(text.out.contains(QStringLiteral("#1 critical  rack ")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("Why: ")));
        QVERIFY(!text.out.contains(QStringLiteral("#2 ")));
        // Errors: a bad option; a source that never answers (still prints what it knows).
        auto bad = run({QStringLiteral("triage"), QStringLiteral("--demo"), QStringLiteral("--format"),
                        QStringLiteral("yaml")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--format")));
        QFile cfg(dir.filePath(QStringLiteral("dead.yaml")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("sources: [{name: dead, prometheus: 'http://127.0.0.1:1', alertmanager: "
                  "'http://127.0.0.1:1'}]\n");
        cfg.close();
        auto dead = run({QStringLiteral("triage"), QStringLiteral("--config"), cfg.fileName(),
                         QStringLiteral("--cache"), dir.filePath(QStringLiteral("x.sqlite")),
                         QStringLiteral("--timeout"), QStringLiteral("10")});
        QCOMPARE(dead.code, 2);
        QVERIFY2(dead.err.contains(QStringLiteral("unreachable or failing")), qPrintable(dead.err));
        QVERIFY(dead.out.contains(QStringLiteral("failing (")));
    }
};

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
