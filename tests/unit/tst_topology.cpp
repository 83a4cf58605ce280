// The topology maps' analysis (models/analysis/topology): the physical map's nested deterministic
// placement, automatic aggregation of large fleets, the service layout's stability and pins, bad edges,
// and the root cause and blast radius of vigil-sim's rack failure and database failover against the
// simulator's truth.
#include "analysis/correlation.h"
#include "analysis/servicedetail.h"
#include "analysis/topology.h"
#include "fleetfixtures.h"
#include "simfleet.h"
#include "triagereplay.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>

using namespace vigil;
using namespace vigil::analysis;

namespace {
bool inside(const PhysicalLayout::Box &in, const PhysicalLayout::Box &out) {
    return in.x >= out.x && in.y >= out.y && in.x + in.w <= out.x + out.w + 1e-4 &&
           in.y + in.h <= out.y + out.h + 1e-4;
}
bool overlap(const PhysicalLayout::Box &a, const PhysicalLayout::Box &b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The simulator's own answer to "what depends on these services", from its dependency table.
std::set<std::string> simDependents(std::set<std::string> services) {
    bool grew = true;
    while (grew) {
        grew = false;
        for (const auto &[from, to] : sim::SimFleet::serviceDependencies())
            if (services.count(to) && services.insert(from).second)
                grew = true;
    }
    return services;
}
} // namespace

class TestTopology : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A service's detail from a hand-built fleet: web -> api -> db, api's only host down.
    void serviceDetail() {
        auto host = [](const std::string &name, const std::string &service, UpState up) {
            Host h;
            h.name = name;
            h.labels = LabelSet({{"instance", name}, {"service", service}});
            h.up = up;
            return h;
        };
        auto snap = std::make_shared<FleetSnapshot>();
        snap->hosts = {host("api-1", "api", UpState::Down), host("db-1", "db", UpState::Up),
                       host("web-1", "web", UpState::Up), host("web-2", "web", UpState::Down)};
        snap->edges = {{"api", "db", 50, 0.5}, {"web", "api", 120, 30}};
        snap->graph = FleetGraph::build(snap->hosts, snap->edges, TopologyConfig{});
        auto alert = [](const std::string &name, const std::string &instance, const std::string &severity,
                        const std::string &service) {
            Alert a;
            std::vector<Label> l{{"alertname", name}, {"severity", severity}};
            if (!instance.empty())
                l.push_back({"instance", instance});
            if (!service.empty())
                l.push_back({"service", service});
            a.labels = LabelSet(std::move(l));
            a.fingerprint = a.labels.fingerprint();
            return a;
        };
        // ApiSlow comes from an exporter outside the fleet (kube-state-metrics' own address as instance)
        snap->alerts = {alert("HostDown", "api-1", "critical", ""),
                        alert("ApiSlow", "10.21.7.15:8443", "warning", "api"),
                        alert("HighLatency", "web-1", "warning", "web")};
        const auto d = analysis::serviceDetail(*snap, "api", HostIdentity{}, "service");
        QVERIFY(d.found);
        QCOMPARE(d.hosts, 1);
        QCOMPARE(d.down, 1);
        QCOMPARE(d.activeAlerts, 2); // on its host, and naming the service; not web's
        QCOMPARE(d.worst, 2);
        QCOMPARE(d.callees, 1);
        QCOMPARE(d.callers, 1);
        QCOMPARE(d.dependencies.size(), std::size_t(2));
        QVERIFY(d.dependencies[0].dependsOn);
        QCOMPARE(d.dependencies[0].service, std::string("db"));
        QCOMPARE(d.dependencies[0].requestsPerSecond, 50.0);
        QCOMPARE(d.dependencies[0].otherUp, 1);
        QVERIFY(!d.dependencies[1].dependsOn);
        QCOMPARE(d.dependencies[1].service, std::string("web"));
        QCOMPARE(d.dependencies[1].errorsPerSecond, 30.0);
        QCOMPARE(d.dependencies[1].otherUp, 1);
        QCOMPARE(d.dependencies[1].otherHosts, 2);
        QCOMPARE(d.hostRows.size(), std::size_t(1));
        QCOMPARE(d.hostRows[0].host, std::string("api-1"));
        QCOMPARE(d.hostRows[0].alerts, 1);
        QCOMPARE(d.alertRows.size(), std::size_t(2));
        QCOMPARE(d.alertRows[0].alertname, std::string("HostDown")); // critical first
        QCOMPARE(d.alertRows[0].hosts, std::vector<std::string>{"api-1"});
        QCOMPARE(d.alertRows[1].alertname, std::string("ApiSlow"));
        QVERIFY(d.alertRows[1].hosts.empty());
        QVERIFY(!analysis::serviceDetail(*snap, "nope", HostIdentity{}, "service").found);
    }

