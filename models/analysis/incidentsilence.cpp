#include "incidentsilence.h"

#include "../fleet/silencematch.h"

#include <algorithm>
#include <optional>
#include <set>

namespace vigil::analysis {

namespace {

// RE2 and Alertmanager read the same escapes: a host name becomes a literal alternative.
std::string quoteRegex(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

constexpr std::size_t kMaxRegex = 4000; // RE2 patterns are capped at 4,096 characters (fleet/regex.h)

} // namespace

IncidentSilence incidentSilence(const Incident &inc, const TriageResult &triage,
                                const std::vector<Alert> &alerts) {
    IncidentSilence out;
    switch (inc.causeKind) {
    case CauseKind::Group:
        out.matchers.push_back({inc.causeLevel, inc.causeName, false, true});
        return out;
    case CauseKind::Host:
        out.matchers.push_back({triage.hostLabel, inc.causeName, false, true});
        return out;
    case CauseKind::Service:
        out.matchers.push_back({triage.serviceLabel, inc.causeName, false, true});
        return out;
    case CauseKind::AlertGroup:
        break;
    }
    // Alerts grouped by group_by: one matcher per group_by label whose value all members share...
    std::vector<const Alert *> members;
    for (auto i : inc.alerts)
        if (i < alerts.size())
            members.push_back(&alerts[i]);
    if (members.empty()) {
        out.refusal = "the incident has no alerts";
        return out;
    }
    for (const auto &label : triage.groupBy) {
        const std::string value(members.front()->labels.value(label));
        const bool shared =
            !value.empty() && std::all_of(members.begin(), members.end(),
                                          [&](const Alert *a) { return a->labels.value(label) == value; });
        if (shared)
            out.matchers.push_back({label, value, false, true});
    }
    // ...narrowed to the incident's hosts, unless group_by already names the host.
    const bool byHost =
        std::find(triage.groupBy.begin(), triage.groupBy.end(), triage.hostLabel) != triage.groupBy.end();
    if (!byHost) {
        std::set<std::string> hosts;
        bool allHaveHost = true;
        for (const Alert *a : members) {
            const auto h = a->labels.value(triage.hostLabel);
            allHaveHost = allHaveHost && !h.empty();
            if (!h.empty())
                hosts.emplace(h);
        }
        if (allHaveHost && hosts.size() == 1) {
            out.matchers.push_back({triage.hostLabel, *hosts.begin(), false, true});
        } else if (allHaveHost) {
            std::string regex;
            for (const auto &h : hosts)
                regex += (regex.empty() ? "" : "|") + quoteRegex(h);
            if (regex.size() > kMaxRegex) {
                out.matchers.clear();
                out.refusal = "the incident spans " + std::to_string(hosts.size()) +
                              " hosts, too many to name in one silence; silence by a narrower matcher";
                return out;
            }
            out.matchers.push_back({triage.hostLabel, regex, true, true});
        } else {
            out.matchers.clear();
            out.refusal = "some of its alerts name no host (" + triage.hostLabel + "), so a silence by " +
                          inc.causeLevel + " could reach alerts outside it";
            return out;
        }
    }
    if (out.matchers.empty())
        out.refusal = "its alerts share no " + inc.causeLevel + " value";
    return out;
}

std::vector<SilenceMatcher> alertSilence(const Alert &alert, const TriageResult &triage) {
    const auto name = alert.labels.value("alertname");
    const auto host = alert.labels.value(triage.hostLabel);
    if (!name.empty() && !host.empty())
        return {{"alertname", std::string(name), false, true},
                {triage.hostLabel, std::string(host), false, true}};
    // No host to narrow by: the alert's whole label set, which is its identity in Alertmanager.
    std::vector<SilenceMatcher> out;
    for (const auto &l : alert.labels.labels())
        out.push_back({l.name, l.value, false, true});
    return out;
}

std::string alertmanagerSourceOf(const FleetSnapshot &snapshot, const Incident &incident) {
    for (auto i : incident.alerts)
        if (auto s = vigil::alertmanagerSourceOf(snapshot.alerts[i]); !s.empty())
            return s;
    return {};
}

} // namespace vigil::analysis
