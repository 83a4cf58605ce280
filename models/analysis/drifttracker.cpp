#include "drifttracker.h"

#include "fleet/ordering.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace vigil::analysis {

namespace {
bool sameJudgement(const FactRule &a, const FactRule &b) {
    return a.kind == b.kind && a.fact == b.fact && a.values == b.values && a.op == b.op &&
           a.version == b.version && a.pattern == b.pattern;
}

bool sameJudgement(const Baseline &a, const Baseline &b) {
    if (a.layers.size() != b.layers.size())
        return false;
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        const auto &la = a.layers[l], &lb = b.layers[l];
        if (la.selector.size() != lb.selector.size() || la.rules.size() != lb.rules.size())
            return false;
        for (std::size_t s = 0; s < la.selector.size(); ++s)
            if (la.selector[s].toString() != lb.selector[s].toString())
                return false;
        for (std::size_t r = 0; r < la.rules.size(); ++r)
            if (!sameJudgement(la.rules[r], lb.rules[r]))
                return false;
    }
    return true;
}

const Host *findHost(const std::vector<Host> &hosts, std::string_view name) {
    auto it = std::lower_bound(hosts.begin(), hosts.end(), name,
                               [](const Host &h, std::string_view n) { return h.name < n; });
    return it != hosts.end() && it->name == name ? &*it : nullptr;
}

std::pair<const Fact *, const Fact *> factsOf(const std::vector<Fact> &facts, std::string_view host) {
    auto lo = std::lower_bound(facts.begin(), facts.end(), host,
                               [](const Fact &f, std::string_view h) { return f.host < h; });
    auto hi =
        std::upper_bound(lo, facts.end(), host, [](std::string_view h, const Fact &f) { return h < f.host; });
    return {facts.data() + (lo - facts.begin()), facts.data() + (hi - facts.begin())};
}
} // namespace

DriftTracker::DriftTracker(std::shared_ptr<const Baseline> baseline)
    : m_baseline(std::move(baseline)) {}

bool DriftTracker::adopt(std::shared_ptr<const Baseline> baseline) {
    const bool same = m_baseline && baseline && sameJudgement(*m_baseline, *baseline);
    m_baseline = std::move(baseline);
    if (!same) {
        m_ready = false;
        m_hosts.clear();
        m_combos.clear();
        m_comboIndex.clear();
        m_fallbacks.clear();
        m_noRules = m_noFacts = m_down = m_checked = m_compliant = 0;
        return false;
    }
    // Same judgement, new rule objects: point the combos at them (the counts stay valid, rule order is
    // the same) and the fallback counts at the new fact names.
    buildCombos();
    std::map<std::string_view, int> fallbacks;
    for (const auto &[fact, n] : m_fallbacks)
        for (const auto &c : m_combos)
            for (const auto &[f, r] : c.rules)
                if (f == fact && !fallbacks.count(f))
                    fallbacks.emplace(f, n);
    m_fallbacks = std::move(fallbacks);
    return true;
}

void DriftTracker::buildCombos() {
    for (auto &c : m_combos) {
        std::map<std::string_view, const FactRule *> merged;
        for (std::size_t l = 0; l < m_baseline->layers.size(); ++l)
            if (c.match[l])
                for (const auto &r : m_baseline->layers[l].rules)
                    merged[r.fact] = &r;
        c.rules.assign(merged.begin(), merged.end());
        c.failures.resize(c.rules.size());
    }
}

std::uint32_t DriftTracker::comboFor(const LabelSet &labels) {
    std::vector<bool> match(m_baseline->layers.size());
    for (std::size_t l = 0; l < match.size(); ++l) {
        bool m = true;
        for (const auto &sel : m_baseline->layers[l].selector)
            m = m && sel.matches(labels);
        match[l] = m;
    }
    auto [it, fresh] = m_comboIndex.try_emplace(match, static_cast<std::uint32_t>(m_combos.size()));
    if (fresh) {
        Combo c;
        c.match = std::move(match);
        m_combos.push_back(std::move(c));
        std::map<std::string_view, const FactRule *> merged;
        for (std::size_t l = 0; l < m_baseline->layers.size(); ++l)
            if (m_combos.back().match[l])
                for (const auto &r : m_baseline->layers[l].rules)
                    merged[r.fact] = &r;
        m_combos.back().rules.assign(merged.begin(), merged.end());
        m_combos.back().failures.assign(merged.size(), 0);
    }
    return it->second;
}