    // A workload no host is labelled with: its rows are the nodes its pods run on, each with its own
    // alerts, but only the alerts naming it are the workload's.
    void serviceDetailOfAWorkload() {
        auto node = [](const std::string &name, UpState up) {
            Host h;
            h.name = name;
            h.labels = LabelSet({{"instance", name}});
            h.up = up;
            return h;
        };
        auto snap = std::make_shared<FleetSnapshot>();
        snap->hosts = {node("node-a", UpState::Up), node("node-b", UpState::Down),
                       node("node-c", UpState::Up)};
        snap->edges = {{"web", "coredns", 10, 0}};
        const std::vector<std::string_view> workloads{"coredns", "web"};
        snap->graph = FleetGraph::build(snap->hosts, snap->edges, TopologyConfig{}, workloads,
                                        {{"coredns", "node-a"}, {"coredns", "node-b"}, {"web", "node-c"}});
        auto alert = [](const std::string &name, const std::string &instance, const std::string &service) {
            Alert a;
            std::vector<Label> l{{"alertname", name}, {"severity", "warning"}, {"instance", instance}};
            if (!service.empty())
                l.push_back({"service", service});
            a.labels = LabelSet(std::move(l));
            a.fingerprint = a.labels.fingerprint();
            return a;
        };
        snap->alerts = {alert("KubePodCrashLooping", "node-a", "coredns"),
                        alert("NodeClockNotSynchronising", "node-a", ""),
                        alert("NodeFilesystemAlmostFull", "node-c", "")};
        // A node's blast radius: the workloads with pods on it, and what depends on them.
        const auto lost = blastRadius(*snap->graph, snap->graph->host("node-b"));
        QCOMPARE(lost.causeServices, std::vector<int>{snap->graph->service("coredns")});
        QCOMPARE(lost.services,
                 (std::vector<int>{snap->graph->service("coredns"), snap->graph->service("web")}));
        QVERIFY(blastRadius(*snap->graph, snap->graph->host("node-c")).causeServices ==
                std::vector<int>{snap->graph->service("web")});
        const auto d = analysis::serviceDetail(*snap, "coredns", HostIdentity{}, "service");
        QVERIFY(d.found);
        QVERIFY(d.runsOnNodes);
        QCOMPARE(d.hosts, 2);
        QCOMPARE(d.up, 1);
        QCOMPARE(d.down, 1);
        QCOMPARE(d.activeAlerts, 1); // the node's clock is not the workload's trouble
        QCOMPARE(d.alertRows.size(), std::size_t(1));
        QCOMPARE(d.hostRows.size(), std::size_t(2));
        QCOMPARE(d.hostRows[0].host, std::string("node-b")); // down first
        QCOMPARE(d.hostRows[1].host, std::string("node-a"));
        QCOMPARE(d.hostRows[1].alerts, 2); // the row shows what is on the node
        QCOMPARE(d.dependencies.size(), std::size_t(1));
        QCOMPARE(d.dependencies[0].service, std::string("web"));
        QCOMPARE(d.dependencies[0].otherHosts, 1); // web's pods' node
        QCOMPARE(d.dependencies[0].otherUp, 1);
    }

