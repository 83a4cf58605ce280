// Stages 4 and 5 of a correlation pass: incidents, one per cause, their members and evidence; their rank.
#include "analysis/correlation/pass.h"

#include <algorithm>
#include <string>

namespace vigil::analysis {

using namespace correlation;

void Correlator::Pass::formIncidents() {
    // 4. Incidents, one per cause.
    std::vector<int> incidentOfNode(nodes, -1);
    std::vector<int> incidentOfLeftover(self.m_groupKeys.size(), -1);
    auto &incidents = result.incidents;
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i])
            continue;
        int &slot = causeOf[i] >= 0 ? incidentOfNode[static_cast<std::size_t>(causeOf[i])]
                                    : incidentOfLeftover[static_cast<std::size_t>(pseudo[i])];
        if (slot < 0) {
            slot = static_cast<int>(incidents.size());
            Incident inc;
            if (causeOf[i] >= 0) {
                inc.causeKind = kindOf[i];
                inc.causeNode = causeOf[i];
                inc.causeLevel = std::string(g.levelName(causeOf[i]));
                inc.causeName = g.node(causeOf[i]).name;
                inc.key = std::string(causeKindName(inc.causeKind)) + ":" +
                          (inc.causeKind == CauseKind::Group ? g.path(causeOf[i]) : inc.causeName);
            } else {
                inc.causeKind = CauseKind::AlertGroup;
                inc.causeName = self.m_groupKeys[static_cast<std::size_t>(pseudo[i])];
                for (std::size_t k = 0; k < self.m_opt.groupBy.size(); ++k)
                    inc.causeLevel += (k ? ", " : "") + self.m_opt.groupBy[k];
                inc.key = "alerts:" + inc.causeName;
            }
            incidents.push_back(std::move(inc));
        }
        result.incidentOf[i] = slot;
    }
    self.followInhibitions(result, alerts); // inhibitedBy is causal evidence
}

void Correlator::Pass::collectMembers() {
    // Members, cause alerts first, and the evidence.
    auto &incidents = result.incidents;
    causeMembers.assign(incidents.size(), {});
    otherMembers.assign(incidents.size(), {});
    MemberTally tally; // pods, namespaces, services no host runs
    for (std::size_t i = 0; i < n; ++i) {
        const int k = result.incidentOf[i];
        if (k < 0)
            continue;
        Incident &inc = incidents[static_cast<std::size_t>(k)];
        const Located &l = *loc[i];
        bool atCause = false;
        switch (inc.causeKind) {
        case CauseKind::Group:
            atCause =
                (l.host < 0 && l.group == inc.causeNode) ||
                (l.failure && l.host >= 0 && causeGroup[static_cast<std::size_t>(l.host)] == inc.causeNode);
            if (l.host < 0 && l.group == inc.causeNode)
                inc.causeAlerted = true;
            break;
        case CauseKind::Host:
            atCause = l.host == inc.causeNode;
            break;
        case CauseKind::Service:
            atCause =
                l.service == inc.causeNode && (l.failure || ownFailing[static_cast<std::size_t>(l.service)]);
            inc.causeAlerted = inc.causeAlerted || (atCause && l.host < 0);
            break;
        case CauseKind::AlertGroup:
            atCause = true;
            break;
        }
        (atCause ? causeMembers : otherMembers)[static_cast<std::size_t>(k)].push_back(
            static_cast<std::uint32_t>(i));
        switch (viaDependency[i]) {
        case 0:
            break;
        case kByTime:
            ++inc.joinedByTime;
            break;
        case kWorkload:
            ++inc.workloadAlerts;
            break;
        case kTargets:
            ++inc.targetAlerts;
            break;
        default:
            ++inc.dependentAlerts;
        }
        tally.add(k, alerts[i], !l.failure && l.podSubject,
                  l.service < 0 ? alerts[i].label(self.m_opt.serviceLabel) : std::string_view());
        const bool isSup = sup[i];
        (isSup ? inc.suppressed : inc.active) += 1;
        if (!isSup)
            inc.severity = std::max<int>(inc.severity, l.severity);
        if (result.returns[i] >= self.m_opt.flapReturns)
            ++inc.flapping;
        // when its first alert fired (start[] is when the trouble began, for correlation)
        const TimeMs fired = alerts[i].startsAt;
        inc.startsAt = inc.startsAt == 0 ? fired : std::min(inc.startsAt, fired);
    }
    tally.finish(incidents); // the graph's services are added below
}

