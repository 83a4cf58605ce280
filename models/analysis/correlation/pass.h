#pragma once
// One Correlator::update, stage by stage (internal to the correlator). Each stage reads what the stages
// before it left in the pass and leaves its own for the next:
//   placement.cpp   place every alert in the graph (remembered by fingerprint), note returns;
//   failures.cpp    1. physical failures: failing hosts counted up their groups, the failing groups;
//                   2. failing services and what they fail because of, with the counter-evidence;
//   causes.cpp      3. each alert to its cause (group, host, service, a workload's node, or by time);
//   incidents.cpp   4. incidents, one per cause, with their members and evidence; 5. their rank.
#include "analysis/causemagnitude.h"
#include "analysis/correlation.h"

#include <limits>
#include <set>
#include <unordered_map>
#include <vector>

namespace vigil::analysis {

namespace correlation {

inline constexpr TimeMs kNever = std::numeric_limits<TimeMs>::max();
// Pass::viaDependency beyond 0/1: joined by time alone; a workload's own alert; a job's targets down.
inline constexpr char kByTime = 2, kWorkload = 3, kTargets = 4;
// Pass::pickCause's service for an alert of no service that a failing host of none may still explain.
inline constexpr int kNoSiblings = -2;

inline bool suppressed(const Alert &a) {
    return a.state == AlertState::Suppressed || a.isSilenced() || a.isInhibited();
}

// A topological cause: a node of the graph with the time its failure began.
struct Cause {
    int node = -1;
    CauseKind kind = CauseKind::AlertGroup;
    TimeMs onset = kNever;
};

} // namespace correlation

struct Correlator::Pass {
    using Cause = correlation::Cause;

    Pass(Correlator &correlator, const FleetGraph &graph, const std::vector<Alert> &input, TimeMs at,
         TriageResult &out)
        : self(correlator)
        , g(graph)
        , alerts(input)
        , now(at)
        , result(out)
        , n(input.size())
        , nodes(graph.nodes().size())
        , live(correlator.m_scratch.live)
        , sup(correlator.m_scratch.sup)
        , start(correlator.m_scratch.start)
        , loc(correlator.m_scratch.loc)
        , causeOf(correlator.m_scratch.causeOf)
        , pseudo(correlator.m_scratch.pseudo)
        , viaDependency(correlator.m_scratch.viaDependency)
        , kindOf(correlator.m_scratch.kindOf) {}

    void placeAlerts();
    void physicalFailures();
    void serviceFailures();
    // Services no host runs that fail by the weight of their own alerts (CorrelationOptions::
    // serviceFailureWeight), each with when the alerts that made it began; marks them in ownFailing.
    std::vector<std::pair<int, TimeMs>> hostlessFailures();
    // Of those failing by warnings alone, the ones a failure of a service they depend on began before
    // (a cascade) are not failures of their own: their alerts are that service's dependents; nor, where
    // no edge leads, those whose alerts burst with a failure that began before them (joined by time).
    void dropCascades(std::vector<std::pair<TimeMs, int>> &failures); // (onset, service)
    // Failures of services whose place in the dependency graph is unknown (no edge in or out) with which
    // failures by warnings alone of at least hiddenDependencyServices services whose place is known began
    // (from the lead before it), their alerts' kinds quiet before and bursting with it. Such a service may be
    // what those depend on unseen (name resolution, which a mesh's request metrics do not show), as one whose
    // known edges lead elsewhere cannot be: their failures are joined to it by time.
    std::vector<Cause> hiddenDependencies(const std::vector<std::pair<TimeMs, int>> &failures);
    // Most of the alerts a service was weighed by are of kinds that were quiet and burst with a failure.
    [[nodiscard]] bool burstsWith(int svc, TimeMs onset);
    // Each service's own failures to what can explain trouble on it and on the services depending on it;
    // not a service failing on too few of its hosts to explain what began on a dependent (counter-evidence
    // against it, by CauseMagnitude, in `unexplained` and `tooSmallFor`).
    void passOn(const CauseMagnitude &magnitude);
    void assignCauses();
    void formIncidents();
    void collectMembers();
    void describeIncidents();
    void rankIncidents();

