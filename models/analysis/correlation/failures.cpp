// Stages 1 and 2 of a correlation pass: what failed physically (hosts, the groups they fail), which
// services fail and because of what.
#include "analysis/correlation/pass.h"
#include "fleet/fleetsnapshot.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <unordered_set>

namespace vigil::analysis {

using namespace correlation;

bool Correlator::Pass::impaired(int node) const {
    const auto &nd = g.node(node);
    if (nd.kind != NodeKind::Group || node == g.unplaced())
        return false;
    const auto k = static_cast<std::size_t>(node);
    const int needed =
        std::max(self.m_opt.minGroupHosts,
                 static_cast<int>(std::ceil(self.m_opt.groupShare * static_cast<double>(nd.hosts))));
    return alerted[k] || failing[k] >= needed;
}

bool Correlator::Pass::near(TimeMs t, TimeMs onset) const {
    return onset != kNever && t >= onset - self.m_opt.lead && t <= onset + self.m_opt.window;
}

void Correlator::Pass::physicalFailures() {
    // 1. Physical failures: hosts with failing alerts (critical, or as configured), counted up their
    // ancestors; groups alerted themselves (a switch down on the rack).
    onsetMin.assign(nodes, kNever);
    onsetMax.assign(nodes, std::numeric_limits<TimeMs>::min());
    failing.assign(nodes, 0);
    alerted.assign(nodes, 0);
    hostFailing.assign(nodes, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i] || !loc[i]->failure)
            continue;
        const TimeMs t = start[i];
        if (loc[i]->host >= 0) {
            const auto h = static_cast<std::size_t>(loc[i]->host);
            if (!hostFailing[h]) {
                hostFailing[h] = 1;
                for (int p = g.node(loc[i]->host).parent; p > 0; p = g.node(p).parent)
                    ++failing[static_cast<std::size_t>(p)];
            }
            for (int p = loc[i]->host; p > 0; p = g.node(p).parent) {
                onsetMin[static_cast<std::size_t>(p)] = std::min(onsetMin[static_cast<std::size_t>(p)], t);
                onsetMax[static_cast<std::size_t>(p)] = std::max(onsetMax[static_cast<std::size_t>(p)], t);
            }
        } else if (loc[i]->group >= 0) {
            const auto grp = static_cast<std::size_t>(loc[i]->group);
            alerted[grp] = 1;
            onsetMin[grp] = std::min(onsetMin[grp], t);
            onsetMax[grp] = std::max(onsetMax[grp], t);
        }
    }
    // The outermost failing group above each node (top-down over the tree).
    causeGroup.assign(nodes, -1);
    {
        std::vector<int> stack{g.root()};
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (int c : g.node(v).children) {
                const auto k = static_cast<std::size_t>(c);
                causeGroup[k] = causeGroup[static_cast<std::size_t>(v)] >= 0
                                    ? causeGroup[static_cast<std::size_t>(v)]
                                : impaired(c) ? c
                                              : -1;
                if (!g.node(c).children.empty())
                    stack.push_back(c);
            }
        }
    }
}

