// Secrets in the real system keychain (GNOME Keyring's Secret Service, in a D-Bus session of the test's
// own: tests/e2e/with-keyring.sh) against a real Prometheus that asks for basic authentication
// (--web.config.file): a source added in the settings dialog with its password in the keychain, tested,
// saved, and polled by the next start of `vigil`, headless and with its window.
#include "config/secrets.h"
#include "realservers.h"
#include "settings/settingsdialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <optional>

using namespace vigil;

namespace {

// bcrypt of kPassword (Prometheus' web configuration stores only the hash).
const char *const kHash = "$2b$10$W7FPuNv8JihDLKoBBV2Vuepnht2AnafNey58NITFj7rPCAKDPQI7W";
const char *const kPassword = "keychain-test-5ecret";

void writeText(const QString &path, const QByteArray &text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsSet("VIGIL_NO_KEYRING"))
            QSKIP("no D-Bus session or GNOME Keyring (install dbus and gnome-keyring)");
        if (QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty())
            QSKIP("prometheus is not installed");
        m_port = test::freePort();
        const QString dir = m_dir.path();
        writeText(dir + QStringLiteral("/web.yml"),
                  QByteArray("basic_auth_users:\n  vigil: ") + kHash + "\n");
        // It scrapes itself, with the credentials its own web server asks for: one target, up.
        writeText(dir + QStringLiteral("/prometheus.yml"),
                  QStringLiteral("global:\n  scrape_interval: 1s\n"
                                 "scrape_configs:\n  - job_name: prometheus\n"
                                 "    basic_auth: {username: vigil, password: %1}\n"
                                 "    static_configs: [{targets: ['127.0.0.1:%2']}]\n")
                      .arg(QLatin1String(kPassword))
                      .arg(m_port)
                      .toUtf8());
        m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
        m_prometheus.start(QStringLiteral("prometheus"),
                           {QStringLiteral("--config.file=%1/prometheus.yml").arg(dir),
                            QStringLiteral("--web.config.file=%1/web.yml").arg(dir),
                            QStringLiteral("--storage.tsdb.path=%1/prom").arg(dir),
                            QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port)});
        QVERIFY(m_prometheus.waitForStarted(10000));
        QElapsedTimer t;
        t.start();
        // Ready, and its own target scraped once (the inventory the settings' test reports).
        const QString query = QStringLiteral("http://vigil:%1@127.0.0.1:%2/api/v1/query?query=up")
                                  .arg(QLatin1String(kPassword))
                                  .arg(m_port);
        while (t.elapsed() < 30000) {
            QProcess curl;
            curl.start(QStringLiteral("curl"), {QStringLiteral("-fs"), query});
            curl.waitForFinished(5000);
            if (curl.exitCode() == 0 && curl.readAllStandardOutput().contains("\"value\""))
                return;
            QTest::qWait(250);
        }
        QFAIL(qPrintable(QStringLiteral("prometheus not ready:\n") +
                         QString::fromUtf8(m_prometheus.readAll())));
    }

    void cleanupTestCase() {
        if (m_prometheus.state() != QProcess::NotRunning) {
            m_prometheus.terminate();
            if (!m_prometheus.waitForFinished(5000))
                m_prometheus.kill();
            m_prometheus.waitForFinished(2000);
        }
    }

    // QtKeychain against the Secret Service: written, read, removed; a missing entry is "not found".
    void theKeychainKeepsASecret() {
        KeychainStore keychain;
        QObject context;
        std::optional<SecretStore::Outcome> got;
        const auto wait = [&] {
            got.reset();
            return [&](const SecretStore::Outcome &o) { got = o; };
        };
        keychain.write(QStringLiteral("source/roundtrip"), QStringLiteral("tøken with spaces"), &context,
                       wait());
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 20000));
        QVERIFY2(got->ok, qPrintable(got->error));
        keychain.read(QStringLiteral("source/roundtrip"), &context, wait());
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 20000));
        QVERIFY2(got->ok, qPrintable(got->error));
        QCOMPARE(got->value, QStringLiteral("tøken with spaces"));
        keychain.remove(QStringLiteral("source/roundtrip"), &context, wait());
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 20000));
        QVERIFY2(got->ok, qPrintable(got->error));
        keychain.read(QStringLiteral("source/roundtrip"), &context, wait());
        QVERIFY(QTest::qWaitFor([&] { return got.has_value(); }, 20000));
        QVERIFY(!got->ok);
        QVERIFY(got->notFound);
    }

    // The "done when": added in the settings, its password in the keychain, polled after a restart.
    void aSourceAddedInTheSettingsIsPolledAfterARestart() {
        const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
        QVERIFY2(!configHome.isEmpty(), "run through tests/e2e/with-keyring.sh");
        const QString path = configHome + QStringLiteral("/vigil/vigil.yaml");
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        KeychainStore keychain;
        {
            SettingsDialog d(path, &keychain);
            d.field(QStringLiteral("name"))->setText(QStringLiteral("secured"));
            d.field(QStringLiteral("prometheus"))->setText(url);
            auto *auth = d.findChild<QComboBox *>(QStringLiteral("auth"));
            auth->setCurrentIndex(auth->findData(int(SourceDraft::Auth::Basic)));
            d.field(QStringLiteral("username"))->setText(QStringLiteral("vigil"));
            // A wrong password: Test connection says what Prometheus answered.
            d.field(QStringLiteral("secret"))->setText(QStringLiteral("wrong"));
            QSignalSpy probed(&d, &SettingsDialog::probed);
            d.testConnection();
            QVERIFY(QTest::qWaitFor([&] { return probed.count() == 1; }, 30000));
            QVERIFY2(d.probeReport().contains(QStringLiteral("401")), qPrintable(d.probeReport()));
            d.field(QStringLiteral("secret"))->setText(QLatin1String(kPassword));
            d.testConnection();
            QVERIFY(QTest::qWaitFor([&] { return probed.count() == 2; }, 30000));
            QVERIFY2(d.probeReport().contains(QStringLiteral(": version 2.")), qPrintable(d.probeReport()));
            QVERIFY2(d.probeReport().contains(QStringLiteral("1 target")), qPrintable(d.probeReport()));
            QSignalSpy saved(&d, &SettingsDialog::saved);
            d.save();
            QVERIFY2(QTest::qWaitFor([&] { return saved.count() == 1; }, 30000), qPrintable(d.message()));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains(kPassword));
        QVERIFY2(text.contains("secret: keychain"), text.constData());

        // The restart, headless: `vigil triage` on the file reads the password from the keychain and
        // polls; a failing source would exit 2 naming it.
        QTemporaryDir cache;
        QProcess triage;
        triage.start(qEnvironmentVariable("VIGIL_BIN"),
                     {QStringLiteral("triage"), QStringLiteral("--config"), path, QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("--cache"),
                      cache.filePath(QStringLiteral("t.sqlite"))});
        QVERIFY(triage.waitForFinished(120000));
        const QByteArray err = triage.readAllStandardError();
        QVERIFY2(triage.exitCode() == 0, err.constData());
        const auto j = nlohmann::json::parse(triage.readAllStandardOutput().toStdString(), nullptr, false);
        QVERIFY(j.is_object());
        for (const auto &src : j["sources"])
            QVERIFY2(src["ok"].get<bool>(), src.dump().c_str());

        // The restart with its window: `vigil` with no arguments starts on the user's configuration.
        QProcess gui;
        gui.setProcessChannelMode(QProcess::MergedChannels);
        gui.start(qEnvironmentVariable("VIGIL_BIN"),
                  {QStringLiteral("--screenshot"), cache.filePath(QStringLiteral("hosts.png")),
                   QStringLiteral("--view"), QStringLiteral("hosts")});
        QVERIFY(gui.waitForFinished(120000));
        const QByteArray guiOut = gui.readAll();
        QVERIFY2(gui.exitCode() == 0, guiOut.constData());
        QVERIFY2(!guiOut.contains("not read"), guiOut.constData());
        // The screenshot waits for the first poll and says when a source never answered (HTTP 401 here
        // without the password).
        QVERIFY2(guiOut.contains("wrote "), guiOut.constData());
        QVERIFY2(!guiOut.contains("never answered") && !guiOut.contains("401"), guiOut.constData());

        // The keychain emptied: the next start says why the source fails, and names the entry.
        std::optional<SecretStore::Outcome> removed;
        QObject context;
        keychain.remove(SecretStore::keyFor("secured"), &context,
                        [&](const SecretStore::Outcome &o) { removed = o; });
        QVERIFY(QTest::qWaitFor([&] { return removed.has_value(); }, 20000));
        QProcess again;
        again.start(qEnvironmentVariable("VIGIL_BIN"),
                    {QStringLiteral("triage"), QStringLiteral("--config"), path, QStringLiteral("--cache"),
                     cache.filePath(QStringLiteral("t.sqlite"))});
        QVERIFY(again.waitForFinished(120000));
        const QByteArray againErr = again.readAllStandardError();
        QCOMPARE(again.exitCode(), 2);
        QVERIFY2(againErr.contains("source/secured"), againErr.constData());
        QVERIFY2(againErr.contains("401"), againErr.constData());
    }

private:
    QTemporaryDir m_dir;
    QProcess m_prometheus;
    quint16 m_port = 0;
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
