#include "causemagnitude.h"

#include <algorithm>
#include <unordered_set>

namespace vigil::analysis {

void CauseMagnitude::finish() {
    for (auto &[service, starts] : m_starts)
        std::sort(starts.begin(), starts.end());
}

CauseMagnitude::Verdict CauseMagnitude::judge(int service, TimeMs onset, int lostHosts,
                                              int serviceHosts) const {
    Verdict v;
    v.why.lostHosts = lostHosts;
    v.why.serviceHosts = serviceHosts;
    v.why.windowMs = m_opt.window;
    const auto it = m_starts.find(service);
    if (it == m_starts.end())
        return v; // nothing elsewhere on the service: nothing to explain or not
    const auto &starts = it->second;
    auto at = [&](TimeMs t) {
        return std::lower_bound(starts.begin(), starts.end(), Start{t, 0}) - starts.begin();
    };
    const TimeMs from = onset - m_opt.lead;
    const auto beforeBegin = at(from - m_opt.window);
    const auto afterBegin = at(from);
    const auto afterEnd = at(onset + m_opt.window + 1);
    v.why.alertsBefore = static_cast<int>(afterBegin - beforeBegin);
    v.why.alertsAfter = static_cast<int>(afterEnd - afterBegin);
    std::unordered_set<int> hosts;
    for (auto i = afterBegin; i < afterEnd; ++i)
        hosts.insert(starts[static_cast<std::size_t>(i)].host);
    v.why.alertedHosts = static_cast<int>(hosts.size());
    v.why.churn = v.why.alertsBefore >= m_opt.minChurnAlerts &&
                  v.why.alertsAfter <= m_opt.churnRise * v.why.alertsBefore;
    v.why.tooSmall = serviceHosts > 0 && lostHosts < m_opt.minLostShare * serviceHosts &&
                     v.why.alertedHosts > m_opt.magnitudeFactor * std::max(1, lostHosts);
    v.explains = !v.why.churn && !v.why.tooSmall;
    return v;
}

} // namespace vigil::analysis