void Correlator::Pass::serviceFailures() {
    // 2. Failing services and what they fail because of: their own hosts' failing alerts, explained by
    //    a failing group where one holds them, else one host, else the service itself.
    struct ServiceState {
        std::unordered_map<int, int> groupVotes;
        std::unordered_set<int> hosts;
        bool serviceAlert = false;
        TimeMs onset = kNever;
    };
    std::unordered_map<int, ServiceState> services;
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i] || !loc[i]->failure || loc[i]->service < 0)
            continue;
        auto &s = services[loc[i]->service];
        const TimeMs t = start[i];
        s.onset = std::min(s.onset, t);
        const int h = loc[i]->host;
        if (h < 0) {
            s.serviceAlert = true;
            continue;
        }
        const int cg = causeGroup[static_cast<std::size_t>(h)];
        if (cg >= 0 && near(t, onsetMin[static_cast<std::size_t>(cg)]))
            ++s.groupVotes[cg];
        else
            s.hosts.insert(h);
    }
    std::vector<std::pair<TimeMs, int>> byWeightAlone;    // (onset, service): no failure of their own
    for (const auto &[svc, onset] : hostlessFailures()) { // its own alerts, warnings too
        if (!services.count(svc))
            byWeightAlone.emplace_back(onset, svc);
        auto &s = services[svc];
        s.serviceAlert = true;
        s.onset = std::min(s.onset, onset);
    }
    // A failing group explains trouble on its services' other hosts only when that trouble began with it
    // and is of a size its loss can explain (causemagnitude.h); fed the alerts on hosts outside any
    // failing group.
    // So is a failure of a service on the services depending on it (passOn): fed theirs too.
    CauseMagnitude magnitude({self.m_opt.window, self.m_opt.lead});
    if (!services.empty()) {
        std::unordered_set<int> judged;
        for (const auto &[svc, s] : services) {
            judged.insert(svc);
            for (int dependent : g.dependentsOf(svc))
                judged.insert(dependent);
        }
        for (std::size_t i = 0; i < n; ++i)
            if (live[i] && loc[i]->host >= 0 && loc[i]->service >= 0 &&
                causeGroup[static_cast<std::size_t>(loc[i]->host)] < 0 && judged.count(loc[i]->service))
                magnitude.add(loc[i]->service, loc[i]->host, start[i]);
        magnitude.finish();
    }
    // A service's own failures: each failing group holding its hosts, and its hosts failing on their own
    // (one host: that host; several: the service).
    for (auto &[svc, s] : services) {
        auto &list = own[svc];
        for (auto [grp, votes] : s.groupVotes) {
            const auto &members = g.node(svc).members;
            const TimeMs onset = onsetMin[static_cast<std::size_t>(grp)];
            const auto lost = std::count_if(members.begin(), members.end(), [&, group = grp](int h) {
                return causeGroup[static_cast<std::size_t>(h)] == group;
            });
            auto verdict =
                magnitude.judge(svc, onset, static_cast<int>(lost), static_cast<int>(members.size()));
            if (verdict.explains) {
                list.push_back({grp, CauseKind::Group, onset});
            } else {
                verdict.why.service = g.node(svc).name;
                unexplained[grp].push_back(std::move(verdict.why));
            }
        }
        if (s.hosts.size() == 1 && !s.serviceAlert) {
            const int h = *s.hosts.begin();
            list.push_back({h, CauseKind::Host, onsetMin[static_cast<std::size_t>(h)]});
        } else if (!s.hosts.empty() || s.serviceAlert) {
            TimeMs onset = kNever;
            for (int h : s.hosts)
                onset = std::min(onset, onsetMin[static_cast<std::size_t>(h)]);
            list.push_back({svc, CauseKind::Service, s.serviceAlert ? s.onset : onset});
            if (!s.serviceAlert) // failing by its hosts alone: a share of it
                hostsLost[svc] = static_cast<int>(s.hosts.size());
        }
    }
    // How often each kind of alert was starting around each failure (AlertRates): a service's, or a
    // failing host's that a workload's pods ran on.
    if (!own.empty() || std::find(hostFailing.begin(), hostFailing.end(), 1) != hostFailing.end()) {
        self.m_rates.reset(self.m_groupKeys.size());
        for (std::size_t i = 0; i < n; ++i)
            if (live[i])
                self.m_rates.add(loc[i]->groupKey, start[i]);
    }
    dropCascades(byWeightAlone);
    passOn(magnitude);
    // Every failure, for what no edge leads from.
    if (!own.empty()) {
        for (const auto &[svc, list] : own) // one host failing is too small to explain others by time
            std::copy_if(list.begin(), list.end(), std::back_inserter(anyCause),
                         [](const Cause &c) { return c.kind != CauseKind::Host; });
    }
}

void Correlator::Pass::passOn(const CauseMagnitude &magnitude) {
    // What can explain trouble on a service: its own failures and those of everything it depends on;
    // of a service failing on several of its hosts, only where it lost enough of them to explain what
    // began on the dependent. (A single host, or a group, may hold what the dependents need most, a
    // database's primary: their loss is passed on whatever its share.)
    serviceCauses.assign(own.empty() ? 0 : nodes, {});
    for (const auto &[svc, list] : own) {
        for (const auto &c : list)
            serviceCauses[static_cast<std::size_t>(svc)].push_back(c);
        std::vector<Cause> passedOn; // judged once, whatever the number of dependents
        std::copy_if(list.begin(), list.end(), std::back_inserter(passedOn),
                     [&, svc = svc](const Cause &c) { return !standing(c, svc); });
        const int hosts = static_cast<int>(g.node(svc).members.size());
        const auto lost = hostsLost.find(svc); // failing on several of its hosts: how many
        for (int dependent : g.dependentsOf(svc))
            for (const auto &c : passedOn) {
                if (c.node == svc && lost != hostsLost.end()) {
                    auto verdict = magnitude.judge(dependent, c.onset, lost->second, hosts);
                    if (verdict.why.tooSmall) {
                        verdict.why.churn = false; // churn is judged alert by alert (AlertRates)
                        verdict.why.service = g.node(dependent).name;
                        verdict.why.dependency = g.node(svc).name;
                        unexplained[c.node].push_back(std::move(verdict.why));
                        tooSmallFor.insert({c.node, dependent});
                        continue;
                    }
                }
                serviceCauses[static_cast<std::size_t>(dependent)].push_back(c);
            }
    }
}

