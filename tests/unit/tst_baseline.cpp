// Drift baselines (models/analysis/baseline, models/analysis/baselineloader): Debian version order,
// rules, layers and overrides, loader errors with file, line and key, clusters with first-seen and
// growth, the consensus as a baseline, and the report formats. Against vigil-sim: every injected drift
// found in `drift`, none in `steady`.
#include "analysis/baseline.h"
#include "analysis/baselineloader.h"
#include "analysis/drifttracker.h"
#include "simfleet.h"

#include <QTest>

#include <set>

using namespace vigil;
using namespace vigil::analysis;

namespace {
Host host(const std::string &name, const std::string &role) {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::vector<Label>{{"instance", name}, {"role", role}});
    return h;
}

// The simulator's hosts and facts at a moment, as the poller names them.
void simFleet(const std::string &scenario, std::vector<Host> &hosts, std::vector<Fact> &facts,
              TimeMs at = 0) {
    sim::SimOptions o;
    o.hosts = 500;
    o.seed = 3;
    o.scenario = scenario;
    sim::SimFleet f(o, 1'700'000'000'000);
    const TimeMs t = at ? at : f.now() + 3 * 3'600'000; // the drift scenario has spread by then
    for (std::size_t i = 0; i < f.hosts().size(); ++i) {
        hosts.push_back(host(f.hosts()[i].instance, f.hosts()[i].role));
        for (const auto &fv : f.facts(i, t))
            if (fv.value != "absent")
                facts.push_back({f.hosts()[i].instance, fv.family + "." + fv.key, fv.value});
    }
    std::sort(hosts.begin(), hosts.end(), [](const Host &a, const Host &b) { return a.name < b.name; });
    std::sort(facts.begin(), facts.end(), [](const Fact &a, const Fact &b) {
        return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
    });
}
std::vector<std::string> violationKeys(const BaselineReport &r) {
    std::vector<std::string> out;
    for (const auto &v : r.violations)
        out.push_back(v.host + " " + v.rule->fact + "=" + (v.actual ? *v.actual : "(absent)") + " " +
                      v.rule->origin);
    return out;
}
} // namespace

