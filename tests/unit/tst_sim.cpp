// vigil-sim must answer in the same JSON shapes as the real Prometheus 2.42 and Alertmanager 0.25
// (tests/data fixtures), and be deterministic from its seed.
#include "fleet/queryprofile.h"
#include "simserver.h"
#include "testutil.h"

#include <nlohmann/json.hpp>

#include <QTest>

#include <set>

using namespace vigil;
using json = nlohmann::json;

namespace {
// The set of key paths of a JSON document, arrays collapsed to their first element.
void shape(const json &j, const std::string &path, std::set<std::string> &out) {
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            // Label names are data, not shape.
            if (path.ends_with(".labels") || path.ends_with(".metric") || path.ends_with(".annotations") ||
                path.ends_with(".discoveredLabels"))
                continue;
            out.insert(path + "." + it.key());
            shape(it.value(), path + "." + it.key(), out);
        }
    } else if (j.is_array() && !j.empty() && (j[0].is_object() || j[0].is_array())) {
        shape(j[0], path + "[]", out);
    }
}

std::set<std::string> shapeOf(const std::string &body) {
    std::set<std::string> s;
    shape(json::parse(body), "", s);
    return s;
}

sim::ServerRequest get(const std::string &path, std::vector<std::pair<std::string, std::string>> query = {}) {
    sim::ServerRequest r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    return r;
}
} // namespace

class TestSim : public QObject {
    Q_OBJECT
    std::unique_ptr<sim::SimServer> m_sim;

private Q_SLOTS:
    void init() {
        sim::SimOptions o;
        o.hosts = 100;
        o.scenario = "rack-failure";
        m_sim = std::make_unique<sim::SimServer>(o);
    }