    void physicalMapNestsEveryHost() {
        sim::SimOptions o;
        o.hosts = 2000;
        sim::SimFleet f(o, 1'700'000'000'000);
        auto hosts = test::simHosts(f);
        Host loose;
        loose.name = "stray:9100";
        loose.labels = LabelSet(std::vector<Label>{{"instance", "stray:9100"}}); // no region/zone/rack
        hosts.push_back(loose);
        const auto graph = FleetGraph::build(hosts, test::simEdges(), TopologyConfig{});
        const auto l = layoutPhysical(*graph);
        QCOMPARE(l.autoCollapsedLevel, -1);
        QCOMPARE(int(l.hosts.size()), 2001); // every host drawn, the stray one too
        for (const auto &h : hosts) {
            const int node = graph->host(h.name);
            const int hb = l.hostBoxOf(node);
            QVERIFY(hb >= 0);
            const int parentBox = l.groupIndex[static_cast<std::size_t>(graph->node(node).parent)];
            QVERIFY(parentBox >= 0);
            QVERIFY(
                inside(l.hosts[static_cast<std::size_t>(hb)], l.groups[static_cast<std::size_t>(parentBox)]));
        }
        // The unplaced group is there, last among the top-level groups.
        QVERIFY(graph->unplaced() >= 0);
        const auto &unplaced =
            l.groups[static_cast<std::size_t>(l.groupIndex[static_cast<std::size_t>(graph->unplaced())])];
        for (const auto &g : l.groups)
            if (g.depth == 0 && g.node != graph->unplaced())
                QVERIFY(g.y < unplaced.y || (g.y == unplaced.y && g.x < unplaced.x));
        // Siblings never overlap; children sit inside their parents.
        for (std::size_t a = 0; a < l.groups.size(); ++a) {
            const int parent = graph->node(l.groups[a].node).parent;
            if (parent > 0)
                QVERIFY(inside(
                    l.groups[a],
                    l.groups[static_cast<std::size_t>(l.groupIndex[static_cast<std::size_t>(parent)])]));
            for (std::size_t b = a + 1; b < l.groups.size(); ++b)
                if (graph->node(l.groups[b].node).parent == parent)
                    QVERIFY(!overlap(l.groups[a], l.groups[b]));
        }
        // Deterministic: the same fleet, the same map.
        const auto again = layoutPhysical(*graph);
        QCOMPARE(again.width, l.width);
        QCOMPARE(again.hosts.back().x, l.hosts.back().x);
        // A collapsed rack is one box standing for its hosts.
        const int rack = graph->group(LabelSet(std::vector<Label>{{"rack", f.hosts()[0].rack}}));
        PhysicalOptions po;
        po.collapsed = {rack};
        const auto c = layoutPhysical(*graph, po);
        QVERIFY(c.groups[static_cast<std::size_t>(c.groupIndex[static_cast<std::size_t>(rack)])].collapsed);
        QCOMPARE(c.hostBoxOf(graph->host(f.hosts()[0].instance)), -1);
        QCOMPARE(c.shownAs[static_cast<std::size_t>(graph->host(f.hosts()[0].instance))], rack);
        QCOMPARE(int(c.hosts.size()), 2001 - graph->node(rack).hosts);
    }

    // 100,000 hosts arrive as racks; a rack the operator opens shows its hosts.
    void largeFleetsAggregate() {
        const auto hosts = test::rackedHosts(100000);
        const auto graph = FleetGraph::build(hosts, {}, TopologyConfig{});
        const auto l = layoutPhysical(*graph);
        QCOMPARE(l.autoCollapsedLevel, 2); // racks
        QVERIFY(l.hosts.empty());
        int groups = 0;
        for (const auto &n : graph->nodes())
            groups += n.kind == NodeKind::Group;
        QCOMPARE(int(l.groups.size()), groups); // regions, zones, and 2,500 racks as boxes
        QVERIFY(groups > 2500);
        const int rack = graph->group(LabelSet(std::vector<Label>{{"rack", "r7"}}));
        PhysicalOptions po;
        po.expanded = {rack};
        const auto e = layoutPhysical(*graph, po);
        QCOMPARE(int(e.hosts.size()), 40);
    }

