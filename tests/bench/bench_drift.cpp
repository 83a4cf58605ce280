// Drift at fleet scale: 100,000 hosts x 50 facts judged against a baseline, the consensus over the
// same, and the memory the facts take. BENCH lines.
#include "analysis/baseline.h"
#include "analysis/drift.h"
#include "analysis/drifttracker.h"
#include "benchclock.h"

#include <cstdio>

using namespace vigil;
using namespace vigil::analysis;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

int main() {
    const int n = 100000, factsPerHost = 50;
    const char *roles[] = {"web", "api", "db", "cache", "batch"};
    std::vector<Host> hosts;
    std::vector<Fact> facts;
    hosts.reserve(n);
    facts.reserve(static_cast<std::size_t>(n) * factsPerHost);
    for (int i = 0; i < n; ++i) {
        Host h;
        h.name = "host-" + std::to_string(100000 + i);
        h.labels = LabelSet(std::vector<Label>{{"instance", h.name}, {"role", roles[i % 5]}});
        hosts.push_back(std::move(h));
    }
    for (int i = 0; i < n; ++i)
        for (int f = 0; f < factsPerHost; ++f) {
            char name[32], value[32];
            std::snprintf(name, sizeof name, "package.p%02d", f);
            // Mostly the golden value; one host in 40 drifted on a few facts.
            const bool drifted = (i % 40 == 3) && f % 7 == 0;
            std::snprintf(value, sizeof value, "%d.%d.%d", 1 + f % 3, drifted ? 8 : 9, f);
            facts.push_back({hosts[static_cast<std::size_t>(i)].name, name, value});
        }
    std::size_t bytes = facts.capacity() * sizeof(Fact);
    for (const auto &f : facts)
        bytes += f.host.capacity() + f.name.capacity() + f.value.capacity();
    std::printf("BENCH drift.memory.hosts=%d.facts=%d %.1f MB (facts as the snapshot holds them)\n", n,
                factsPerHost, static_cast<double>(bytes) / 1e6);

    std::vector<double> consensusMs;
    DriftReport consensus;
    for (int r = 0; r < 3; ++r) {
        auto t0 = Clock::now();
        consensus = consensusDrift(hosts, facts);
        consensusMs.push_back(ms(t0, Clock::now()));
    }
    std::printf("BENCH drift.consensus.hosts=%d %.2f ms\n", n, median(consensusMs));

    // A written baseline: a base layer with version constraints for every fact, one override per role.
    Baseline base;
    BaselineLayer all;
    all.name = "all";
    for (int f = 0; f < factsPerHost; ++f) {
        FactRule r;
        char name[32], version[32];
        std::snprintf(name, sizeof name, "package.p%02d", f);
        std::snprintf(version, sizeof version, "%d.9.0", 1 + f % 3);
        r.kind = FactRule::Kind::Version;
        r.fact = name;
        r.op = ">=";
        r.version = version;
        r.layer = "all";
        all.rules.push_back(r);
    }
    base.layers.push_back(all);
    for (const char *role : roles) {
        BaselineLayer l;
        l.name = role;
        std::string err;
        l.selector.push_back(*LabelMatcher::create("role", LabelMatcher::Op::Equal, role, &err));
        FactRule r;
        r.kind = FactRule::Kind::OneOf;
        r.fact = "package.p01";
        r.values = {"2.9.1", "2.9.2"};
        r.layer = role;
        l.rules.push_back(r);
        base.layers.push_back(l);
    }
    std::vector<double> evalMs;
    std::size_t violations = 0;
    for (int r = 0; r < 3; ++r) {
        auto t0 = Clock::now();
        const auto report = evaluateBaseline(base, hosts, facts);
        evalMs.push_back(ms(t0, Clock::now()));
        violations = report.violations.size();
    }
    std::printf("BENCH drift.evaluate.hosts=%d.facts=%d %.2f ms (%zu violations)\n", n, factsPerHost,
                median(evalMs), violations);

    // Incremental: the tracker judged everything once; then 1 % of the hosts change (a package upgraded
    // on some, rolled back on others) and only those are judged again, the report rebuilt.
    DriftTracker tracker(std::make_shared<const Baseline>(base));
    auto t0 = Clock::now();
    tracker.reset(hosts, facts);
    const double resetMs = ms(t0, Clock::now());
    std::vector<double> incMs;
    std::size_t incViolations = 0;
    for (int r = 0; r < 5; ++r) {
        std::vector<std::string> changed;
        for (int i = r; i < n; i += 100) {
            const auto &name = hosts[static_cast<std::size_t>(i)].name;
            changed.push_back(name);
            auto &f = facts[static_cast<std::size_t>(i) * factsPerHost + 14]; // package.p14
            f.value = f.value.rfind("1.", 0) == 0 ? "3.8.14" : "3.9.14";
        }
        t0 = Clock::now();
        tracker.update(hosts, facts, changed);
        const auto report = tracker.report();
        incMs.push_back(ms(t0, Clock::now()));
        incViolations = report.violations.size();
    }
    const auto full = evaluateBaseline(base, hosts, facts);
    // The value distribution the drift view shows for a cluster's fact (on a worker thread).
    t0 = Clock::now();
    const auto values = factValues(base, &base.layers[1].rules[0], "package.p01", hosts, facts);
    std::printf("BENCH drift.values.hosts=%d %.2f ms (one fact's values over the hosts its rule applies to: "
                "%d hosts, %zu values)\n",
                n, ms(t0, Clock::now()), values.hosts, values.values.size());
    std::printf("BENCH drift.incremental.hosts=%d %.2f ms (1 %% of hosts changed; %zu violations, a full "
                "evaluation finds %zu; first judgement %.0f ms)\n",
                n, median(incMs), incViolations, full.violations.size(), resetMs);
    if (incViolations != full.violations.size())
        return 1;
    const auto cb = consensusBaseline(consensus.baseline, "role");
    t0 = Clock::now();
    const auto vsConsensus = evaluateBaseline(cb, hosts, facts);
    std::printf("BENCH drift.evaluate.consensus.hosts=%d %.2f ms (%zu clusters)\n", n, ms(t0, Clock::now()),
                vsConsensus.clusters.size());
    return 0;
}