    void shapesMatchRealServers_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::newRow("query vector") << "prom_query_vector.json"
                                      << "/api/v1/query"
                                      << "up";
        QTest::newRow("uname info") << "prom_query_uname.json"
                                    << "/api/v1/query"
                                    << "node_uname_info";
        QTest::newRow("targets") << "prom_targets.json"
                                 << "/api/v1/targets"
                                 << "";
        QTest::newRow("rule alerts") << "prom_alerts.json"
                                     << "/api/v1/alerts"
                                     << "";
        QTest::newRow("buildinfo") << "prom_buildinfo.json"
                                   << "/api/v1/status/buildinfo"
                                   << "";
        QTest::newRow("bad query") << "prom_error_bad_data.json"
                                   << "/api/v1/query"
                                   << "sum(rate(";
        QTest::newRow("am alerts") << "am_alerts.json"
                                   << "/api/v2/alerts"
                                   << "";
        QTest::newRow("am groups") << "am_alert_groups.json"
                                   << "/api/v2/alerts/groups"
                                   << "";
        QTest::newRow("am status") << "am_status.json"
                                   << "/api/v2/status"
                                   << "";
    }
    void shapesMatchRealServers() {
        QFETCH(QString, fixture);
        QFETCH(QString, path);
        QFETCH(QString, query);
        std::vector<std::pair<std::string, std::string>> q;
        if (!query.isEmpty())
            q.emplace_back("query", query.toStdString());
        auto reply = m_sim->handle(get(path.toStdString(), q));
        auto real = shapeOf(test::fixture(fixture.toLatin1().constData()));
        auto ours = shapeOf(reply.body);
        std::vector<std::string> missing;
        for (const auto &k : real)
            if (!ours.count(k))
                missing.push_back(k);
        // Fields the real server sends that vigil-sim leaves out on purpose.
        std::erase_if(missing, [](const std::string &k) {
            return k.find(".config.original") != std::string::npos ||
                   k.find("droppedTargets") != std::string::npos ||
                   k.find(".cluster.name") != std::string::npos ||
                   k.find(".versionInfo.") != std::string::npos;
        });
        QVERIFY2(missing.empty(), ("missing keys: " + json(missing).dump()).c_str());
    }

    void unsupportedQueryUsesTheErrorShape() {
        auto r = m_sim->handle(get("/api/v1/query", {{"query", "histogram_quantile(0.9, x)"}}));
        QCOMPARE(r.status, 400);
        auto j = json::parse(r.body);
        QCOMPARE(j["status"].get<std::string>(), std::string("error"));
        QCOMPARE(j["errorType"].get<std::string>(), std::string("bad_data"));
        QVERIFY(j["error"].get<std::string>().find("does not support") != std::string::npos);
    }

    void rangeQueryLimits() {
        const auto metricQuery = QueryProfile::nodeExporterDefault().metrics[0].query;
        auto tooMany =
            m_sim->handle(get("/api/v1/query_range",
                              {{"query", metricQuery}, {"start", "0"}, {"end", "86400"}, {"step", "1"}}));
        QCOMPARE(tooMany.status, 400);
        QVERIFY(tooMany.body.find("11,000 points") != std::string::npos);
        const TimeMs now = m_sim->fleet().now() / 1000;
        auto ok = m_sim->handle(get("/api/v1/query_range", {{"query", metricQuery},
                                                            {"start", std::to_string(now - 600)},
                                                            {"end", std::to_string(now)},
                                                            {"step", "60"}}));
        QCOMPARE(ok.status, 200);
        auto j = json::parse(ok.body);
        QCOMPARE(j["data"]["resultType"].get<std::string>(), std::string("matrix"));
        QVERIFY(j["data"]["result"].size() > 50);
        QCOMPARE(j["data"]["result"][0]["values"].size(), std::size_t(11));
    }

    void alertFiltersAndSilences() {
        auto all = json::parse(m_sim->handle(get("/api/v2/alerts")).body);
        auto onlyActive = json::parse(m_sim->handle(get("/api/v2/alerts", {{"inhibited", "false"}})).body);
        QVERIFY(all.size() > onlyActive.size()); // the switch inhibits its hosts' alerts
        auto filtered =
            json::parse(m_sim->handle(get("/api/v2/alerts", {{"filter", "alertname=\"SwitchDown\""}})).body);
        QCOMPARE(filtered.size(), std::size_t(1));
        sim::ServerRequest post;
        post.method = "POST";
        post.path = "/api/v2/silences";
        post.body = json{{"matchers",
                          {{{"name", "switch"}, {"value", "tor-.*"}, {"isRegex", true}, {"isEqual", true}}}},
                         {"startsAt", formatRfc3339(m_sim->fleet().now() - 1000)},
                         {"endsAt", formatRfc3339(m_sim->fleet().now() + 3600'000)},
                         {"createdBy", "tst_sim"},
                         {"comment", "anchored regex"}}
                        .dump();
        auto created = m_sim->handle(post);
        QCOMPARE(created.status, 200);
        const std::string id = json::parse(created.body)["silenceID"].get<std::string>();
        auto sw =
            json::parse(m_sim->handle(get("/api/v2/alerts", {{"filter", "alertname=\"SwitchDown\""}})).body);
        QCOMPARE(sw[0]["status"]["state"].get<std::string>(), std::string("suppressed"));
        QCOMPARE(sw[0]["status"]["silencedBy"][0].get<std::string>(), id);
        sim::ServerRequest del;
        del.method = "DELETE";
        del.path = "/api/v2/silence/" + id;
        QCOMPARE(m_sim->handle(del).status, 200);
        sw = json::parse(m_sim->handle(get("/api/v2/alerts", {{"filter", "alertname=\"SwitchDown\""}})).body);
        QCOMPARE(sw[0]["status"]["state"].get<std::string>(), std::string("active"));
        // Refused like Alertmanager: no comment.
        post.body = json{
            {"matchers", {{{"name", "a"}, {"value", "b"}}}},
            {"startsAt", formatRfc3339(0)},
            {"endsAt", formatRfc3339(1000)},
            {"createdBy",
             "x"}}.dump();
        QCOMPARE(m_sim->handle(post).status, 400);
    }

    void truthNamesTheFailedSwitch() {
        auto t = json::parse(m_sim->handle(get("/sim/truth")).body);
        QCOMPARE(t["phase"].get<std::string>(), std::string("rack-failure"));
        QCOMPARE(t["rootCause"].get<std::string>(), "switch tor-" + t["failedRack"].get<std::string>());
        QVERIFY(!t["affectedHosts"].empty());
    }

    void deterministicFromSeed() {
        sim::SimOptions o;
        o.hosts = 500;
        o.seed = 42;
        sim::SimFleet a(o, 1795000000000), b(o, 1795000000000);
        const TimeMs t = 1795000123456;
        for (std::size_t i = 0; i < 500; i += 37) {
            QCOMPARE(a.hosts()[i].instance, b.hosts()[i].instance);
            QCOMPARE(a.metric(i, 0, t), b.metric(i, 0, t));
        }
        o.seed = 43;
        sim::SimFleet c(o, 1795000000000);
        int differ = 0;
        for (std::size_t i = 0; i < 500; ++i)
            differ += a.metric(i, 0, t) != c.metric(i, 0, t);
        QVERIFY(differ > 400);
    }

    void dbFailoverCascadesUpstream() {
        sim::SimOptions o;
        o.hosts = 2000;
        o.scenario = "db-failover";
        sim::SimFleet f(o);
        const TimeMs t = f.now() + 5000;
        const auto &primary = f.hosts()[f.dbPrimary()];
        QCOMPARE(primary.role, std::string("db"));
        QVERIFY(!f.up(f.dbPrimary(), t));
        int latency = 0, root = 0;
        for (const auto &a : f.alerts(t)) {
            latency += a.name() == "HighRequestLatency";
            root += a.name() == "DbPrimaryDown";
        }
        QCOMPARE(root, 1);
        QVERIFY2(latency > 500, qPrintable(QString::number(latency))); // a storm from one cause
        const auto truth = f.truth(t);
        QCOMPARE(truth.rootCause, "db primary " + primary.instance);
        QCOMPARE(int(truth.affectedHosts.size()), latency);
        bool dbEdgesFailing = false;
        for (const auto &e : f.edges(t))
            if (e.to == "db")
                dbEdgesFailing = e.errorsPerSecond > 0.3 * e.requestsPerSecond;
        QVERIFY(dbEdgesFailing);
    }

    void serviceEdgesServedAsMeshMetrics() {
        auto r = m_sim->handle(get("/api/v1/query", {{"query", sim::kEdgeQuery}}));
        QCOMPARE(r.status, 200);
        auto j = json::parse(r.body);
        QCOMPARE(j["data"]["result"].size(), sim::SimFleet::serviceDependencies().size());
        const auto &first = j["data"]["result"][0];
        QVERIFY(first["metric"].contains("source_service") &&
                first["metric"].contains("destination_service"));
        double total = 0;
        for (const auto &e : j["data"]["result"])
            total += std::stod(e["value"][1].get<std::string>());
        QVERIFY(total > 0);
        QCOMPARE(m_sim->handle(get("/api/v1/query", {{"query", sim::kEdgeErrorQuery}})).status, 200);
    }

    void configDriftAppearsAndSpreads() {
        sim::SimOptions o;
        o.hosts = 3000;
        sim::SimFleet f(o, 1795000000000);
        auto drifted = [&](TimeMs t) {
            int api = 0, old = 0;
            for (std::size_t i = 0; i < f.hosts().size(); ++i) {
                if (f.hosts()[i].role != "api")
                    continue;
                ++api;
                for (const auto &fact : f.facts(i, t))
                    old += fact.key == "openssl" && fact.value == "3.0.9";
            }
            return std::make_pair(api, old);
        };
        const auto now = drifted(1795000000000);
        const auto later = drifted(1795000000000 + 3 * 86'400'000LL);
        QVERIFY(now.second > 0);             // some drift is there from the start
        QVERIFY(now.second < now.first / 5); // most hosts match the golden value
        QVERIFY(later.second > now.second);  // and it spreads
        auto r = m_sim->handle(get("/api/v1/query", {{"query", "node_package_info"}}));
        auto j = json::parse(r.body);
        QVERIFY(j["data"]["result"][0]["metric"].contains("package"));
        QVERIFY(j["data"]["result"][0]["metric"].contains("version"));
    }

    void driftScenarioSpreadsWithinHours() {
        auto count = [](const sim::SimFleet &f, TimeMs t) {
            int n = 0;
            for (std::size_t i = 0; i < f.hosts().size(); ++i)
                for (const auto &fact : f.facts(i, t))
                    n += (fact.key == "openssl" && fact.value == "3.0.9") ||
                         (fact.key == "net.core.somaxconn" && fact.value == "128");
            return n;
        };
        sim::SimOptions o;
        o.hosts = 3000;
        o.scenario = "drift";
        sim::SimFleet drift(o, 1795000000000);
        o.scenario = "steady";
        sim::SimFleet steady(o, 1795000000000);
        const TimeMs start = drift.phaseStart(0);
        const int before = count(drift, start - 3'600'000);
        const int atStart = count(drift, start);
        const int after = count(drift, start + 2 * 3'600'000);
        QCOMPARE(before, 0);                     // nothing before the rollout began
        QVERIFY(atStart > 0 && after > atStart); // it spreads while you watch
        QVERIFY(after > 2 * count(steady, start + 2 * 3'600'000));
        QVERIFY(sim::SimFleet::isScenario("drift"));
    }

    void hardwareWearTrendsOnAFewHosts() {
        sim::SimOptions o;
        o.hosts = 2000;
        o.scenario = "disk-degradation";
        sim::SimFleet f(o, 1795000000000);
        int degrading = 0;
        for (std::size_t i = 0; i < f.hosts().size(); ++i) {
            if (!f.degrading(i))
                continue;
            ++degrading;
            const TimeMs t0 = 1795000000000, t1 = t0 + 86'400'000;
            QVERIFY(f.wear(i, sim::SimFleet::Wear::ReallocatedSectors, t1) >
                    f.wear(i, sim::SimFleet::Wear::ReallocatedSectors, t0));
            QVERIFY(f.wear(i, sim::SimFleet::Wear::MemoryErrors, t1) >
                    f.wear(i, sim::SimFleet::Wear::MemoryErrors, t0));
        }
        QVERIFY(degrading > 10 && degrading < 150);
        auto r = m_sim->handle(get("/api/v1/query", {{"query", "node_hwmon_temp_celsius"}}));
        QCOMPARE(r.status, 200);
    }

    void hotspotsMakePoolsUneven() {
        sim::SimOptions o;
        o.hosts = 2000;
        o.scenario = "hotspots";
        sim::SimFleet f(o);
        // The pools follow a daily curve: check every hour of a day, so the answer does not depend on when
        // the test runs.
        const TimeMs midnight = f.now() - f.now() % 86'400'000;
        for (int hour = 0; hour < 24; ++hour) {
            const TimeMs t = midnight + hour * TimeMs{3'600'000};
            int hot = 0, idle = 0;
            for (std::size_t i = 0; i < f.hosts().size(); ++i) {
                if (f.hosts()[i].role != "web")
                    continue;
                const double cpu = f.metric(i, 0, t);
                hot += cpu > 0.85;
                idle += cpu < 0.5;
            }
            QVERIFY2(hot > 20 && idle > 20,
                     qPrintable(QStringLiteral("%1:00 UTC: hot %2 idle %3").arg(hour).arg(hot).arg(idle)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSim)
#include "tst_sim.moc"
