// The settings dialog: sources saved to the user's configuration with their secrets in the keychain (a
// keychain in memory here; tests/e2e/tst_keychain.cpp uses the real one), a file only the user reads where
// no keychain answers, every key the dialog does not edit kept, and Test connection saying what answered.
#include "config/configdocument.h"
#include "config/secrets.h"
#include "settings/settingsdialog.h"
#include "simserver.h"
#include "triage/incidentnotifier.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace vigil;

namespace {

void writeText(const QString &path, const QByteArray &text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QByteArray readText(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void fill(SettingsDialog &d, const QString &field, const QString &text) {
    QLineEdit *e = d.field(field);
    QVERIFY2(e, qPrintable(field));
    e->setText(text);
}

void chooseAuth(SettingsDialog &d, int auth) {
    auto *combo = d.findChild<QComboBox *>(QStringLiteral("auth"));
    combo->setCurrentIndex(combo->findData(auth));
}

bool saveAndWait(SettingsDialog &d) {
    QSignalSpy saved(&d, &SettingsDialog::saved);
    QSignalSpy failed(&d, &SettingsDialog::failed);
    d.save();
    return QTest::qWaitFor([&] { return saved.count() + failed.count() > 0; }, 5000) && saved.count() == 1;
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // An operator's keys the dialog does not show survive a save; those it shows are written back.
    void theDocumentKeepsWhatTheDialogDoesNotEdit() {
        const char *text = "sources:\n"
                           "  - name: prod\n"
                           "    prometheus: https://prom.example:9090\n"
                           "    external_labels: [cluster, prometheus]\n"
                           "    bearer_token_file: /run/secrets/prom\n"
                           "triage:\n  group_by: [alertname, cluster]\n"
                           "wall:\n  interrupt_severity: warning\n"
                           "profile: kubernetes\n";
        ConfigError error;
        auto doc = ConfigDocument::fromString(text, "/tmp/x.yaml", &error);
        QVERIFY(doc);
        auto d = doc->draft();
        QCOMPARE(int(d.sources.size()), 1);
        QCOMPARE(d.sources[0].auth, SourceDraft::Auth::Bearer);
        QCOMPARE(d.sources[0].secretAt, SourceDraft::SecretAt::File);
        QCOMPARE(d.sources[0].secretFile, std::string("/run/secrets/prom"));
        QCOMPARE(d.profile, std::string("kubernetes"));
        d.sources[0].intervalMs = 30'000;
        d.hierarchy = {"region", "cluster"};
        d.retentionMs = 3LL * 86'400'000;
        doc->apply(d);
        const auto out = YAML::Load(doc->text());
        QCOMPARE(out["sources"][0]["interval"].as<std::string>(), std::string("30s"));
        QCOMPARE(out["sources"][0]["external_labels"][1].as<std::string>(), std::string("prometheus"));
        QCOMPARE(out["sources"][0]["bearer_token_file"].as<std::string>(), std::string("/run/secrets/prom"));
        QCOMPARE(out["triage"]["group_by"][1].as<std::string>(), std::string("cluster"));
        QCOMPARE(out["wall"]["interrupt_severity"].as<std::string>(), std::string("warning"));
        QCOMPARE(out["topology"]["hierarchy"][1].as<std::string>(), std::string("cluster"));
        QCOMPARE(out["cache"]["retention"].as<std::string>(), std::string("72h"));
        QCOMPARE(out["profile"].as<std::string>(), std::string("kubernetes"));
        // A custom profile (a map) is not a preset: the draft says so and the map is kept.
        auto custom =
            ConfigDocument::fromString("sources: []\nprofile: {host_label: node}\n", "/tmp/y.yaml", &error);
        QVERIFY(custom);
        auto cd = custom->draft();
        QVERIFY(cd.profile.empty());
        custom->apply(cd);
        QCOMPARE(YAML::Load(custom->text())["profile"]["host_label"].as<std::string>(), std::string("node"));
        // Text that is not YAML is an error with its line, never an empty document to write over it.
        QVERIFY(!ConfigDocument::fromString("sources:\n  - name: [unclosed\n", "/tmp/z.yaml", &error));
        QVERIFY(error.line > 0);
    }

    // A token typed in the dialog goes to the keychain; the file says `secret: keychain` and holds no
    // secret; the next start reads the token from the keychain.
    void aTypedTokenGoesToTheKeychainNotTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil/vigil.yaml"));
        MemorySecretStore keychain;
        SettingsDialog d(path, &keychain);
        QCOMPARE(d.sourceCount(), 1); // a first source, ready to fill in
        fill(d, QStringLiteral("name"), QStringLiteral("prod"));
        fill(d, QStringLiteral("prometheus"), QStringLiteral("https://prom.example:9090"));
        fill(d, QStringLiteral("alertmanagers"),
             QStringLiteral("https://am-0.example:9093, https://am-1.example:9093"));
        chooseAuth(d, int(SourceDraft::Auth::Bearer));
        // Without the token, nothing is saved and the dialog says what is missing.
        QVERIFY(!saveAndWait(d));
        QVERIFY2(d.message().contains(QStringLiteral("token")), qPrintable(d.message()));
        QVERIFY(!QFile::exists(path));
        fill(d, QStringLiteral("secret"), QStringLiteral("s3cret-t0ken"));
        QVERIFY2(saveAndWait(d), qPrintable(d.message()));
        const QByteArray text = readText(path);
        QVERIFY(!text.contains("s3cret-t0ken"));
        QVERIFY2(text.contains("secret: keychain"), text.constData());
        QCOMPARE(keychain.entries().at(QStringLiteral("source/prod")), QStringLiteral("s3cret-t0ken"));
        // The next start: the configuration, then the keychain.
        ConfigError error;
        auto config = ConfigLoader::loadFile(path.toStdString(), &error);
        QVERIFY2(config, error.toString().c_str());
        QVERIFY(config->sources[0].auth.bearerToken.empty());
        secrets::resolve(*config, keychain, 5000);
        QCOMPARE(config->sources[0].auth.bearerToken, std::string("s3cret-t0ken"));
        QCOMPARE(config->sources[0].alertmanagerUrls.size(), std::size_t(2));
        // A keychain without the entry: the source polls without it and says why.
        MemorySecretStore empty;
        auto again = ConfigLoader::loadFile(path.toStdString(), &error);
        secrets::resolve(*again, empty, 5000);
        QVERIFY(again->sources[0].auth.bearerToken.empty());
        QVERIFY2(again->sources[0].secretProblem.find("source/prod") != std::string::npos,
                 again->sources[0].secretProblem.c_str());
    }

    // No keychain service: the dialog says so, saves nothing, and offers a file only the user can read.
    void withoutAKeychainTheSecretGoesToAPrivateFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil.yaml"));
        MemorySecretStore keychain;
        keychain.setFailure(
            QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"));
        SettingsDialog d(path, &keychain);
        fill(d, QStringLiteral("name"), QStringLiteral("lab"));
        fill(d, QStringLiteral("prometheus"), QStringLiteral("https://prom.lab:9090"));
        chooseAuth(d, int(SourceDraft::Auth::Basic));
        fill(d, QStringLiteral("username"), QStringLiteral("noc"));
        fill(d, QStringLiteral("secret"), QStringLiteral("pa55word"));
        QVERIFY(!saveAndWait(d));
        QVERIFY2(d.message().contains(QStringLiteral("org.freedesktop.secrets")), qPrintable(d.message()));
        QVERIFY(!QFile::exists(path));
        auto *useFile = d.findChild<QPushButton *>(QStringLiteral("useSecretFile"));
        QVERIFY(useFile && !useFile->isHidden());
        QSignalSpy saved(&d, &SettingsDialog::saved);
        useFile->click();
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 5000));
        const QString secretFile = secrets::secretFileFor(path, "lab");
        QCOMPARE(readText(secretFile), QByteArray("pa55word"));
        QCOMPARE(QFileInfo(secretFile).permissions() &
                     ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
        QCOMPARE(QFileInfo(QFileInfo(secretFile).absolutePath()).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther),
                 QFile::Permissions());
        const QByteArray text = readText(path);
        QVERIFY(!text.contains("pa55word"));
        QVERIFY2(text.contains("password_file"), text.constData());
        ConfigError error;
        auto config = ConfigLoader::loadFile(path.toStdString(), &error);
        QVERIFY2(config, error.toString().c_str());
        QCOMPARE(config->sources[0].auth.username, std::string("noc"));
        QCOMPARE(config->sources[0].auth.password, std::string("pa55word"));
    }

