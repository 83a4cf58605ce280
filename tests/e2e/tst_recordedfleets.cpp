// Vigil on fleets it was not built around, as the real servers answered: each storm in
// tests/data/<fleet>/<storm>/ holds what Debian's prometheus and prometheus-alertmanager answered to
// `vigil triage` while it happened (answers.json, recorded by that folder's record.sh with the rules'
// real `for:` durations) and the truth written by hand (truth.json). A canned server plays the answers
// back; the real vigil binary polls it with the storm's profile and prints its incidents as JSON,
// which must name the true cause first, hold the cause's alerts, keep the unrelated ones apart and
// count every alert once. liveNodeLoss does the same live: the real servers watch the fixture while a
// node is lost, with every `for:` shortened to 2 s.
#include "recordedstorm.h"

#include <QStandardPaths>
#include <QTest>

using nlohmann::json;
using namespace vigil::test;

namespace {

const json *recorded(const json &records, const std::string &path) {
    const json *last = nullptr;
    for (const auto &r : records)
        if (r.at("path") == path)
            last = &r;
    return last;
}

// Distinct firing or pending alerts between Alertmanager's answer and Prometheus' (whose copies lack
// the external labels): what "every alert once" means, read from the recorded JSON alone.
std::size_t distinctAlerts(const json &records, const std::vector<std::string> &externalLabels) {
    std::set<std::string> keys;
    auto add = [&](const json &labels) {
        std::map<std::string, std::string> own;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (std::find(externalLabels.begin(), externalLabels.end(), it.key()) == externalLabels.end())
                own[it.key()] = it.value().get<std::string>();
        keys.insert(json(own).dump());
    };
    if (const json *am = recorded(records, "/api/v2/alerts"))
        for (const auto &a : json::parse(am->at("body").get<std::string>()))
            add(a.at("labels"));
    if (const json *prom = recorded(records, "/api/v1/alerts")) {
        const json body = json::parse(prom->at("body").get<std::string>());
        for (const auto &a : body.at("data").at("alerts"))
            add(a.at("labels"));
    }
    return keys.size();
}

std::map<std::string, int> byAlertname(const json &incident) {
    std::map<std::string, int> out;
    for (const auto &n : incident.at("byAlertname"))
        out[n.at("alertname").get<std::string>()] += n.at("count").get<int>();
    return out;
}

// What every storm must show against its truth: the cause first with its alerts inside, the unrelated
// ones apart, only the fleet's hosts, and every alert counted once (from the answers Vigil was given).
void checkAgainstTruth(const QString &storm, const json &records, const json &truth, const json &result) {
    QVERIFY2(!result.at("incidents").empty(), result.dump().c_str());
    const auto &incidents = result.at("incidents");

    // The cause, first.
    const json &top = incidents.at(0);
    QVERIFY2(topCauseRight(truth, result), top.dump(1).c_str());
    // Its alerts inside it, and nowhere else.
    const auto members = byAlertname(top);
    for (auto it = truth.at("inCause").begin(); it != truth.at("inCause").end(); ++it) {
        const int want = it.value().get<int>();
        QVERIFY2(members.count(it.key()) && members.at(it.key()) == want,
                 qPrintable(QStringLiteral("%1: %2 in the cause's incident, expected %3")
                                .arg(QString::fromStdString(it.key()))
                                .arg(members.count(it.key()) ? members.at(it.key()) : 0)
                                .arg(want)));
        for (std::size_t k = 1; k < incidents.size(); ++k)
            QVERIFY2(!byAlertname(incidents.at(k)).count(it.key()),
                     (it.key() + " outside the cause's incident: " + incidents.at(k).dump()).c_str());
    }
    // The unrelated ones apart.
    for (const auto &name : truth.at("apart"))
        QVERIFY2(!members.count(name.get<std::string>()),
                 (name.get<std::string>() + " is in the cause's incident").c_str());
    // Where: the fleet's hosts, never an exporter's own address (kube-state-metrics' instance).
    if (truth.contains("hosts"))
        QVERIFY2(top.at("hosts") == truth.at("hosts"), top.at("hosts").dump().c_str());
    for (const auto &inc : incidents)
        for (const auto &h : inc.at("hosts"))
            for (const auto &never : truth.value("neverHosts", json::array()))
                QVERIFY2(h != never, inc.dump().c_str());
    if (truth.contains("pods")) {
        QCOMPARE(top.at("pods").get<int>(), truth.at("pods").get<int>());
        QCOMPARE(top.at("namespaces").get<int>(), truth.at("namespaces").get<int>());
    }
    // Every alert once, and every one in some incident.
    const auto external = truth.at("externalLabels").get<std::vector<std::string>>();
    const std::size_t distinct = distinctAlerts(records, external);
    QCOMPARE(result.at("alerts").get<std::size_t>(), distinct);
    std::size_t inIncidents = 0;
    for (const auto &inc : incidents)
        inIncidents += inc.at("alerts").get<std::size_t>();
    QCOMPARE(inIncidents, distinct);
    qInfo("%s: %zu alerts, %zu incidents; first: %s (%s)", qPrintable(storm), distinct, incidents.size(),
          top.at("title").get<std::string>().c_str(), top.at("reason").get<std::string>().c_str());
}

} // namespace

