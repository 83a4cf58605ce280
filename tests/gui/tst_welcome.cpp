// The first run: with nothing to watch and no configuration of the user's, `vigil` shows the welcome
// page; a source saved in the settings it opens is the user's configuration, and the next start reads it (an
// operator's
// --config file is never written).
#include "commandline.h"
#include "config/secrets.h"
#include "settings/settingsdialog.h"
#include "welcomepage.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestWelcome : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingToWatchIsTheWelcomePage() {
        QTemporaryDir dir;
        const QString user = dir.filePath(QStringLiteral("vigil/vigil.yaml"));
        QString error;
        auto o = CommandLine::parse({QStringLiteral("vigil")}, &error, user);
        QVERIFY2(o, qPrintable(error));
        QVERIFY(o->welcome);
        QVERIFY(o->config.sources.empty());
        // The wall needs a fleet: said, not a welcome page on a kiosk.
        QVERIFY(!CommandLine::parse({QStringLiteral("vigil"), QStringLiteral("--wall")}, &error, user));
        QVERIFY2(error.contains(QStringLiteral("--wall")), qPrintable(error));
    }

    void savedSourceIsReadNextTime() {
        QTemporaryDir dir;
        const QString user = dir.filePath(QStringLiteral("vigil/vigil.yaml"));
        MemorySecretStore keychain;
        WelcomePage page(user, &keychain);
        QSignalSpy start(&page, &WelcomePage::startRequested);
        // "Add a Prometheus and Alertmanager" opens the settings on a first source.
        page.findChild<QPushButton *>(QStringLiteral("addSource"))->click();
        auto *settings = page.findChild<SettingsDialog *>();
        QVERIFY(settings);
        QCOMPARE(settings->sourceCount(), 1);
        // A URL without a scheme: said in the dialog, nothing written, nothing started.
        settings->field(QStringLiteral("prometheus"))->setText(QStringLiteral("prometheus:9090"));
        QSignalSpy failed(settings, &SettingsDialog::failed);
        settings->save();
        QVERIFY(QTest::qWaitFor([&] { return failed.count() == 1; }, 5000));
        QVERIFY2(settings->message().contains(QStringLiteral("scheme")), qPrintable(settings->message()));
        QVERIFY(!QFile::exists(user));
        QCOMPARE(start.count(), 0);
        // A good source: written, and Vigil is started again on it.
        settings->field(QStringLiteral("prometheus"))->setText(QStringLiteral("http://127.0.0.1:9090"));
        settings->field(QStringLiteral("alertmanagers"))
            ->setText(QStringLiteral("http://127.0.0.1:9093, http://127.0.0.1:9094"));
        settings->save();
        QVERIFY(QTest::qWaitFor([&] { return start.count() == 1; }, 5000));
        QVERIFY(start.front().at(0).toStringList().isEmpty());
        QVERIFY(QFile::exists(user));
        // The next `vigil` with no arguments watches it.
        QString error;
        auto o = CommandLine::parse({QStringLiteral("vigil")}, &error, user);
        QVERIFY2(o, qPrintable(error));
        QVERIFY(!o->welcome);
        QCOMPARE(int(o->config.sources.size()), 1);
        const auto &s = o->config.sources.front();
        QCOMPARE(s.prometheusUrl, std::string("http://127.0.0.1:9090"));
        QCOMPARE(s.alertmanagerUrls,
                 (std::vector<std::string>{"http://127.0.0.1:9093", "http://127.0.0.1:9094"}));
        QCOMPARE(s.intervalMs, std::int64_t(15'000));
        // --interval does not override the file's.
        QVERIFY(!CommandLine::parse(
            {QStringLiteral("vigil"), QStringLiteral("--interval"), QStringLiteral("5s")}, &error, user));
        // The demo and snapshot buttons ask for their own start.
        page.findChild<QPushButton *>(QStringLiteral("startDemo"))->click();
        QCOMPARE(start.count(), 2);
        QCOMPARE(start.back().at(0).toStringList(), QStringList{QStringLiteral("--demo")});
    }

    void aBrokenUserConfigIsSaid() {
        QTemporaryDir dir;
        const QString user = dir.filePath(QStringLiteral("vigil.yaml"));
        QFile f(user);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("sources:\n  - name: a\n    prometheus: http://127.0.0.1:1\n    interval: often\n");
        f.close();
        QString error;
        QVERIFY(!CommandLine::parse({QStringLiteral("vigil")}, &error, user));
        QVERIFY2(error.contains(user), qPrintable(error));
    }
};

QTEST_MAIN(TestWelcome)
#include "tst_welcome.moc"