    // A renamed source's secret follows it to its new name; a removed source's leaves the keychain.
    void renamingAndRemovingMoveTheSecret() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil.yaml"));
        writeText(path, "sources:\n"
                        "  - name: old\n    prometheus: http://127.0.0.1:9\n    secret: keychain\n"
                        "  - name: gone\n    prometheus: http://127.0.0.1:10\n    secret: keychain\n"
                        "drift:\n  role_label: tier\n");
        MemorySecretStore keychain;
        bool ok = false;
        keychain.write(QStringLiteral("source/old"), QStringLiteral("t1"), this,
                       [&](const auto &o) { ok = o.ok; });
        keychain.write(QStringLiteral("source/gone"), QStringLiteral("t2"), this, [](const auto &) {});
        QVERIFY(QTest::qWaitFor([&] { return ok; }, 2000));
        SettingsDialog d(path, &keychain);
        QCOMPARE(d.sourceCount(), 2);
        d.selectSource(0);
        fill(d, QStringLiteral("name"), QStringLiteral("new"));
        d.selectSource(1);
        d.removeSource();
        QCOMPARE(d.sourceCount(), 1);
        QVERIFY2(saveAndWait(d), qPrintable(d.message()));
        QTest::qWait(50);
        QCOMPARE(keychain.entries().size(), std::size_t(1));
        QCOMPARE(keychain.entries().at(QStringLiteral("source/new")), QStringLiteral("t1"));
        const auto out = YAML::Load(readText(path).toStdString());
        QCOMPARE(out["sources"].size(), std::size_t(1));
        QCOMPARE(out["sources"][0]["name"].as<std::string>(), std::string("new"));
        QCOMPARE(out["sources"][0]["secret"].as<std::string>(), std::string("keychain"));
        QCOMPARE(out["drift"]["role_label"].as<std::string>(), std::string("tier"));
    }

    // A configuration that does not parse is the operator's to fix: the dialog never writes over it.
    void anUnreadableConfigurationIsNotOverwritten() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vigil.yaml"));
        const QByteArray broken = "sources:\n  - name: [a\n";
        writeText(path, broken);
        MemorySecretStore keychain;
        SettingsDialog d(path, &keychain);
        QVERIFY2(d.message().contains(QStringLiteral("vigil.yaml")), qPrintable(d.message()));
        QVERIFY(!d.findChild<QPushButton *>(QStringLiteral("saveSettings"))->isEnabled());
        d.save();
        QCOMPARE(readText(path), broken);
    }

    // Test connection: the version, latency and targets of what answered, the exact error of what did
    // not, with the form's own values (not yet saved).
    void testConnectionSaysWhatAnswered() {
        sim::SimOptions so;
        so.hosts = 60;
        sim::SimServer sim(so);
        std::string err;
        QVERIFY(sim.start(0, &err));
        QTemporaryDir dir;
        MemorySecretStore keychain;
        SettingsDialog d(dir.filePath(QStringLiteral("vigil.yaml")), &keychain);
        const QString url = QString::fromStdString(sim.url());
        fill(d, QStringLiteral("prometheus"), url);
        fill(d, QStringLiteral("alertmanagers"), url + QStringLiteral(", http://127.0.0.1:1"));
        QSignalSpy probed(&d, &SettingsDialog::probed);
        d.testConnection();
        QVERIFY(QTest::qWaitFor([&] { return probed.count() == 1; }, 30000));
        const QString report = d.probeReport();
        QVERIFY2(report.contains(QStringLiteral("Prometheus at ") + url + QStringLiteral(": version")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("60 target")),
                 qPrintable(report)); // "60 targets" with the English plural forms loaded
        QVERIFY2(report.contains(QStringLiteral("Alertmanager at ") + url + QStringLiteral(": version")),
                 qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("http://127.0.0.1:1 did not answer")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(report));
        // A TLS file that cannot be read is said before anything is asked.
        fill(d, QStringLiteral("caFile"), dir.filePath(QStringLiteral("missing-ca.pem")));
        d.testConnection();
        QVERIFY(QTest::qWaitFor([&] { return probed.count() == 2; }, 5000));
        QVERIFY2(d.probeReport().contains(QStringLiteral("missing-ca.pem")), qPrintable(d.probeReport()));
    }

    // Which saved triage filters notify, and with a sound: the Notifications tab's checks, kept on Save.
    void notificationsAreTheSavedFiltersChecks() {
        IncidentNotifier::storeFilters(
            {{QStringLiteral("db pages"), QStringLiteral("service=db"), false, false},
             {QStringLiteral("eu"), QStringLiteral("region=eu1"), true, true}});
        QTemporaryDir dir;
        MemorySecretStore keychain;
        SettingsDialog d(dir.filePath(QStringLiteral("vigil.yaml")), &keychain);
        fill(d, QStringLiteral("prometheus"), QStringLiteral("http://127.0.0.1:9090"));
        auto *table = d.findChild<QTableWidget *>(QStringLiteral("notificationFilters"));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 2)->checkState(), Qt::Checked);
        table->item(0, 2)->setCheckState(Qt::Checked);
        table->item(1, 3)->setCheckState(Qt::Unchecked);
        QVERIFY2(saveAndWait(d), qPrintable(d.message()));
        const auto filters = IncidentNotifier::loadFilters();
        QCOMPARE(int(filters.size()), 2);
        QVERIFY(filters[0].notify && !filters[0].sound);
        QVERIFY(filters[1].notify && !filters[1].sound);
        QCOMPARE(filters[0].text, QStringLiteral("service=db"));
        IncidentNotifier::storeFilters({});
    }

    // The cache: its file, how long it keeps history, and how much it holds now.
    void theCacheSaysItsSize() {
        QTemporaryDir dir;
        const QString cache = dir.filePath(QStringLiteral("cache.sqlite"));
        writeText(cache, QByteArray(2'500'000, 'x'));
        MemorySecretStore keychain;
        SettingsDialog d(dir.filePath(QStringLiteral("vigil.yaml")), &keychain);
        fill(d, QStringLiteral("prometheus"), QStringLiteral("http://127.0.0.1:9090"));
        fill(d, QStringLiteral("cachePath"), cache);
        Q_EMIT d.field(QStringLiteral("cachePath"))->editingFinished();
        const QString size = d.findChild<QLabel *>(QStringLiteral("cacheSize"))->text();
        QVERIFY2(size.contains(QLocale().toString(2.5, 'f', 1) + QStringLiteral(" MB")) &&
                     size.contains(cache),
                 qPrintable(size));
        d.findChild<QSpinBox *>(QStringLiteral("retentionDays"))->setValue(30);
        QVERIFY2(saveAndWait(d), qPrintable(d.message()));
        ConfigError error;
        auto config =
            ConfigLoader::loadFile(dir.filePath(QStringLiteral("vigil.yaml")).toStdString(), &error);
        QVERIFY2(config, error.toString().c_str());
        QCOMPARE(config->retentionMs, 30LL * 86'400'000);
        QCOMPARE(config->cachePath, cache.toStdString());
    }

    // With VIGIL_SHOTS set, each tab as PNG to look at (VIGIL_SHOTS_QM: a translation to load first).
    void screenshots() {
        const QString shots = qEnvironmentVariable("VIGIL_SHOTS");
        if (shots.isEmpty())
            QSKIP("VIGIL_SHOTS not set");
        QTranslator translator;
        if (const QString qm = qEnvironmentVariable("VIGIL_SHOTS_QM"); !qm.isEmpty()) {
            QVERIFY(translator.load(qm));
            QCoreApplication::installTranslator(&translator);
        }
        QTemporaryDir dir;
        MemorySecretStore keychain;
        SettingsDialog d(dir.filePath(QStringLiteral("vigil.yaml")), &keychain,
                         QStringLiteral("(running note)"));
        fill(d, QStringLiteral("prometheus"), QStringLiteral("https://prometheus.example:9090"));
        chooseAuth(d, int(SourceDraft::Auth::Bearer));
        d.resize(d.sizeHint().expandedTo(QSize(860, 620)));
        d.show();
        QCoreApplication::processEvents();
        auto *tabs = d.findChild<QTabWidget *>();
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            QVERIFY(d.grab().save(shots + QStringLiteral("/settings-tab%1.png").arg(i)));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