DriftTracker::Outcome DriftTracker::judge(const Host &h, const Fact *begin, const Fact *end) {
    Outcome o;
    o.combo = comboFor(h.labels);
    const auto &rules = m_combos[o.combo].rules;
    if (rules.empty())
        return o; // NoRules
    if (h.up == UpState::Down) {
        o.state = State::Down; // its last facts may linger a few minutes: a host down is not drifted
        return o;
    }
    if (begin == end) {
        o.state = State::NoFacts; // down, or not exporting facts: nothing to judge, not "every fact absent"
        return o;
    }
    o.state = State::Judged;
    // Several values of one fact count as one joined value.
    std::string joined;
    const Fact *f = begin;
    for (std::uint32_t ri = 0; ri < rules.size(); ++ri) {
        const auto &[fact, rule] = rules[ri];
        while (f != end && f->name < fact)
            ++f;
        std::optional<std::string_view> value;
        if (f != end && f->name == fact) {
            value = f->value;
            if (f + 1 != end && f[1].name == fact) {
                joined = f->value;
                for (const Fact *g = f + 1; g != end && g->name == fact; ++g)
                    joined += "," + g->value;
                value = joined;
            }
        }
        bool fallback = false;
        const bool pass = rule->accepts(value, &fallback);
        if (fallback)
            o.fallbacks.push_back(ri);
        if (!pass)
            o.failures.push_back({ri, !value, fallback, value ? std::string(*value) : std::string()});
    }
    return o;
}

void DriftTracker::count(const Outcome &o, int sign) {
    auto &combo = m_combos[o.combo];
    switch (o.state) {
    case State::NoRules:
        m_noRules += sign;
        return;
    case State::NoFacts:
        m_noFacts += sign;
        return;
    case State::Down:
        m_down += sign;
        return;
    case State::Judged:
        break;
    }
    m_checked += sign;
    m_compliant += o.failures.empty() ? sign : 0;
    combo.judged += sign;
    for (const auto &f : o.failures)
        combo.failures[f.rule] += sign;
    for (auto ri : o.fallbacks) {
        auto &n = m_fallbacks[combo.rules[ri].first];
        n += sign;
        if (n <= 0)
            m_fallbacks.erase(combo.rules[ri].first);
    }
}

void DriftTracker::reset(const std::vector<Host> &hostsIn, const std::vector<Fact> &factsIn) {
    std::vector<Host> hostCopy;
    std::vector<Fact> factCopy;
    const auto &hosts = hostsByName(hostsIn, hostCopy);
    const auto &facts = factsInOrder(factsIn, factCopy);
    m_hosts.clear();
    m_fallbacks.clear();
    for (auto &c : m_combos) {
        c.judged = 0;
        std::fill(c.failures.begin(), c.failures.end(), 0);
    }
    m_noRules = m_noFacts = m_checked = m_compliant = 0;
    std::size_t fi = 0;
    for (const auto &h : hosts) {
        while (fi < facts.size() && facts[fi].host < h.name)
            ++fi;
        const std::size_t first = fi;
        while (fi < facts.size() && facts[fi].host == h.name)
            ++fi;
        auto o = judge(h, facts.data() + first, facts.data() + fi);
        count(o, +1);
        m_hosts.emplace_hint(m_hosts.end(), h.name, std::move(o));
    }
    m_ready = true;
}

void DriftTracker::update(const std::vector<Host> &hosts, const std::vector<Fact> &facts,
                          const std::vector<std::string> &changed) {
    if (!m_ready) {
        reset(hosts, facts);
        return;
    }
    for (const auto &name : changed) {
        auto it = m_hosts.find(name);
        if (it != m_hosts.end()) {
            count(it->second, -1);
            m_hosts.erase(it);
        }
        const Host *h = findHost(hosts, name);
        if (!h)
            continue; // gone
        auto [begin, end] = factsOf(facts, name);
        auto o = judge(*h, begin, end);
        count(o, +1);
        m_hosts.emplace(name, std::move(o));
    }
}

