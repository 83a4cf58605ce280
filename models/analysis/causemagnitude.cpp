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
    v.why.churn = m_opt.churning(v.why.alertsBefore, v.why.alertsAfter);
    v.why.tooSmall = serviceHosts > 0 && lostHosts < m_opt.minLostShare * serviceHosts &&
                     v.why.alertedHosts > m_opt.magnitudeFactor * std::max(1, lostHosts);
    v.explains = !v.why.churn && !v.why.tooSmall;
    return v;
}

void AlertRates::reset(std::size_t kinds) {
    m_kinds.resize(kinds);
    for (auto &k : m_kinds) {
        k.starts.clear();
        k.sorted = false;
        k.asked.clear();
    }
}

AlertRates::Around AlertRates::around(int kind, TimeMs onset) {
    if (kind < 0 || static_cast<std::size_t>(kind) >= m_kinds.size())
        return {};
    Kind &k = m_kinds[static_cast<std::size_t>(kind)];
    for (const auto &[at, counted] : k.asked)
        if (at == onset)
            return counted;
    // the same spans as CauseMagnitude::judge: [from - window, from) before, [from, onset + window] after
    const TimeMs from = onset - m_opt.lead, beforeFrom = from - m_opt.window, afterTo = onset + m_opt.window;
    Around a;
    if (!k.sorted && k.asked.size() < 8) {
        for (TimeMs t : k.starts) {
            a.before += t >= beforeFrom && t < from ? 1 : 0;
            a.after += t >= from && t <= afterTo ? 1 : 0;
        }
    } else {
        if (!k.sorted) {
            std::sort(k.starts.begin(), k.starts.end());
            k.sorted = true;
        }
        auto at = [&](TimeMs t) {
            return std::lower_bound(k.starts.begin(), k.starts.end(), t) - k.starts.begin();
        };
        const auto afterBegin = at(from);
        a = {static_cast<int>(afterBegin - at(beforeFrom)), static_cast<int>(at(afterTo + 1) - afterBegin)};
    }
    k.asked.emplace_back(onset, a);
    return a;
}

} // namespace vigil::analysis