void Correlator::Pass::describeIncidents() {
    auto &incidents = result.incidents;
    std::unordered_map<std::string, Seen> seen;
    std::vector<int> stamp(nodes, -1);
    for (std::size_t k = 0; k < incidents.size(); ++k) {
        Incident &inc = incidents[k];
        inc.causeAlertCount = static_cast<std::uint32_t>(causeMembers[k].size());
        inc.alerts = std::move(causeMembers[k]);
        inc.alerts.insert(inc.alerts.end(), otherMembers[k].begin(), otherMembers[k].end());
        // Distinct hosts and services among members: one stamp per node, no sets.
        for (auto i : inc.alerts) {
            const Located &l = *loc[i];
            if (l.host >= 0 && stamp[static_cast<std::size_t>(l.host)] != static_cast<int>(k)) {
                stamp[static_cast<std::size_t>(l.host)] = static_cast<int>(k);
                ++inc.hosts;
            }
            if (l.service >= 0 && stamp[static_cast<std::size_t>(l.service)] != static_cast<int>(k)) {
                stamp[static_cast<std::size_t>(l.service)] = static_cast<int>(k);
                ++inc.services;
            }
        }
        if (inc.active == 0)
            for (auto i : inc.alerts)
                inc.severity = std::max<int>(inc.severity, loc[i]->severity);
        if (inc.causeNode >= 0) {
            if (auto b = backgroundApart.find(inc.causeNode); b != backgroundApart.end())
                inc.backgroundApart = b->second;
            const auto c = static_cast<std::size_t>(inc.causeNode);
            const auto &nd = g.node(inc.causeNode);
            if (auto u = unexplained.find(inc.causeNode); u != unexplained.end()) {
                inc.unexplained = std::move(u->second);
                std::sort(inc.unexplained.begin(), inc.unexplained.end(),
                          [](const Unexplained &a, const Unexplained &b) {
                              return a.alertedHosts != b.alertedHosts ? a.alertedHosts > b.alertedHosts
                                                                      : a.service < b.service;
                          });
            }
            if (inc.causeKind == CauseKind::Group) {
                inc.causeHosts = nd.hosts;
                inc.causeHostsFailing = failing[c];
            } else if (inc.causeKind == CauseKind::Host) {
                inc.causeHosts = 1;
                inc.causeHostsFailing = hostFailing[c] ? 1 : 0;
            } else {
                inc.causeByOwnAlerts = ownFailing[c];
                inc.causeHosts = static_cast<int>(nd.members.size());
                for (int h : nd.members)
                    inc.causeHostsFailing += hostFailing[static_cast<std::size_t>(h)] ? 1 : 0;
            }
            if (onsetMin[c] != kNever && inc.causeKind != CauseKind::Service)
                inc.causeSpreadMs = onsetMax[c] - onsetMin[c];
        }
        inc.confidence = confidenceOf(inc);
        auto prev = self.m_incidents.find(inc.key);
        Seen s;
        s.firstSeen = prev == self.m_incidents.end() ? now : prev->second.firstSeen;
        s.alerts = inc.alerts.size();
        inc.firstSeen = s.firstSeen;
        inc.isNew = now - inc.startsAt < self.m_opt.newFor;
        if (prev != self.m_incidents.end()) {
            const auto before = prev->second.alerts;
            inc.escalating = s.alerts >= before + std::max<std::size_t>(5, before / 5);
        }
        seen.emplace(inc.key, s);
        if (static_cast<int>(inc.alerts.size()) >= self.m_opt.stormIncidentAlerts)
            result.storm = true;
    }
    self.m_incidents = std::move(seen);
    if (result.alertsPerMinute >= self.m_opt.stormAlertsPerMinute)
        result.storm = true;
}

void Correlator::Pass::rankIncidents() {
    auto &incidents = result.incidents;
    // 5. Rank: anything unsuppressed first, then urgency (urgencyOf), blast radius, alerts, age.
    std::vector<int> order(incidents.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = static_cast<int>(k);
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const Incident &a = incidents[static_cast<std::size_t>(x)];
        const Incident &b = incidents[static_cast<std::size_t>(y)];
        const bool aa = a.active > 0, ba = b.active > 0;
        if (aa != ba)
            return aa;
        if (urgencyOf(a) != urgencyOf(b))
            return urgencyOf(a) > urgencyOf(b);
        if (a.hosts != b.hosts)
            return a.hosts > b.hosts;
        if (a.alerts.size() != b.alerts.size())
            return a.alerts.size() > b.alerts.size();
        if (a.startsAt != b.startsAt)
            return a.startsAt < b.startsAt;
        return a.key < b.key;
    });
    std::vector<int> rank(incidents.size());
    std::vector<Incident> sorted;
    sorted.reserve(incidents.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[static_cast<std::size_t>(order[r])] = static_cast<int>(r);
        sorted.push_back(std::move(incidents[static_cast<std::size_t>(order[r])]));
    }
    incidents = std::move(sorted);
    for (auto &k : result.incidentOf)
        if (k >= 0)
            k = rank[static_cast<std::size_t>(k)];
}

} // namespace vigil::analysis