    // A poll that adds one service moves the others a little; pinned services do not move at all.
    void serviceLayoutIsStable() {
        std::vector<Host> hosts;
        std::vector<ServiceEdge> edges;
        for (int s = 0; s < 200; ++s) {
            Host h;
            h.name = "h" + std::to_string(s);
            h.labels = LabelSet(std::vector<Label>{{"service", "s" + std::to_string(s)}});
            hosts.push_back(h);
            for (int k = 1; k <= 3; ++k)
                edges.push_back({"s" + std::to_string(s), "s" + std::to_string((s * 7 + k * 13) % 200)});
        }
        const auto g1 = FleetGraph::build(hosts, edges, TopologyConfig{});
        const auto first = layoutServices(*g1);
        QCOMPARE(first.positions.size(), std::size_t(200));
        // The same graph again, seeded: nothing to do, little movement.
        ServiceLayoutOptions seeded;
        seeded.previous = first.positions;
        seeded.side = first.side;
        seeded.pinned = {"s5"};
        edges.push_back({"s3", "new"});
        edges.push_back({"new", "s9"});
        Host nh;
        nh.name = "hn";
        nh.labels = LabelSet(std::vector<Label>{{"service", "new"}});
        hosts.push_back(nh);
        const auto g2 = FleetGraph::build(hosts, edges, TopologyConfig{});
        const auto second = layoutServices(*g2, seeded);
        QCOMPARE(second.positions.size(), std::size_t(201));
        const double moved = meanMovePercent(first, second, {"new"});
        QVERIFY2(moved <= 2.0, qPrintable(QString::number(moved)));
        QCOMPARE(second.positions.at("s5"), first.positions.at("s5"));
        // The new service lands near what it talks to, not across the map.
        const auto &p = second.positions.at("new");
        const auto &a = second.positions.at("s3");
        QVERIFY(std::hypot(p.x - a.x, p.y - a.y) < second.side / 2);
    }

    // Two maps laid out at once (the services view and the wall's second window, or two polls): igraph is
    // not thread-safe in Debian's build, so layouts take turns and both come out whole.
    void concurrentLayoutsTakeTurns() {
        std::vector<Host> hosts;
        std::vector<ServiceEdge> edges;
        for (int s = 0; s < 300; ++s) {
            Host h;
            h.name = "h" + std::to_string(s);
            h.labels = LabelSet(std::vector<Label>{{"service", "s" + std::to_string(s)}});
            hosts.push_back(h);
            edges.push_back({"s" + std::to_string(s), "s" + std::to_string((s * 11 + 5) % 300)});
            edges.push_back({"s" + std::to_string(s), "s" + std::to_string((s + 1) % 300)});
        }
        const auto g = FleetGraph::build(hosts, edges, TopologyConfig{});
        std::atomic<int> whole{0};
        auto work = [&] {
            for (int k = 0; k < 6; ++k)
                whole += layoutServices(*g).positions.size() == 300;
        };
        std::thread a(work), b(work);
        a.join();
        b.join();
        QCOMPARE(whole.load(), 12);
    }

    // Self-loops, edges to services nobody runs, cycles: a warning each, a layout all the same.
    void badEdgesAreReported() {
        std::vector<Host> hosts(2);
        hosts[0].name = "a1";
        hosts[0].labels = LabelSet(std::vector<Label>{{"service", "a"}});
        hosts[1].name = "b1";
        hosts[1].labels = LabelSet(std::vector<Label>{{"service", "b"}});
        const auto g = FleetGraph::build(
            hosts, {{"a", "a"}, {"a", "b"}, {"b", "a"}, {"a", "ghost"}, {"a", "b"}}, TopologyConfig{});
        const auto l = layoutServices(*g);
        QCOMPARE(l.positions.size(), std::size_t(3));
        std::string all;
        for (const auto &w : l.warnings)
            all += w + "\n";
        QVERIFY2(all.find("\"a\" depends on itself") != std::string::npos, all.c_str());
        QVERIFY2(all.find("\"ghost\" appears in the dependency edges but no host has it") !=
                     std::string::npos,
                 all.c_str());
        // a -> b -> a: the blast radius of b terminates and holds both.
        const auto br = blastRadius(*g, g->service("b"));
        QCOMPARE(br.services.size(), std::size_t(2));
        QCOMPARE(dependencyPath(*g, g->service("a"), g->service("b")),
                 (std::vector<int>{g->service("a"), g->service("b")}));
        QVERIFY(toDot(*g, {}).find("\"a\" -> \"b\"") != std::string::npos);
    }

