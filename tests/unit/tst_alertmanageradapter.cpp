#include "sources/alertmanageradapter.h"
#include "sources/fastalerts.h"
#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace vigil;
using vigil::test::fixture;

namespace {
bool sameAlert(const Alert &a, const Alert &b) {
    return a.fingerprint == b.fingerprint && a.labels == b.labels && a.annotations == b.annotations &&
           a.state == b.state && a.startsAt == b.startsAt && a.endsAt == b.endsAt &&
           a.updatedAt == b.updatedAt && a.generatorUrl == b.generatorUrl && a.silencedBy == b.silencedBy &&
           a.inhibitedBy == b.inhibitedBy && a.receivers == b.receivers;
}

bool sameAlerts(const std::vector<Alert> &a, const std::vector<Alert> &b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), sameAlert);
}

} // namespace

class TestAlertmanagerAdapter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void alerts() {
        auto r = alertmanager::parseAlerts(fixture("am_alerts.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), std::size_t(2));
        const Alert *down = nullptr, *load = nullptr;
        for (const auto &a : *r)
            (a.name() == "TargetDown" ? down : load) = &a;
        QVERIFY(down && load);
        QCOMPARE(down->state, AlertState::Active);
        QCOMPARE(QString::fromStdString(down->fingerprint), QStringLiteral("542dd288f494ef20"));
        QCOMPARE(QString::fromStdString(down->fingerprint),
                 QString::fromStdString(down->labels.fingerprint()));
        QCOMPARE(std::string(down->annotations.value("runbook_url")),
                 std::string("https://runbooks.example/TargetDown"));
        QVERIFY(down->startsAt > 0 && down->endsAt > down->startsAt);
        QCOMPARE(load->state, AlertState::Suppressed);
        QCOMPARE(load->inhibitedBy, std::vector<std::string>{"542dd288f494ef20"});
        QCOMPARE(load->silencedBy.size(), std::size_t(1));
        QCOMPARE(load->receivers, std::vector<std::string>{"sink"});
    }

    // The simdjson reader (fastalerts.h) and the document reader agree on every input: what they
    // read, what they skip, what they refuse. Alertmanager's own answers take the fast one.
    void fastAndDocumentReadersAgree() {
        std::vector<std::pair<std::string, std::string>> alerts = test::recordedAnswers("/api/v2/alerts");
        std::vector<std::pair<std::string, std::string>> groups =
            test::recordedAnswers("/api/v2/alerts/groups");
        QVERIFY(alerts.size() >= 3 && groups.size() >= 3);
        const std::size_t recordedAlerts = alerts.size(), recordedGroups = groups.size();
        alerts.emplace_back("am_alerts.json", fixture("am_alerts.json"));
        groups.emplace_back("am_alert_groups.json", fixture("am_alert_groups.json"));
        // Each member of the first alert changed in a way the readers treat specially.
        const auto base = nlohmann::json::parse(fixture("am_alerts.json"));
        const std::vector<std::pair<std::string, nlohmann::json>> edits = {
            {"/0/labels/severity", 3},
            {"/0/labels", "x"},
            {"/0/annotations", nlohmann::json::array()},
            {"/0/annotations/summary", nullptr},
            {"/0/fingerprint", 7},
            {"/0/fingerprint", ""},
            {"/0/startsAt", false},
            {"/0/startsAt", "yesterday"},
            {"/0/status", "active"},
            {"/0/status/state", 1},
            {"/0/status/state", "unprocessed"},
            {"/0/status/silencedBy", "s"},
            {"/0/status/inhibitedBy", nlohmann::json::array({1, "x"})},
            {"/0/receivers", nlohmann::json::array({"sink"})},
            {"/0/receivers/0/name", nullptr},
            {"/0/generatorURL", nlohmann::json::object()},
            {"/0/mutedBy", nlohmann::json::array()}, // a newer Alertmanager's key: passed over
            {"/1", 5},
        };
        for (const auto &[pointer, value] : edits) {
            auto j = base;
            j[nlohmann::json::json_pointer(pointer)] = value;
            alerts.emplace_back("edit " + pointer + " = " + value.dump(), j.dump());
        }
        auto noLabels = base;
        noLabels[0].erase("labels");
        alerts.emplace_back("an alert without labels", noLabels.dump());
        alerts.emplace_back("a key twice", R"([{"labels":{"a":"1"},"labels":{"b":"2"}}])");
        alerts.emplace_back("a label twice", R"([{"labels":{"a":"1","a":"2"}}])");
        alerts.emplace_back("not an array", R"({"labels":{}})");
        alerts.emplace_back("not JSON", "[{");
        alerts.emplace_back("empty", "[]");
        groups.emplace_back("group receiver not an object", R"([{"labels":{},"receiver":"x","alerts":[]}])");
        groups.emplace_back("group alerts not a list",
                            R"([{"labels":{},"receiver":{"name":"x"},"alerts":{}}])");
        groups.emplace_back("a group that is not an object", R"([1,{"labels":{"a":"b"},"alerts":[]}])");
        groups.emplace_back("a bad alert in a group", R"([{"labels":{},"alerts":[{"labels":7}]}])");

        std::size_t fast = 0;
        for (std::size_t i = 0; i < alerts.size(); ++i) {
            const auto &[name, body] = alerts[i];
            Skipped s1, s2;
            const auto a = alertmanager::parseAlerts(body, &s1);
            const auto b = alertmanager::parseAlertsDocument(body, &s2);
            QVERIFY2(a.ok() == b.ok(), name.c_str());
            QCOMPARE(s1.count(), s2.count());
            if (a.ok())
                QVERIFY2(sameAlerts(*a, *b), name.c_str());
            else
                QCOMPARE(a.error().describe(), b.error().describe());
            std::vector<Alert> probe;
            const bool took = alertmanager::parseAlertsFast(body, probe);
            fast += took;
            if (i < recordedAlerts + 1)
                QVERIFY2(took, name.c_str());
        }
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const auto &[name, body] = groups[i];
            Skipped s1, s2;
            const auto a = alertmanager::parseGroups(body, &s1);
            const auto b = alertmanager::parseGroupsDocument(body, &s2);
            QVERIFY2(a.ok() == b.ok(), name.c_str());
            QCOMPARE(s1.count(), s2.count());
            if (!a.ok())
                continue;
            QCOMPARE(a->size(), b->size());
            for (std::size_t g = 0; g < a->size(); ++g) {
                QVERIFY2((*a)[g].labels == (*b)[g].labels, name.c_str());
                QCOMPARE((*a)[g].receiver, (*b)[g].receiver);
                QVERIFY2(sameAlerts((*a)[g].alerts, (*b)[g].alerts), name.c_str());
            }
            std::vector<AlertGroup> probe;
            const bool took = alertmanager::parseGroupsFast(body, probe);
            fast += took;
            if (i < recordedGroups + 1)
                QVERIFY2(took, name.c_str());
        }
        qInfo("%zu of %zu inputs took the fast path", fast, alerts.size() + groups.size());
    }