    // A group counts as failing: alerted itself, or enough of its hosts failing.
    [[nodiscard]] bool impaired(int node) const;
    // Trouble starting at t began with a failure at onset (within the lead and the window).
    [[nodiscard]] bool near(TimeMs t, TimeMs onset) const;
    // For an alert starting at t: the failure that began most recently before it (within the window);
    // a physical group wins a tie, being the more upstream cause.
    [[nodiscard]] const Cause *pickCause(const std::vector<Cause> &list, TimeMs t, int host,
                                         int service) const;
    // The failing hosts a workload's pods run on (FleetGraph's `runs`), each as a cause with its group.
    const std::vector<Cause> &workloadCauses(int svc);
    // For an alert of a workload starting at t: a failing host its pods ran on, or that host's failing
    // group (workloadCauses). For one on a pod of it elsewhere (host >= 0), only a group, or a host that
    // is down (Correlator::update's `hosts`): a node still up, failing by a full volume, moves no pods.
    const Cause *workloadCause(int svc, TimeMs t, int host);
    // Failing hosts that are down (Correlator::update's `hosts`), each as a cause with its failing group;
    // of a service, those holding its hosts (or its pods' nodes); svc -1: all of them.
    const std::vector<Cause> &targetCauses(int svc);
    // A host cause that is one of its service's several hosts and still up: too small to explain trouble
    // on the services depending on it (Correlator::update's `hosts`).
    [[nodiscard]] bool standing(const Cause &c, int svc) const;
    // A host node's up state (Correlator::update's `hosts`); Unknown without them.
    [[nodiscard]] UpState upOf(int host) const;

    Correlator &self;
    const FleetGraph &g;
    const std::vector<Alert> &alerts;
    const TimeMs now;
    TriageResult &result;
    const std::size_t n, nodes;
    const std::vector<Host> *hosts = nullptr; // sorted by name, for their up state; may be absent

    // Placement: per alert (the correlator's scratch, kept between updates for its capacity).
    std::vector<char> &live, &sup;
    std::vector<TimeMs> &start; // when its trouble began
    std::vector<const Located *> &loc;
    // Physical failures, per graph node.
    std::vector<TimeMs> onsetMin, onsetMax;
    std::vector<int> failing; // failing hosts below a group
    std::vector<char> alerted, hostFailing;
    std::vector<int> causeGroup;  // the outermost failing group above each node
    std::vector<char> ownFailing; // per service node: no host runs it, it fails by its own alerts
    std::unordered_map<int, std::vector<std::uint32_t>> weighed; // by such a service: the alerts weighed
    // Services: each one's own failures, what can explain trouble on it, failures of any kind.
    std::unordered_map<int, std::vector<Cause>> own;
    std::vector<std::vector<Cause>> serviceCauses;                 // by service node
    std::unordered_map<int, std::vector<Unexplained>> unexplained; // by cause node
    std::unordered_map<int, int> hostsLost;    // by service failing on several hosts (no alert of its own)
    std::set<std::pair<int, int>> tooSmallFor; // (cause node, dependent service) judged by passOn
    std::vector<Cause> anyCause;
    std::unordered_map<int, int> backgroundApart; // by cause node: alerts left apart as background
    std::unordered_map<int, std::vector<Cause>> byWorkload;
    std::unordered_map<int, std::vector<Cause>> byTargets; // targetCauses, by service (-1: all)
    // Causes, per alert: the graph node of its cause (or its pseudo group), how it was joined.
    std::vector<int> &causeOf, &pseudo;
    std::vector<char> &viaDependency;
    std::vector<CauseKind> &kindOf;
    // Incidents' members, cause alerts first.
    std::vector<std::vector<std::uint32_t>> causeMembers, otherMembers;
};

} // namespace vigil::analysis