    // hostAt finds a host by its place in the list the graph was built from, and by name when the
    // list is another: a duplicate, an unplaced host (whose group is made between hosts) and a list
    // in a new order give the node host() gives.
    void hostAtMatchesHostByName() {
        TopologyConfig t;
        t.hierarchy = {"rack"};
        std::vector<Host> hosts(4);
        const char *names[] = {"h1", "h2", "h1", "h3"};
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            hosts[i].name = names[i];
            if (i != 1) // h2 has no rack: the "unplaced" group is made before its node
                hosts[i].labels = LabelSet(std::vector<Label>{{"rack", i == 3 ? "r2" : "r1"}});
        }
        const auto g = FleetGraph::build(hosts, {}, t);
        QCOMPARE(g->hostCount(), 3);
        for (std::size_t i = 0; i < hosts.size(); ++i) {
            QVERIFY(g->host(hosts[i].name) >= 0);
            QCOMPARE(g->hostAt(i, hosts[i].name), g->host(hosts[i].name));
            QCOMPARE(g->node(g->hostAt(i, hosts[i].name)).name, hosts[i].name);
        }
        std::reverse(hosts.begin(), hosts.end());
        for (std::size_t i = 0; i < hosts.size(); ++i)
            QCOMPARE(g->hostAt(i, hosts[i].name), g->host(hosts[i].name));
        QCOMPARE(g->hostAt(0, "ghost"), -1);
        QCOMPARE(g->hostAt(99, "h3"), g->host("h3"));
    }

    // `from: "*"`: every service depends on it, host-less workloads included, itself not; no service
    // named "*" appears and the map warns of nothing.
    void anEdgeFromEveryService() {
        std::vector<Host> hosts(2);
        hosts[0].name = "a1";
        hosts[0].labels = LabelSet(std::vector<Label>{{"service", "web"}});
        hosts[1].name = "b1";
        hosts[1].labels = LabelSet(std::vector<Label>{{"service", "db"}});
        const std::vector<std::string_view> workloads{"checkout", "coredns"};
        const auto g =
            FleetGraph::build(hosts, {{"web", "db"}, {"*", "coredns"}}, TopologyConfig{}, workloads);
        QCOMPARE(g->service("*"), -1);
        const auto &dns = g->node(g->service("coredns"));
        QCOMPARE(dns.callers.size(), std::size_t(3)); // web, db, checkout
        QVERIFY(dns.callees.empty());
        QCOMPARE(g->node(g->service("web")).callees.size(), std::size_t(2));
        QCOMPARE(blastRadius(*g, g->service("coredns")).services.size(), std::size_t(4));
        QVERIFY(layoutServices(*g).warnings.empty());
    }

    // The triage's top incident names the simulator's root cause; its blast radius is the failed
    // rack's hosts (or the database host) and exactly the services that depend on what failed.
    void rootCauseAndBlastRadiusMatchTheTruth_data() {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("rack-failure") << "rack-failure";
        QTest::newRow("db-failover") << "db-failover";
    }
    void rootCauseAndBlastRadiusMatchTheTruth() {
        QFETCH(QString, scenario);
        const auto snap = test::stormSnapshot(scenario.toStdString(), 11, 2000);
        sim::SimOptions o;
        o.hosts = 2000;
        o.seed = 11;
        o.scenario = scenario.toStdString();
        sim::SimFleet f(o, 1'700'000'000'000);
        const auto truth = f.truth(f.phaseStart(0) + 150'000);
        QVERIFY(snap->triage && !snap->triage->incidents.empty());
        const auto &top = snap->triage->incidents.front();
        const auto &g = *snap->graph;
        const auto br = blastRadius(g, top.causeNode);
        std::set<std::string> hosts, services, causeServices;
        for (int h : br.causeHosts) {
            hosts.insert(g.node(h).name);
            causeServices.insert(g.node(g.node(h).service).name);
        }
        for (int s : br.services)
            services.insert(g.node(s).name);
        if (scenario == QLatin1String("rack-failure")) {
            QCOMPARE(top.causeName, truth.failedRack);
            QCOMPARE(hosts, std::set<std::string>(truth.affectedHosts.begin(), truth.affectedHosts.end()));
        } else {
            const std::string db = truth.rootCause.substr(truth.rootCause.rfind(' ') + 1);
            QCOMPARE(top.causeName, db);
            QCOMPARE(hosts, std::set<std::string>{db});
            // Every host that raised a symptom runs a service in the blast radius.
            for (const auto &h : truth.affectedHosts)
                QVERIFY(services.count(g.node(g.node(g.host(h)).service).name));
        }
        QCOMPARE(services, simDependents(causeServices));
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
