#include "servicedetail.h"

#include "fleetgraph.h"
#include "topology.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace vigil::analysis {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void countAlerts(ServiceDetail &d, const FleetSnapshot &snap, const std::set<std::string> &members,
                 std::map<std::string, ServiceDetail::HostRow> &rows, const std::string &service,
                 const HostIdentity &identity, const std::string &serviceLabel) {
    std::map<std::string, ServiceDetail::AlertRow> byName;
    std::map<std::string, std::set<std::string>> hostsOf;
    for (const auto &a : snap.alerts) {
        const int sev = healthSeverity(a);
        if (sev < 0 || a.state == AlertState::Resolved)
            continue;
        const std::string host(identity.hostOf(a));
        if (const auto row = rows.find(host); row != rows.end()) {
            ++row->second.alerts;
            row->second.worst = std::max(row->second.worst, sev);
        }
        if (!members.count(host) && a.label(serviceLabel) != service)
            continue;
        ++d.activeAlerts;
        d.worst = std::max(d.worst, sev);
        auto &ar = byName[std::string(a.name())];
        ++ar.count;
        ar.worst = std::max(ar.worst, sev);
        if (!host.empty() && snap.host(host)) // a fleet's host, never an exporter's own address
            hostsOf[std::string(a.name())].insert(host);
    }
    for (auto &[name, r] : byName) {
        r.alertname = name;
        const auto &hs = hostsOf[name];
        r.hosts.assign(hs.begin(), hs.end());
        d.alertRows.push_back(std::move(r));
    }
    std::stable_sort(d.alertRows.begin(), d.alertRows.end(), [](const auto &a, const auto &b) {
        return a.worst != b.worst ? a.worst > b.worst : a.count > b.count;
    });
}

void addDependencies(ServiceDetail &d, const FleetSnapshot &snap, const FleetGraph &graph, int node) {
    std::map<std::pair<std::string, std::string>, const ServiceEdge *> edges;
    for (const auto &e : snap.edges)
        edges[{e.from, e.to}] = &e;
    const std::string &name = graph.node(node).name;
    auto add = [&](bool dependsOn, int other) {
        ServiceDetail::Dependency dep;
        dep.dependsOn = dependsOn;
        dep.service = graph.node(other).name;
        const auto it = edges.find(dependsOn ? std::pair{name, dep.service} : std::pair{dep.service, name});
        dep.requestsPerSecond = it == edges.end() ? kNaN : it->second->requestsPerSecond;
        dep.errorsPerSecond = it == edges.end() ? kNaN : it->second->errorsPerSecond;
        const auto &hosts = hostsOf(graph.node(other));
        for (int h : hosts) {
            const Host *host = snap.host(graph.node(h).name);
            dep.otherUp += host && host->up == UpState::Up;
        }
        dep.otherHosts = static_cast<int>(hosts.size());
        d.dependencies.push_back(std::move(dep));
    };
    for (int c : graph.node(node).callees)
        add(true, c);
    for (int c : graph.node(node).callers)
        add(false, c);
}
} // namespace

ServiceDetail serviceDetail(const FleetSnapshot &snap, const std::string &service,
                            const HostIdentity &identity, const std::string &serviceLabel) {
    ServiceDetail d;
    const FleetGraph *graph = snap.graph.get();
    const int node = graph ? graph->service(service) : -1;
    if (node < 0)
        return d;
    d.found = true;
    const auto &n = graph->node(node);
    std::set<std::string> members; // alerts on these are the service's
    for (int h : n.members)
        members.insert(graph->node(h).name);
    d.runsOnNodes = members.empty() && !n.runs.empty();
    std::set<std::string> shown; // the rows
    for (int h : hostsOf(n))
        shown.insert(graph->node(h).name);
    std::map<std::string, ServiceDetail::HostRow> rows;
    for (const auto &h : shown) {
        auto &r = rows[h];
        r.host = h;
        if (const Host *host = snap.host(h)) {
            r.inInventory = true;
            r.up = host->up;
        }
    }
    countAlerts(d, snap, members, rows, service, identity, serviceLabel);
    d.hosts = static_cast<int>(shown.size());
    for (const auto &[h, r] : rows) {
        d.up += r.inInventory && r.up == UpState::Up;
        d.down += r.inInventory && r.up == UpState::Down;
        d.hostRows.push_back(r);
    }
    std::stable_sort(d.hostRows.begin(), d.hostRows.end(), [](const auto &a, const auto &b) {
        const bool da = a.inInventory && a.up == UpState::Down;
        const bool db = b.inInventory && b.up == UpState::Down;
        if (da != db)
            return da;
        if (a.worst != b.worst)
            return a.worst > b.worst;
        return a.alerts > b.alerts;
    });
    d.callees = static_cast<int>(n.callees.size());
    d.callers = static_cast<int>(n.callers.size());
    d.dependents = static_cast<int>(graph->dependentsOf(node).size());
    addDependencies(d, snap, *graph, node);
    return d;
}

} // namespace vigil::analysis
