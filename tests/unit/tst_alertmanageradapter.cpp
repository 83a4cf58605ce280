#include "sources/alertmanageradapter.h"
#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QTest>

using namespace vigil;
using vigil::test::fixture;

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
