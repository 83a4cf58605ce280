#pragma once
// Drift judged once and then kept current: every host's outcome against the baseline (its failed rules,
// the facts compared as strings) is remembered, so after a poll only the hosts whose labels or facts
// changed are judged again and the report is rebuilt from the remembered outcomes. A full evaluation
// of 100,000 hosts x 50 facts walks 5 million facts; re-judging the 1 % that changed walks 50,000.
// evaluateBaseline() is a reset followed by a report. Pure std C++.
#include "baseline.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::analysis {

class DriftTracker {
public:
    explicit DriftTracker(std::shared_ptr<const Baseline> baseline);

    // Takes a new baseline. When it judges exactly as the current one (same layers, selectors and rules;
    // only origins may differ, as when a recomputed consensus has new counts) the outcomes are kept and
    // true is returned; otherwise they are dropped and the next call must be reset().
    bool adopt(std::shared_ptr<const Baseline> baseline);
    [[nodiscard]] const std::shared_ptr<const Baseline> &baseline() const { return m_baseline; }
    [[nodiscard]] bool ready() const { return m_ready; }

    // Judges every host. hosts sorted by name, facts by host, then name, then value (the snapshot's
    // orders; other orders are sorted into a copy).
    void reset(const std::vector<Host> &hosts, const std::vector<Fact> &facts);
    // Judges again only the named hosts (changed labels or facts, new, or gone from `hosts`), against
    // the current hosts and facts, which must be in the snapshot's orders.
    void update(const std::vector<Host> &hosts, const std::vector<Fact> &facts,
                const std::vector<std::string> &changed);

    // The report as of the last reset/update; violations point into baseline().
    [[nodiscard]] BaselineReport report(const FirstSeen &firstSeen = {}, TimeMs now = 0) const;
    // The current violations' (host, fact, value) triples, for looking up first-seen times.
    [[nodiscard]] std::vector<Fact> violatedFacts() const;

private:
    struct Combo { // the rules of hosts matching exactly this set of layers
        std::vector<bool> match;
        std::vector<std::pair<std::string_view, const FactRule *>> rules; // by fact
        std::vector<int> failures;                                        // per rule: hosts failing it
        int judged = 0;                                                   // hosts judged by these rules
    };
    struct Failure {
        std::uint32_t rule = 0; // index into the combo's rules
        bool absent = false;
        bool fallback = false;
        std::string actual;
    };
    enum class State : std::uint8_t { NoRules, NoFacts, Down, Judged };
    struct Outcome {
        std::uint32_t combo = 0;
        State state = State::NoRules;
        std::vector<Failure> failures;
        std::vector<std::uint32_t> fallbacks; // rules whose comparison fell back to strings
    };

    std::uint32_t comboFor(const LabelSet &labels);
    Outcome judge(const Host &host, const Fact *begin, const Fact *end);
    void count(const Outcome &o, int sign);
    void buildCombos();

    std::shared_ptr<const Baseline> m_baseline;
    std::vector<Combo> m_combos;
    std::map<std::vector<bool>, std::uint32_t> m_comboIndex;
    std::map<std::string, Outcome, std::less<>> m_hosts;
    std::map<std::string_view, int> m_fallbacks; // fact -> hosts whose value was compared as a string
    int m_noRules = 0, m_noFacts = 0, m_down = 0, m_checked = 0, m_compliant = 0;
    bool m_ready = false;
};

} // namespace vigil::analysis
