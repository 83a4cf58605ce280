// Configuration drift against the consensus baseline (models/analysis/drift), on hand-made facts and
// on vigil-sim's drifting fleet.
#include "analysis/drift.h"
#include "simfleet.h"

#include <QTest>

using namespace vigil;
using namespace vigil::analysis;

namespace {
// Facts in the snapshot's order, as the analysis expects them.
std::vector<Fact> sorted(std::vector<Fact> f) {
    std::sort(f.begin(), f.end(), [](const Fact &a, const Fact &b) {
        return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
    });
    return f;
}

Host host(const std::string &name, const std::string &role) {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::vector<Label>{{"instance", name}, {"role", role}});
    return h;
}
} // namespace

class TestDrift : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void majorityIsTheBaselineAndDeviationsCluster() {
        std::vector<Host> hosts{host("a1", "api"), host("a2", "api"), host("a3", "api"), host("a4", "api"),
                                host("d1", "db"),  host("d2", "db"),  host("x", "")};
        std::vector<Fact> facts{{"a1", "package.openssl", "3.0.11"}, {"a2", "package.openssl", "3.0.11"},
                                {"a3", "package.openssl", "3.0.11"}, {"a4", "package.openssl", "3.0.9"},
                                {"a1", "sysctl.somaxconn", "4096"},  {"a2", "sysctl.somaxconn", "4096"},
                                {"a3", "sysctl.somaxconn", "4096"}, // a4 lacks it
                                {"d1", "package.openssl", "1.0"},    {"x", "package.openssl", "0.9"}};
        const auto r = consensusDrift(hosts, sorted(facts));
        QCOMPARE(r.baseline.size(), std::size_t(2)); // db has too few hosts; x has no role
        QCOMPARE(r.baseline[0].fact, std::string("package.openssl"));
        QCOMPARE(r.baseline[0].value, std::string("3.0.11"));
        QCOMPARE(r.baseline[0].holders, 3);
        QVERIFY(std::abs(r.baseline[0].strength() - 0.75) < 1e-9);
        QCOMPARE(r.clusters.size(), std::size_t(2));
        for (const auto &c : r.clusters) {
            QCOMPARE(c.hosts, std::vector<std::string>{"a4"});
            QCOMPARE(c.roleHosts, 4);
            if (c.fact == "sysctl.somaxconn")
                QCOMPARE(c.actual, std::string(kAbsent));
            else
                QCOMPARE(c.actual, std::string("3.0.9"));
        }
        QCOMPARE(r.hostsChecked, 4);
        QCOMPARE(r.hostsCompliant, 3);
        QVERIFY(std::abs(r.compliance() - 0.75) < 1e-9);
    }

    // vigil-sim's drift: the api hosts running the old openssl form one cluster of exactly those hosts.
    void simulatedDriftIsFound() {
        sim::SimOptions o;
        o.hosts = 2000;
        o.scenario = "drift";
        sim::SimFleet f(o, 1'700'000'000'000);
        const TimeMs t = f.phaseStart(0) + 2 * 3'600'000;
        std::vector<Host> hosts;
        std::vector<Fact> facts;
        std::vector<std::string> oldOpenssl;
        for (std::size_t i = 0; i < f.hosts().size(); ++i) {
            const auto &h = f.hosts()[i];
            hosts.push_back(host(h.instance, h.role));
            for (const auto &fv : f.facts(i, t)) {
                if (fv.value == "absent")
                    continue;
                facts.push_back({h.instance, fv.family + "." + fv.key, fv.value});
                if (h.role == "api" && fv.key == "openssl" && fv.value == "3.0.9")
                    oldOpenssl.push_back(h.instance);
            }
        }
        QVERIFY(oldOpenssl.size() > 10);
        const auto r = consensusDrift(hosts, sorted(facts));
        const DriftCluster *openssl = nullptr;
        for (const auto &c : r.clusters)
            if (c.role == "api" && c.fact == "package.openssl")
                openssl = &c;
        QVERIFY(openssl);
        QCOMPARE(openssl->expected, std::string("3.0.11"));
        QCOMPARE(openssl->actual, std::string("3.0.9"));
        std::vector<std::string> got = openssl->hosts;
        std::sort(got.begin(), got.end());
        std::sort(oldOpenssl.begin(), oldOpenssl.end());
        QCOMPARE(got, oldOpenssl);
        QVERIFY(r.compliance() > 0.3 && r.compliance() < 0.95);
        for (const auto &b : r.baseline)
            QVERIFY2(b.strength() > 0.5, (b.role + " " + b.fact).c_str());
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "tst_drift.moc"
