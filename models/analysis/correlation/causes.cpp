// Stage 3 of a correlation pass: each alert to its cause.
#include "analysis/correlation/pass.h"

#include <algorithm>

namespace vigil::analysis {

using namespace correlation;

void Correlator::Pass::assignCauses() {
    // 3. Each alert to its cause; what has none is grouped by the groupBy labels.
    causeOf.assign(n, -1);
    viaDependency.assign(n, 0);
    kindOf.assign(n, CauseKind::AlertGroup);
    pseudo.assign(n, 0);
    auto claim = [&](std::size_t i, const Cause &c, char via) {
        causeOf[i] = c.node;
        kindOf[i] = c.kind;
        viaDependency[i] = via;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i])
            continue;
        const Located &l = *loc[i];
        const TimeMs t = start[i];
        int cg = l.host >= 0    ? causeGroup[static_cast<std::size_t>(l.host)]
                 : l.group >= 0 ? (impaired(l.group) && causeGroup[static_cast<std::size_t>(l.group)] < 0
                                       ? l.group
                                       : causeGroup[static_cast<std::size_t>(l.group)])
                                : -1;
        if (cg >= 0 && near(t, onsetMin[static_cast<std::size_t>(cg)])) {
            claim(i, {cg, CauseKind::Group}, 0);
            continue;
        }
        if (l.host >= 0 && hostFailing[static_cast<std::size_t>(l.host)] &&
            near(t, onsetMin[static_cast<std::size_t>(l.host)])) {
            // A host failing on its own: its own alerts belong to it (or to its failing service).
            bool serviceWide = false;
            if (l.service >= 0)
                for (const auto &c : own[l.service])
                    serviceWide = serviceWide || (c.kind == CauseKind::Service && near(t, c.onset));
            claim(i, serviceWide ? Cause{l.service, CauseKind::Service} : Cause{l.host, CauseKind::Host}, 0);
            continue;
        }
        if (l.service >= 0 && !serviceCauses.empty())
            if (const auto &list = serviceCauses[static_cast<std::size_t>(l.service)]; !list.empty())
                if (const Cause *c = pickCause(list, t, l.host, l.service)) {
                    if (!self.m_rates.churns(l.groupKey, c->onset)) {
                        claim(i, *c,
                              c->node != l.service && c->node != l.host &&
                                  !(c->kind == CauseKind::Group && l.host >= 0 &&
                                    causeGroup[static_cast<std::size_t>(l.host)] == c->node));
                        continue;
                    }
                    ++backgroundApart[c->node]; // as often before it: the fleet's background
                }
        // A workload's own alert (no pod, no host), or one of its pods elsewhere (its peer gone, its
        // replicas moving): a failing host its pods ran on, with its group (workloadCause); not what was
        // coming and going before it.
        if (l.service >= 0 && !g.node(l.service).runs.empty())
            if (const Cause *c = workloadCause(l.service, t, l.host);
                c && (l.host < 0 || !self.m_rates.churns(l.groupKey, c->onset))) {
                claim(i, *c, kWorkload);
                continue;
            }
        // Aggregated to a job (TargetDown{job="kubelet"}): hosts that went down with it took its targets
        // (of the job's service, where one is named after it).
        if (l.jobLevel)
            if (const Cause *c = pickCause(targetCauses(l.service), t, -1, kNoSiblings)) {
                claim(i, *c, kTargets);
                continue;
            }
        // No edge leads from it to a failure of a group or service, but its kind was quiet and began with
        // one: joined by time (unless an edge does lead there and the failure was judged too small for it).
        if (const Cause *c = pickCause(anyCause, t, l.host, l.service);
            c && self.m_rates.bursts(l.groupKey, c->onset) && !tooSmallFor.count({c->node, l.service})) {
            claim(i, *c, kByTime);
            continue;
        }
        pseudo[i] = l.groupKey;
    }

    // Counter-evidence stands only where the group claimed none of those alerts through another path
    // (a dependency of the service on one it did take down).
    for (auto &[grp, list] : unexplained)
        std::erase_if(list, [&, grp = grp](const Unexplained &u) {
            const int svc = g.service(u.service);
            for (std::size_t i = 0; i < n; ++i)
                if (causeOf[i] == grp && loc[i]->service == svc && loc[i]->host >= 0 &&
                    causeGroup[static_cast<std::size_t>(loc[i]->host)] != grp)
                    return true;
            return false;
        });
}

} // namespace vigil::analysis
