#include "fleetsnapshot.h"

#include <algorithm>

namespace vigil {

const Acknowledgement *FleetSnapshot::ack(std::string_view incident) const {
    for (const auto &a : acks)
        if (a.incident == incident)
            return &a;
    return nullptr;
}

const AlertRule *FleetSnapshot::rule(std::string_view alertname) const {
    auto it = std::lower_bound(rules.begin(), rules.end(), alertname,
                               [](const AlertRule &r, std::string_view n) { return r.name < n; });
    return it != rules.end() && it->name == alertname ? &*it : nullptr;
}

int FleetSnapshot::metricIndexOf(std::string_view key) const {
    for (std::size_t i = 0; i < metrics.size(); ++i)
        if (metrics[i].key == key)
            return static_cast<int>(i);
    return -1;
}

const Host *findHost(const std::vector<Host> &sortedByName, std::string_view name) {
    auto it = std::lower_bound(sortedByName.begin(), sortedByName.end(), name,
                               [](const Host &h, std::string_view n) { return h.name < n; });
    return (it != sortedByName.end() && it->name == name) ? &*it : nullptr;
}

const Host *FleetSnapshot::host(std::string_view name) const {
    return findHost(hosts, name);
}

int FleetSnapshot::activeAlertsOn(const Host &h) const {
    const Host *at = &h;
    if (hosts.empty() || at < hosts.data() || at >= hosts.data() + hosts.size())
        at = host(h.name);
    const auto i = at ? static_cast<std::size_t>(at - hosts.data()) : hostAlerts.size();
    return i < hostAlerts.size() ? hostAlerts[i] : 0;
}

bool FleetSnapshot::anyStale(TimeMs now) const {
    return fromCache || std::any_of(sources.begin(), sources.end(),
                                    [now](const SourceHealth &s) { return s.isStale(now); });
}

void summarize(FleetSnapshot &s) {
    FleetSummary sum;
    for (const auto &h : s.hosts)
        sum.hostsDown += h.up == UpState::Down;
    for (const auto &a : s.alerts) {
        if (a.isSilenced() || a.isInhibited() || a.state == AlertState::Suppressed)
            ++sum.alertsSuppressed;
        else if (a.state == AlertState::Active || a.state == AlertState::Firing)
            ++sum.alertsFiring;
    }
    int amConfigured = 0, amAnswering = 0, promAnswering = 0;
    for (const auto &src : s.sources) {
        const bool answers = src.healthy();
        if (src.kind == SourceKind::Alertmanager) {
            ++amConfigured;
            amAnswering += answers;
        } else {
            promAnswering += answers;
        }
    }
    sum.watching = amAnswering > 0 || (promAnswering > 0 && !s.rules.empty());
    if (!sum.watching) {
        if (amConfigured > 0)
            sum.unwatched = "no Alertmanager answers, and no answering Prometheus reports alerting rules";
        else if (promAnswering > 0)
            sum.unwatched = "no Alertmanager is configured and Prometheus reports no alerting rules: nothing "
                            "raises alerts";
        else
            sum.unwatched = "no source has answered yet";
    }
    s.summary = sum;
}

int FleetSnapshot::firingAlertCount() const {
    return static_cast<int>(std::count_if(alerts.begin(), alerts.end(), [](const Alert &a) {
        return a.state == AlertState::Active || a.state == AlertState::Firing;
    }));
}

} // namespace vigil