bool Correlator::Pass::standing(const Cause &c, int svc) const {
    return c.kind == CauseKind::Host && g.node(svc).members.size() >= 2 && upOf(c.node) == UpState::Up;
}

UpState Correlator::Pass::upOf(int host) const {
    const Host *h = hosts ? findHost(*hosts, g.node(host).name) : nullptr;
    return h ? h->up : UpState::Unknown;
}

std::vector<std::pair<int, TimeMs>> Correlator::Pass::hostlessFailures() {
    ownFailing.assign(nodes, 0);
    // Per service no host runs: when each of its own alerts began and what it weighs, leaving out those
    // a physical failure explains (a pod's alert on a failing node, a workload's alert when a node its
    // pods ran on failed with it): that node is their cause, not the workload.
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i] || loc[i]->service < 0 || (loc[i]->severity == 0 && !loc[i]->failure))
            continue;
        const int svc = loc[i]->service, h = loc[i]->host;
        if (!g.node(svc).members.empty())
            continue;
        const TimeMs t = start[i];
        if (h >= 0) {
            const auto k = static_cast<std::size_t>(h);
            if ((hostFailing[k] && near(t, onsetMin[k])) ||
                (causeGroup[k] >= 0 && near(t, onsetMin[static_cast<std::size_t>(causeGroup[k])])))
                continue;
        }
        if (!g.node(svc).runs.empty() && workloadCause(svc, t, h))
            continue; // a node its pods ran on failed with it (assignCauses: unless it was churning)
        weighed[svc].push_back(static_cast<std::uint32_t>(i));
    }
    // It fails when alerts that began within the window of each other weigh enough; it failed when the
    // first of them began.
    std::vector<std::pair<int, TimeMs>> out;
    auto weight = [&](std::uint32_t i) { return loc[i]->failure || loc[i]->severity >= 2 ? 1.0 : 0.5; };
    for (auto &[svc, list] : weighed) {
        std::sort(list.begin(), list.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return start[a] < start[b]; });
        double sum = 0;
        for (std::size_t first = 0, last = 0; last < list.size(); ++last) {
            sum += weight(list[last]);
            while (start[list[last]] - start[list[first]] > self.m_opt.window)
                sum -= weight(list[first++]);
            if (sum >= self.m_opt.serviceFailureWeight - 1e-9) {
                out.emplace_back(svc, start[list[first]]);
                ownFailing[static_cast<std::size_t>(svc)] = 1;
                break;
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void Correlator::Pass::dropCascades(std::vector<std::pair<TimeMs, int>> &failures) {
    // Earliest first, so a failure kept or dropped is settled before those after it look at it.
    std::sort(failures.begin(), failures.end());
    const auto hidden = hiddenDependencies(failures);
    for (const auto &[onset, svc] : failures) {
        bool explained = false;
        for (int dep : g.dependenciesOf(svc))
            if (auto it = own.find(dep); it != own.end())
                for (const auto &c : it->second)
                    explained = explained || (c.onset <= onset + self.m_opt.lead && near(onset, c.onset));
        // No edge leads to one: a failure elsewhere that began before it, with which its alerts' kinds
        // (most of them) were quiet and burst. Its alerts then join that one by time.
        for (const auto &[other, list] : own)
            for (const auto &c : list)
                explained = explained || (other != svc && c.kind != CauseKind::Host && c.onset < onset &&
                                          near(onset, c.onset) && burstsWith(svc, c.onset));
        // ...or one that began with it, of a service whose place in the graph is unknown.
        for (const auto &c : hidden)
            explained = explained || (c.node != svc && own.count(c.node) && onset <= c.onset &&
                                      near(onset, c.onset) && burstsWith(svc, c.onset));
        if (!explained)
            continue;
        // A copy: clang 14 cannot capture a structured binding.
        std::erase_if(own[svc], [node = svc](const Cause &c) { return c.node == node; });
        if (own[svc].empty())
            own.erase(svc);
        ownFailing[static_cast<std::size_t>(svc)] = 0;
    }
}

std::vector<Correlator::Pass::Cause>
Correlator::Pass::hiddenDependencies(const std::vector<std::pair<TimeMs, int>> &failures) {
    std::vector<Cause> out;
    auto placed = [&](int svc) { return !g.node(svc).callees.empty() || !g.node(svc).callers.empty(); };
    for (const auto &[svc, list] : own) {
        if (placed(svc))
            continue;
        for (const auto &c : list) {
            if (c.kind != CauseKind::Service || c.node != svc)
                continue;
            const auto with = std::count_if(failures.begin(), failures.end(), [&, svc = svc](const auto &f) {
                return f.second != svc && near(f.first, c.onset) && placed(f.second) &&
                       burstsWith(f.second, c.onset);
            });
            if (with >= self.m_opt.hiddenDependencyServices)
                out.push_back(c);
        }
    }
    return out;
}

bool Correlator::Pass::burstsWith(int svc, TimeMs onset) {
    const auto &mine = weighed[svc];
    const auto bursting = std::count_if(mine.begin(), mine.end(), [&](std::uint32_t i) {
        return self.m_rates.bursts(loc[i]->groupKey, onset);
    });
    return !mine.empty() && 2 * static_cast<std::size_t>(bursting) >= mine.size();
}

const Correlator::Pass::Cause *Correlator::Pass::pickCause(const std::vector<Cause> &list, TimeMs t, int host,
                                                           int service) const {
    const Cause *best = nullptr;
    for (const auto &c : list) {
        if (!near(t, c.onset))
            continue;
        // one failing host does not explain its siblings in the same service
        if (c.kind == CauseKind::Host && c.node != host && g.node(c.node).service == service)
            continue;
        if (!best || c.onset > best->onset + self.m_opt.lead ||
            (c.onset >= best->onset - self.m_opt.lead && c.kind == CauseKind::Group &&
             best->kind != CauseKind::Group))
            best = &c;
    }
    return best;
}

const std::vector<Correlator::Pass::Cause> &Correlator::Pass::workloadCauses(int svc) {
    static const std::vector<int> none;
    auto [it, fresh] = byWorkload.try_emplace(svc);
    for (int h : fresh ? g.node(svc).runs : none)
        if (const auto k = static_cast<std::size_t>(h); hostFailing[k]) {
            const int cg = causeGroup[k];
            const TimeMs go = cg >= 0 ? onsetMin[static_cast<std::size_t>(cg)] : kNever; // the group's onset
            it->second.push_back(cg >= 0 && near(onsetMin[k], go) ? Cause{cg, CauseKind::Group, go}
                                                                  : Cause{h, CauseKind::Host, onsetMin[k]});
        }
    return it->second;
}

const Correlator::Pass::Cause *Correlator::Pass::workloadCause(int svc, TimeMs t, int host) {
    const Cause *c = pickCause(workloadCauses(svc), t, host, svc);
    if (!c || host < 0 || c->kind == CauseKind::Group)
        return c;
    // A pod elsewhere: only a node that went down moves its workload's pods (a full disk does not).
    return upOf(c->node) == UpState::Down ? c : nullptr;
}

const std::vector<Correlator::Pass::Cause> &Correlator::Pass::targetCauses(int svc) {
    auto [it, fresh] = byTargets.try_emplace(svc);
    auto &out = it->second; // a reference outlives the rehashing the call below may cause; the iterator not
    if (!fresh || !hosts)
        return out;
    if (svc >= 0) {
        // Of the service: the down causes holding one of its hosts.
        const auto &all = targetCauses(-1);
        const auto &mine = hostsOf(g.node(svc));
        for (const auto &c : all)
            if (std::any_of(mine.begin(), mine.end(), [&](int h) {
                    return h == c.node || causeGroup[static_cast<std::size_t>(h)] == c.node;
                }))
                out.push_back(c);
        return out;
    }
    std::unordered_set<int> groups;
    for (std::size_t k = 0; k < nodes; ++k) {
        if (!hostFailing[k])
            continue;
        if (upOf(static_cast<int>(k)) != UpState::Down)
            continue;
        const int cg = causeGroup[k];
        if (cg < 0)
            out.push_back({static_cast<int>(k), CauseKind::Host, onsetMin[k]});
        else if (groups.insert(cg).second)
            out.push_back({cg, CauseKind::Group, onsetMin[static_cast<std::size_t>(cg)]});
    }
    return out;
}

} // namespace vigil::analysis
