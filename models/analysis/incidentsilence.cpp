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

// A host's values under a label that may carry a port: "web-1", "web-1:9100"; "[fe80::1]:9100".
std::string portPattern(const std::string &host) {
    if (host.find(':') != std::string::npos)
        return quoteRegex(host) + "|\\[" + quoteRegex(host) + "\\](:[0-9]+)?";
    return quoteRegex(host) + "(:[0-9]+)?";
}

// The one matcher that reaches these hosts' alerts (and later ones on the same hosts): by the label
// the members name their hosts with. Members that name hosts by different labels (node on one,
// instance on another) cannot be reached by one matcher: nullopt, and why in *refusal.
std::optional<SilenceMatcher> hostMatcher(const HostIdentity &id, const std::set<std::string> &hosts,
                                          const std::vector<const Alert *> &members, std::string *refusal) {
    std::set<std::string, std::less<>> labels;
    bool ported = false;
    for (const Alert *a : members) {
        if (id.hostOf(*a) != id.hostOf(a->labels)) {
            *refusal =
                "some of its alerts are on their host through a join (e.g. kube_pod_info), by no label "
                "Alertmanager sees; silence them by their own labels";
            return std::nullopt;
        }
        const auto l = id.labelOf(a->labels);
        if (l.empty())
            continue;
        labels.emplace(l);
        ported = ported || a->labels.value(l) != id.hostOf(a->labels);
    }
    if (labels.size() > 1) {
        std::string names;
        for (const auto &l : labels)
            names += (names.empty() ? "" : ", ") + l;
        *refusal = "its alerts name their hosts by different labels (" + names +
                   "), which no one silence can match; silence its alerts one by one";
        return std::nullopt;
    }
    const std::string label = labels.empty() ? id.labels.front() : *labels.begin();
    if (!ported && hosts.size() == 1)
        return SilenceMatcher{label, *hosts.begin(), false, true};
    std::string regex;
    for (const auto &h : hosts)
        regex += (regex.empty() ? "" : "|") + (ported ? portPattern(h) : quoteRegex(h));
    if (regex.size() > kMaxRegex) {
        *refusal = "the incident spans " + std::to_string(hosts.size()) +
                   " hosts, too many to name in one silence; silence by a narrower matcher";
        return std::nullopt;
    }
    return SilenceMatcher{label, regex, true, true};
}

} // namespace

IncidentSilence incidentSilence(const Incident &inc, const TriageResult &triage,
                                const std::vector<Alert> &alerts) {
    IncidentSilence out;
    std::vector<const Alert *> members;
    for (auto i : inc.alerts)
        if (i < alerts.size())
            members.push_back(&alerts[i]);
    switch (inc.causeKind) {
    case CauseKind::Group:
        out.matchers.push_back({inc.causeLevel, inc.causeName, false, true});
        return out;
    case CauseKind::Host: {
        std::vector<const Alert *> onHost;
        for (const Alert *a : members)
            if (triage.identity.hostOf(*a) == inc.causeName)
                onHost.push_back(a);
        if (auto m = hostMatcher(triage.identity, {inc.causeName}, onHost, &out.refusal))
            out.matchers.push_back(std::move(*m));
        return out;
    }
    case CauseKind::Service:
        out.matchers.push_back({triage.serviceLabel, inc.causeName, false, true});
        return out;
    case CauseKind::AlertGroup:
        break;
    }
    // Alerts grouped by group_by: one matcher per group_by label whose value all members share...
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
    const auto &idLabels = triage.identity.labels;
    const bool byHost =
        !triage.identity.stripPort && idLabels.size() == 1 &&
        std::find(triage.groupBy.begin(), triage.groupBy.end(), idLabels.front()) != triage.groupBy.end();
    if (!byHost) {
        std::set<std::string> hosts;
        for (const Alert *a : members) {
            const auto host = triage.identity.hostOf(*a);
            if (host.empty()) {
                out.matchers.clear();
                out.refusal = "some of its alerts name no host (" + triage.identity.describe() +
                              "), so a silence by " + inc.causeLevel + " could reach alerts outside it";
                return out;
            }
            hosts.emplace(host);
        }
        auto m = hostMatcher(triage.identity, hosts, members, &out.refusal);
        if (!m) {
            out.matchers.clear();
            return out;
        }
        out.matchers.push_back(std::move(*m));
    }
    if (out.matchers.empty())
        out.refusal = "its alerts share no " + inc.causeLevel + " value";
    return out;
}

std::vector<SilenceMatcher> alertSilence(const Alert &alert, const TriageResult &triage) {
    const auto name = alert.labels.value("alertname");
    const auto label = triage.identity.labelOf(alert.labels);
    if (!name.empty() && !label.empty())
        return {{"alertname", std::string(name), false, true},
                {std::string(label), std::string(alert.labels.value(label)), false, true}};
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