class TestBaseline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versions_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("order");
        QTest::newRow("patch") << "3.0.9"
                               << "3.0.11" << -1;
        QTest::newRow("equal") << "3.0.11"
                               << "3.0.11" << 0;
        QTest::newRow("debian revision") << "1.22.1-9+deb12u1"
                                         << "1.22.1-9+deb12u2" << -1;
        QTest::newRow("tilde first") << "1.0~rc1"
                                     << "1.0" << -1;
        QTest::newRow("epoch wins") << "1:0.9"
                                    << "2.0" << 1;
        QTest::newRow("letters") << "1.0a"
                                 << "1.0" << 1;
        QTest::newRow("leading zeros") << "1.010"
                                       << "1.10" << 0;
        QTest::newRow("kernel") << "6.1.0-26-amd64"
                                << "6.1.0-18-amd64" << 1;
    }
    void versions() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, order);
        QCOMPARE(compareVersions(a.toStdString(), b.toStdString()), order);
        QCOMPARE(compareVersions(b.toStdString(), a.toStdString()), -order);
    }

    void layersOverrideAndRulesJudge() {
        ConfigError err;
        auto b =
            BaselineLoader::loadString("layers:\n"
                                       "  - name: all\n"
                                       "    facts:\n"
                                       "      os.version_id: \"12\"\n"
                                       "      sysctl.vm.swappiness: {one_of: [\"10\"]}\n"
                                       "      package.openssl: {version: \">= 3.0.11\", severity: critical}\n"
                                       "      package.telnetd: {absent: true}\n"
                                       "      uname.release: {regex: '6\\.1\\..*'}\n"
                                       "  - name: db\n"
                                       "    match: 'role=\"db\"'\n"
                                       "    facts:\n"
                                       "      sysctl.vm.swappiness: {equals: \"1\", severity: info}\n",
                                       "b.yaml", &err);
        QVERIFY2(b, err.toString().c_str());
        std::vector<Host> hosts{host("a1", "api"), host("a2", "api"), host("d1", "db")};
        std::vector<Fact> facts{
            {"a1", "os.version_id", "12"},        {"a1", "package.openssl", "3.0.11"},
            {"a1", "sysctl.vm.swappiness", "10"}, {"a1", "uname.release", "6.1.0-26"},
            {"a2", "os.version_id", "12"},        {"a2", "package.openssl", "3.0.9"},
            {"a2", "package.telnetd", "0.17"},    {"a2", "sysctl.vm.swappiness", "10"},
            {"a2", "uname.release", "5.10.0"},    {"d1", "os.version_id", "12"},
            {"d1", "package.openssl", "3.1.0"},   {"d1", "sysctl.vm.swappiness", "1"},
            {"d1", "uname.release", "6.1.0-26"},
        };
        FirstSeen seen{{{"a2", "package.openssl", "3.0.9"}, 1000}};
        const auto r = evaluateBaseline(*b, hosts, facts, seen, 2000);
        QCOMPARE(r.hostsChecked, 3);
        QCOMPARE(r.hostsCompliant, 2); // a1; d1 thanks to the db layer's override
        QCOMPARE(r.violations.size(), std::size_t(3));
        QCOMPARE(r.worst(), DriftSeverity::Critical);
        QCOMPARE(r.clusters.front().fact, std::string("package.openssl")); // critical first
        QCOMPARE(r.clusters.front().expected, std::string(">= 3.0.11"));
        QCOMPARE(r.clusters.front().firstSeen, TimeMs(1000));
        QCOMPARE(r.clusters.front().newLastDay, 1);
        QVERIFY(r.clusters.front().origin.find("b.yaml:6 (all)") != std::string::npos);
        QCOMPARE(r.byFact.at("sysctl.vm.swappiness"), (std::pair<int, int>{3, 3}));
        std::set<std::string> failed;
        for (const auto &c : r.clusters)
            failed.insert(c.fact + "=" + c.actual);
        QCOMPARE(failed, (std::set<std::string>{"package.openssl=3.0.9", "package.telnetd=0.17",
                                                "uname.release=5.10.0"}));
        // The values of swappiness under the base layer's rule: the db host answers to its own layer's
        // override and is not counted; under the db rule only it is.
        const FactRule *base = nullptr, *db = nullptr;
        for (const auto &rule : b->layers[0].rules)
            if (rule.fact == "sysctl.vm.swappiness")
                base = &rule;
        db = &b->layers[1].rules[0];
        const auto all = factValues(*b, base, "sysctl.vm.swappiness", hosts, facts);
        QCOMPARE(all.hosts, 2);
        QCOMPARE(all.layer, std::string("all"));
        QCOMPARE(all.values.size(), std::size_t(1));
        QCOMPARE(all.values[0].value, std::string("10"));
        QVERIFY(all.values[0].accepted);
        const auto dbValues = factValues(*b, db, "sysctl.vm.swappiness", hosts, facts);
        QCOMPARE(dbValues.hosts, 1);
        QCOMPARE(dbValues.values[0].value, std::string("1"));
        const auto telnet = factValues(*b, nullptr, "package.telnetd", hosts, facts);
        QCOMPARE(telnet.values[0].value, std::string("(absent)")); // a1 and d1 lack it
        QCOMPARE(telnet.values[0].hosts, 2);
        // One host against its rules: a2 breaks three (openssl, telnetd present, kernel), listed first in
        // fact order; d1 is held to the db layer's swappiness and lacks telnetd, as it should.
        const auto a2 = checkHost(*b, hosts[1], facts);
        std::vector<std::string> order;
        for (const auto &c : a2)
            order.push_back(c.fact + (c.complies ? "" : "!"));
        QCOMPARE(order, (std::vector<std::string>{"package.openssl!", "package.telnetd!", "uname.release!",
                                                  "os.version_id", "sysctl.vm.swappiness"}));
        QCOMPARE(*a2[0].value, std::string("3.0.9"));
        QCOMPARE(a2[0].rule->expected(), std::string(">= 3.0.11"));
        const auto d1 = checkHost(*b, hosts[2], facts);
        QVERIFY(std::all_of(d1.begin(), d1.end(), [](const FactCheck &c) { return c.complies; }));
        for (const auto &c : d1) {
            if (c.fact == "package.telnetd")
                QVERIFY(!c.value);
            if (c.fact == "sysctl.vm.swappiness")
                QCOMPARE(c.rule->layer, std::string("db"));
        }
        // Formats.
        const auto json = formatReport(r, DriftFormat::Json, "t", 2000);
        QVERIFY(json.find("\"worst\": \"critical\"") != std::string::npos);
        const auto junit = formatReport(r, DriftFormat::Junit, "t", 2000);
        QVERIFY(junit.find("tests=\"5\" failures=\"3\"") != std::string::npos);
        QVERIFY(formatReport(r, DriftFormat::Text, "t", 2000).find("Compliance: 66.7 %") !=
                std::string::npos);
    }

    // A host that reports no facts at all (down, or not exporting them) is not judged, neither against a
    // baseline nor in the consensus, and the report says so.
    void hostsWithoutFactsAreNotJudged() {
        std::vector<Host> hosts{host("a1", "api"), host("a2", "api"), host("a3", "api"), host("a4", "api")};
        std::vector<Fact> facts{
            {"a1", "os.id", "debian"}, {"a2", "os.id", "debian"}, {"a3", "os.id", "debian"}};
        const auto consensus = consensusDrift(hosts, facts);
        QCOMPARE(consensus.hostsChecked, 3);
        QVERIFY(consensus.clusters.empty());
        const auto r = evaluateBaseline(consensusBaseline(consensus.baseline, "role"), hosts, facts);
        QCOMPARE(r.hostsChecked, 3);
        QCOMPARE(r.hostsCompliant, 3);
        QVERIFY(r.violations.empty());
        QCOMPARE(r.notes.size(), std::size_t(1));
        QCOMPARE(r.notes[0].kind, DriftNote::Kind::HostsWithoutFacts);
        QCOMPARE(r.notes[0].hosts, 1);
        QVERIFY(describe(r.notes[0]).find("1 host(s) reported no facts") == 0);
    }

    // A host that is down keeps its last facts for a few minutes: it is not drifted, and says so.
    void hostsDownAreNotDrifted() {
        std::vector<Host> hosts{host("a1", "api"), host("a2", "api"), host("a3", "api")};
        hosts[2].up = UpState::Down;
        std::vector<Fact> facts{
            {"a1", "os.id", "debian"}, {"a2", "os.id", "debian"}, {"a3", "os.id", "rhel"}};
        Baseline b;
        BaselineLayer all;
        all.name = "all";
        FactRule rule;
        rule.fact = "os.id";
        rule.values = {"debian"};
        all.rules = {rule};
        b.layers = {all};
        const auto r = evaluateBaseline(b, hosts, facts);
        QCOMPARE(r.hostsChecked, 2);
        QCOMPARE(r.hostsDown, 1);
        QVERIFY(r.violations.empty());
        const DriftNote down{DriftNote::Kind::HostsDown, {}, {}, 1, 0};
        QVERIFY(std::find(r.notes.begin(), r.notes.end(), down) != r.notes.end());
        QCOMPARE(describe(down), std::string("1 host(s) are down and were not judged"));
    }

    // Nothing judged is not "100 % compliant": the report and the reason say why, from the counts.
    void nothingJudgedSaysWhy() {
        // Kubernetes nodes carry no role label: the consensus by role has nothing to compare.
        std::vector<Host> hosts;
        std::vector<Fact> facts;
        for (const char *n : {"ip-10-0-1-5", "ip-10-0-1-6", "ip-10-0-1-7"}) {
            Host h;
            h.name = n;
            h.labels = LabelSet(std::vector<Label>{{"node", n}});
            hosts.push_back(h);
            facts.push_back({n, "uname.release", "6.1.0-13-amd64"});
        }
        hosts[1].up = UpState::Down;
        const auto consensus = consensusDrift(hosts, facts);
        const auto r = evaluateBaseline(consensusBaseline(consensus.baseline, "role"), hosts, facts);
        QCOMPARE(r.hostsChecked, 0);
        QCOMPARE(nothingJudgedReason(r, "role"),
                 std::string("3 host(s) have no \"role\" label to compare by"));
        const std::string text = formatReport(r, DriftFormat::Text, "Drift", 0);
        QVERIFY2(text.find("nothing judged") != std::string::npos, text.c_str());
        QVERIFY(text.find("100") == std::string::npos);
        QVERIFY(formatReport(r, DriftFormat::Json, "Drift", 0).find("\"compliance\": null") !=
                std::string::npos);
        // No facts at all, and a host down under a baseline that covers every host.
        Baseline all;
        all.layers.push_back({});
        all.layers.back().name = "all";
        all.layers.back().rules.push_back({});
        all.layers.back().rules.back().fact = "uname.release";
        all.layers.back().rules.back().values = {"6.1.0-13-amd64"};
        const auto none = evaluateBaseline(all, hosts, {});
        QCOMPARE(nothingJudgedReason(none),
                 std::string("2 host(s) report no fact series (profile.facts), 1 host(s) are down"));
        QCOMPARE(nothingJudgedReason(evaluateBaseline(all, {}, {})),
                 std::string("the sources reported no hosts"));
    }

    void loaderErrorsNameLineAndKey_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown top key") << "layer: []\n"
                                         << 1 << "layer"
                                         << "unknown key";
        QTest::newRow("unknown rule key") << "layers:\n  - facts:\n      a: {equal: x}\n"
                                          << 3 << "layers[0].facts.a.equal"
                                          << "unknown key";
        QTest::newRow("contradictory") << "layers:\n  - facts:\n      a: {equals: x, one_of: [y]}\n"
                                       << 3 << "layers[0].facts.a"
                                       << "contradictory";
        QTest::newRow("twice") << "layers:\n  - facts:\n      a: x\n      a: y\n"
                               << 4 << "layers[0].facts.a"
                               << "twice";
        QTest::newRow("bad regex") << "layers:\n  - facts:\n      a: {regex: '[a-'}\n"
                                   << 3 << "layers[0].facts.a.regex"
                                   << "does not compile";
        QTest::newRow("bad version") << "layers:\n  - facts:\n      a: {version: '~> 1'}\n"
                                     << 3 << "layers[0].facts.a.version"
                                     << "constraint";
        QTest::newRow("bad severity") << "layers:\n  - facts:\n      a: {equals: x, severity: high}\n"
                                      << 3 << "layers[0].facts.a.severity"
                                      << "info, warning or critical";
        QTest::newRow("bad selector") << "layers:\n  - match: 'role=~\"(\"'\n    facts: {a: x}\n"
                                      << 2 << "layers[0].match"
                                      << "";
        QTest::newRow("syntax") << "layers:\n  - facts: {a: [x\n"
                                << 3 << ""
                                << "";
    }
    void loaderErrorsNameLineAndKey() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, key);
        QFETCH(QString, message);
        ConfigError err;
        QVERIFY(!BaselineLoader::loadString(text.toStdString(), "b.yaml", &err));
        QCOMPARE(err.file, std::string("b.yaml"));
        QCOMPARE(err.line, line);
        QCOMPARE(QString::fromStdString(err.key), key);
        QVERIFY2(QString::fromStdString(err.message).contains(message), err.toString().c_str());
    }

    // Every drift the simulator injects is found against the consensus, none in the steady fleet;
    // the consensus written as YAML loads back as a baseline.
    // The tracker judges only the hosts that changed and ends with the report a full evaluation gives:
    // the drift spreading between two moments, a host changing role, one leaving and one arriving.
    void incrementalMatchesFullEvaluation() {
        std::vector<Host> hosts, later;
        std::vector<Fact> facts, laterFacts;
        const TimeMs start = 1'700'000'000'000; // the simulator's start: drift spreads over [-1 h, +2 h]
        simFleet("drift", hosts, facts, start);
        simFleet("drift", later, laterFacts, start + 3'600'000);
        const auto base = std::make_shared<const Baseline>(
            consensusBaseline(consensusDrift(hosts, facts).baseline, "role"));
        DriftTracker tracker(base);
        tracker.reset(hosts, facts);
        QCOMPARE(violationKeys(tracker.report()), violationKeys(evaluateBaseline(*base, hosts, facts)));

        // What changed, as FleetState reports it: hosts whose facts or labels differ.
        std::set<std::string> changed;
        auto key = [](const Fact &f) { return f.host + "\x1f" + f.name + "\x1f" + f.value; };
        std::set<std::string> before, after;
        for (const auto &f : facts)
            before.insert(key(f));
        for (const auto &f : laterFacts)
            after.insert(key(f));
        for (const auto &f : facts)
            if (!after.count(key(f)))
                changed.insert(f.host);
        for (const auto &f : laterFacts)
            if (!before.count(key(f)))
                changed.insert(f.host);
        QVERIFY2(!changed.empty() && changed.size() < later.size() / 2,
                 std::to_string(changed.size()).c_str());
        later[7].labels = LabelSet(std::vector<Label>{{"instance", later[7].name}, {"role", "db"}});
        changed.insert(later[7].name);
        changed.insert(later[11].name);
        later.erase(later.begin() + 11);
        Host fresh = host("zz-new", "api");
        later.push_back(fresh);
        laterFacts.push_back({"zz-new", "package.openssl", "1.1.1"});
        changed.insert("zz-new");
        tracker.update(later, laterFacts, {changed.begin(), changed.end()});
        const auto inc = tracker.report();
        const auto full = evaluateBaseline(*base, later, laterFacts);
        QCOMPARE(violationKeys(inc), violationKeys(full));
        QCOMPARE(inc.hostsChecked, full.hostsChecked);
        QCOMPARE(inc.hostsCompliant, full.hostsCompliant);
        QCOMPARE(inc.byFact, full.byFact);
        QCOMPARE(inc.notes, full.notes);
        QCOMPARE(inc.clusters.size(), full.clusters.size());
        QVERIFY(inc.violations.size() > violationKeys(evaluateBaseline(*base, hosts, facts)).size());

        // A recomputed consensus with other counts judges the same: kept, with the new origins.
        auto recount = std::make_shared<Baseline>(*base);
        for (auto &l : recount->layers)
            for (auto &r : l.rules)
                r.origin += " (recounted)";
        QVERIFY(tracker.adopt(recount));
        QVERIFY(tracker.report().violations.front().rule->origin.find("(recounted)") != std::string::npos);
        QCOMPARE(tracker.report().violations.size(), full.violations.size());
        // Another expected value is another judgement: dropped, judged afresh on the next update.
        auto other = std::make_shared<Baseline>(*recount);
        other->layers.front().rules.front().values = {"something else"};
        QVERIFY(!tracker.adopt(other));
        QVERIFY(!tracker.ready());
        tracker.update(later, laterFacts, {});
        QCOMPARE(violationKeys(tracker.report()), violationKeys(evaluateBaseline(*other, later, laterFacts)));
    }

    // A fact with a value per host (a serial number) has no majority: not judged, and said so; the
    // other facts of the same hosts still are.
    void factsWithThousandsOfValuesAreNotDrift() {
        std::vector<Host> hosts;
        std::vector<Fact> facts;
        for (int i = 0; i < 3000; ++i) {
            const std::string name = "web-" + std::to_string(10000 + i);
            hosts.push_back(host(name, "web"));
            facts.push_back({name, "dmi.serial", "SN" + std::to_string(900000 + i * 7)});
            facts.push_back({name, "package.openssl", i % 50 == 0 ? "3.0.9" : "3.0.11"});
        }
        const auto consensus = consensusDrift(hosts, facts);
        QCOMPARE(consensus.notes.size(), std::size_t(1));
        QVERIFY(consensus.notes[0] ==
                (DriftNote{DriftNote::Kind::NoMajority, "dmi.serial", "web", 3000, 3000}));
        QVERIFY2(describe(consensus.notes[0])
                         .find("dmi.serial has no majority value among the 3000 web hosts (3000 "
                               "distinct values)") == 0,
                 describe(consensus.notes[0]).c_str());
        QCOMPARE(consensus.clusters.size(), std::size_t(1)); // openssl only
        QCOMPARE(consensus.clusters[0].hosts.size(), std::size_t(60));
        const auto r = evaluateBaseline(consensusBaseline(consensus.baseline, "role"), hosts, facts);
        QCOMPARE(r.violations.size(), std::size_t(60));
        QVERIFY(!r.byFact.count("dmi.serial"));
    }

    void simulatorDriftFound() {
        std::vector<Host> hosts;
        std::vector<Fact> facts;
        simFleet("drift", hosts, facts);
        const auto consensus = consensusDrift(hosts, facts);
        const auto base = consensusBaseline(consensus.baseline, "role");
        const auto r = evaluateBaseline(base, hosts, facts);
        std::set<std::string> found;
        for (const auto &c : r.clusters)
            found.insert(c.fact + "=" + c.actual);
        for (const char *want :
             {"package.openssl=3.0.9", "package.nginx=1.22.1-9+deb12u1", "sysctl.vm.swappiness=60",
              "sysctl.net.core.somaxconn=128", "config./etc/ssh/sshd_config=9f1c0d4e"})
            QVERIFY2(found.count(want), want);
        ConfigError err;
        const auto yaml = BaselineLoader::fromConsensus(consensus, "role");
        const auto back = BaselineLoader::loadString(yaml, "consensus.yaml", &err);
        QVERIFY2(back, (err.toString() + "\n" + yaml).c_str());
        QCOMPARE(evaluateBaseline(*back, hosts, facts).violations.size(), r.violations.size());

        hosts.clear();
        facts.clear();
        simFleet("steady", hosts, facts);
        const auto calm = consensusDrift(hosts, facts);
        const auto cr = evaluateBaseline(consensusBaseline(calm.baseline, "role"), hosts, facts);
        QCOMPARE(cr.violations.size(), std::size_t(0));
        QCOMPARE(cr.hostsCompliant, cr.hostsChecked);
    }
};

QTEST_GUILESS_MAIN(TestBaseline)
#include "tst_baseline.moc"