std::vector<Fact> DriftTracker::violatedFacts() const {
    std::vector<Fact> out;
    for (const auto &[host, o] : m_hosts)
        for (const auto &f : o.failures)
            if (!f.absent)
                out.push_back({host, std::string(m_combos[o.combo].rules[f.rule].first), f.actual});
    return out;
}

BaselineReport DriftTracker::report(const FirstSeen &firstSeen, TimeMs now) const {
    BaselineReport out;
    out.hostsChecked = m_checked;
    out.hostsCompliant = m_compliant;
    out.hostsDown = m_down;
    out.hostsWithoutFacts = m_noFacts;
    out.hostsWithoutRules = m_noRules;
    for (const auto &[host, o] : m_hosts)
        for (const auto &f : o.failures)
            out.violations.push_back({host, m_combos[o.combo].rules[f.rule].second,
                                      f.absent ? std::nullopt : std::optional<std::string>(f.actual),
                                      f.fallback});
    std::map<std::string_view, std::pair<int, int>> byFact;
    for (const auto &c : m_combos)
        for (std::size_t ri = 0; ri < c.rules.size(); ++ri) {
            auto &[ok, judged] = byFact[c.rules[ri].first];
            ok += c.judged - c.failures[ri];
            judged += c.judged;
        }
    for (const auto &[fact, cj] : byFact)
        if (cj.second)
            out.byFact.emplace(std::string(fact), cj);
    for (const auto &[fact, n] : m_fallbacks)
        out.notes.push_back({DriftNote::Kind::NotVersions, std::string(fact), {}, 0, 0});
    if (m_down)
        out.notes.push_back({DriftNote::Kind::HostsDown, {}, {}, m_down, 0});
    if (m_noFacts)
        out.notes.push_back({DriftNote::Kind::HostsWithoutFacts, {}, {}, m_noFacts, 0});
    if (m_noRules)
        out.notes.push_back({DriftNote::Kind::HostsWithoutRules, {}, {}, m_noRules, 0});

    // Clusters: the same fact off the same way under the same rule.
    std::map<std::tuple<const FactRule *, std::string_view>, BaselineCluster> clusters;
    for (const auto &v : out.violations) {
        const std::string_view actual = v.actual ? std::string_view(*v.actual) : std::string_view(kAbsent);
        auto &c = clusters[{v.rule, actual}];
        if (c.hosts.empty()) {
            c.fact = v.rule->fact;
            c.expected = v.rule->expected();
            c.actual = actual;
            c.severity = v.rule->severity;
            c.origin = v.rule->origin;
            c.consensusHolders = v.rule->consensusHolders;
            c.consensusHosts = v.rule->consensusHosts;
            c.layer = v.rule->layer;
        }
        c.hosts.push_back(v.host);
        if (v.actual && !firstSeen.empty()) {
            auto it = firstSeen.find({v.host, v.rule->fact, *v.actual});
            if (it != firstSeen.end()) {
                c.firstSeen = c.firstSeen ? std::min(c.firstSeen, it->second) : it->second;
                c.newLastDay += now - it->second <= 86'400'000;
            }
        }
    }
    out.clusters.reserve(clusters.size());
    for (auto &[k, c] : clusters)
        out.clusters.push_back(std::move(c));
    std::sort(out.clusters.begin(), out.clusters.end(),
              [](const BaselineCluster &a, const BaselineCluster &b) {
                  if (a.severity != b.severity)
                      return a.severity > b.severity;
                  if (a.hosts.size() != b.hosts.size())
                      return a.hosts.size() > b.hosts.size();
                  if (a.newLastDay != b.newLastDay)
                      return a.newLastDay > b.newLastDay;
                  return std::tie(a.fact, a.actual) < std::tie(b.fact, b.actual);
              });
    return out;
}

} // namespace vigil::analysis