    void groups() {
        auto r = alertmanager::parseGroups(fixture("am_alert_groups.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), std::size_t(2)); // group_by: [alertname]
        for (const auto &g : *r) {
            QCOMPARE(g.receiver, std::string("sink"));
            QCOMPARE(g.alerts.size(), std::size_t(1));
            QCOMPARE(g.labels.value("alertname"), g.alerts[0].labels.value("alertname"));
        }
    }

    void silences() {
        auto r = alertmanager::parseSilences(fixture("am_silences.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->size(), std::size_t(1));
        const Silence &s = r->front();
        QCOMPARE(s.state, std::string("active"));
        QCOMPARE(s.createdBy, std::string("record.sh"));
        QCOMPARE(s.matchers.size(), std::size_t(1));
        QCOMPARE(s.matchers[0].name, std::string("alertname"));
        QVERIFY(s.matchers[0].isEqual && !s.matchers[0].isRegex);
        auto created = alertmanager::parseSilenceCreated(fixture("am_silence_created.json"));
        QVERIFY(created.ok());
        QCOMPARE(created.value(), s.id);
    }

    void status() {
        auto r = alertmanager::parseStatus(fixture("am_status.json"));
        QVERIFY(r.ok());
        QCOMPARE(r->version, std::string("0.25.0"));
        QCOMPARE(r->clusterStatus, std::string("disabled"));
    }

    void toleratesOlderAndNewerVersions() {
        // Hand-written: an older Alertmanager without isEqual or fingerprint, a newer one with extra fields.
        auto r = alertmanager::parseAlerts(
            "[{\"labels\":{\"alertname\":\"A\",\"instance\":\"h1\"},\"startsAt\":\"2026-01-01T00:00:00Z\",\n "
            "           \"status\":{\"state\":\"active\"},\"someNewField\":{\"x\":1}}]");
        QVERIFY(r.ok());
        QCOMPARE(r->front().fingerprint, r->front().labels.fingerprint());
        QVERIFY(r->front().silencedBy.empty());
        auto s = alertmanager::parseSilences("[{\"id\":\"x\",\"matchers\":[{\"name\":\"a\",\"value\":\"b\","
                                             "\"isRegex\":true}],\"status\":{\"state\":\"expired\"}}]");
        QVERIFY(s.ok());
        QVERIFY(s->front().matchers[0].isEqual);
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("object instead of array") << QByteArray("{\"alerts\":[]}");
        QTest::newRow("truncated") << QByteArray("[{\"labels\":{\"alertname\":\"A\"},\"status\":{\"sta");
        QTest::newRow("not json") << QByteArray("upstream connect error");
    }
    void badInput() {
        QFETCH(QByteArray, body);
        auto r = alertmanager::parseAlerts(body.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().endpoint, std::string("/api/v2/alerts"));
    }

    void errorResponse() {
        HttpResponse resp;
        resp.status = 400;
        resp.contentType = "application/json";
        resp.body = fixture("am_error_silence_invalid.txt");
        auto r = alertmanager::checkResponse(resp, "/api/v2/silences");
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("comment in body is required") != std::string::npos,
                 r.error().message.c_str());
    }

    void createSilenceBody() {
        Silence s;
        s.matchers = {{"rack", "eu1-a-r0[1-3]", true, true}, {"severity", "info", false, false}};
        s.startsAt = 1795481722044;
        s.endsAt = s.startsAt + 3600'000;
        s.createdBy = "oncall";
        s.comment = "switch replacement";
        auto req = alertmanager::createSilenceRequest("http://am:9093/", s);
        QCOMPARE(req.method, std::string("POST"));
        QCOMPARE(req.url, std::string("http://am:9093/api/v2/silences"));
        auto j = nlohmann::json::parse(req.body);
        QCOMPARE(j["matchers"].size(), std::size_t(2));
        QCOMPARE(j["matchers"][0]["isRegex"].get<bool>(), true);
        QCOMPARE(j["matchers"][1]["isEqual"].get<bool>(), false);
        QCOMPARE(j["startsAt"].get<std::string>(), std::string("2026-11-24T00:55:22.044Z"));
        QVERIFY(!j.contains("id"));
        auto del = alertmanager::expireSilenceRequest("http://am:9093", "7a259e53-4ff6");
        QCOMPARE(del.method, std::string("DELETE"));
        QCOMPARE(del.url, std::string("http://am:9093/api/v2/silence/7a259e53-4ff6"));
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerAdapter)
#include "tst_alertmanageradapter.moc"