class TestRecordedFleets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void storms_data() {
        QTest::addColumn<QString>("storm");
        QTest::addColumn<QString>("variant");
        QTest::newRow("kube node-loss") << QStringLiteral("kube/node-loss") << QString();
        QTest::newRow("kube zone-loss") << QStringLiteral("kube/zone-loss") << QString();
        QTest::newRow("kube dns-failure") << QStringLiteral("kube/dns-failure") << QString();
        // No edge leads to coredns: joined by time to the failures that began with it.
        QTest::newRow("kube dns-failure, mesh edges only")
            << QStringLiteral("kube/dns-failure") << QStringLiteral("mesh edges only");
        QTest::newRow("node rack-loss") << QStringLiteral("node/rack-loss") << QString();
    }

    void storms() {
        QFETCH(QString, storm);
        QFETCH(QString, variant);
        const auto run = runRecordedStorm(qEnvironmentVariable("VIGIL_TEST_DATA") + QLatin1Char('/') + storm,
                                          qEnvironmentVariable("VIGIL_BIN"), variant.toStdString());
        QVERIFY2(run.error.empty(), run.error.c_str());
        QVERIFY2(run.missed.empty(), (*run.missed.begin()).c_str());
        checkAgainstTruth(storm, run.records, run.truth, run.result);
    }

    // The same node loss live: Debian's real prometheus and prometheus-alertmanager watch the fixture
    // (record.sh's FAST mode: every `for:` 2 s), the real vigil asks them through the recording proxy,
    // and what it printed is held to the node-loss truth, against what the servers answered it.
    void liveNodeLoss() {
        for (const char *program : {"prometheus", "prometheus-alertmanager", "python3", "curl"})
            if (QStandardPaths::findExecutable(QLatin1String(program)).isEmpty()) {
                const QString why = QLatin1String(program) + QStringLiteral(" is not installed");
                if (qEnvironmentVariableIsSet("CI"))
                    QFAIL(qPrintable(why + QStringLiteral("; .ci/run must install it")));
                QSKIP(qPrintable(why + QStringLiteral(" (scripts/install-deps.sh installs it)")));
            }
        const QString data = qEnvironmentVariable("VIGIL_TEST_DATA");
        QTemporaryDir out;
        QProcess record;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FAST"), QStringLiteral("1"));
        env.insert(QStringLiteral("OUT"), out.path());
        env.insert(QStringLiteral("STORM"), QStringLiteral("node-loss"));
        env.insert(QStringLiteral("MIN_PODS"), QStringLiteral("13"));
        env.insert(QStringLiteral("VIGIL_BIN"), qEnvironmentVariable("VIGIL_BIN"));
        record.setProcessEnvironment(env);
        record.setProcessChannelMode(QProcess::MergedChannels);
        record.start(QStringLiteral("bash"), {data + QStringLiteral("/kube/record.sh")});
        if (!record.waitForFinished(240'000)) {
            record.terminate(); // its trap stops the servers it started
            record.waitForFinished(100'000);
            QFAIL(qPrintable(QStringLiteral("record.sh did not finish within 4 minutes:\n") +
                             QString::fromUtf8(record.readAll())));
        }
        const QByteArray log = record.readAll();
        QVERIFY2(record.exitStatus() == QProcess::NormalExit && record.exitCode() == 0, log.constData());
        const json records = readJson(out.filePath(QStringLiteral("answers.json")));
        const json result = readJson(out.filePath(QStringLiteral("triage.json")));
        QVERIFY2(records.is_array() && !records.empty(), log.constData());
        QVERIFY2(result.is_object() && result.contains("incidents"), log.constData());
        checkAgainstTruth(QStringLiteral("live node-loss"), records,
                          readJson(data + QStringLiteral("/kube/node-loss/truth.json")), result);
    }
};

QTEST_GUILESS_MAIN(TestRecordedFleets)
#include "tst_recordedfleets.moc"
