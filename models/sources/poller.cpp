#include "poller.h"

#include "../support/guard.h"
#include "alertmanageradapter.h"
#include "prometheusadapter.h"
#include "promnormalize.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace vigil {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

const std::string kFactsInventory = "facts/up"; // the inventory the facts last read were placed on
std::string factKey(std::size_t i) {
    return "fact:" + std::to_string(i);
}
} // namespace

struct Poller::Round {
    std::uint64_t id = 0;
    Clock::time_point started;
    Clock::time_point lastResponse;
    int pending = 0;
    std::map<std::string, HttpResponse> responses;
    std::shared_ptr<ByteBudget> budget; // all of this round's answers together
};

Poller::Poller(std::shared_ptr<HttpClient> client, SourceConfig source, SourceKind kind, std::string url,
               int index, QueryProfile profile, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_source(std::move(source))
    , m_kind(kind)
    , m_url(std::move(url))
    , m_profile(std::move(profile))
    , m_timer(this) {
    m_health.name = m_source.name;
    m_health.kind = kind;
    m_health.url = m_url;
    m_health.intervalMs = m_source.intervalMs;
    m_health.id = m_source.name +
                  (kind == SourceKind::Prometheus ? "/prometheus" : "/alertmanager#" + std::to_string(index));
    m_timer.setInterval(static_cast<int>(m_source.intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &Poller::pollNow);
}

Poller::~Poller() {
    m_box->close();
    stop();
}

void Poller::start() {
    m_timer.start();
    pollNow();
}

void Poller::stop() {
    m_timer.stop();
    for (auto id : m_inflight)
        m_client->cancel(id);
    m_inflight.clear();
    m_current.reset();
}

void Poller::pollNow() {
    if (m_current) {
        // The previous round is still out: never pile up requests on a slow server. Every request has
        // a timeout, so a round older than its requests' worst case lost an answer on the way (a
        // failure inside the network layer): give it up rather than stop polling for good.
        const auto timeoutMs =
            m_kind == SourceKind::Alertmanager ? m_source.alertmanagerTimeoutMs : m_source.timeoutMs;
        const auto deadline = std::chrono::milliseconds(4 * timeoutMs + m_source.intervalMs + 5000);
        if (Clock::now() - m_current->started < deadline)
            return;
        for (auto id : m_inflight)
            m_client->cancel(id);
        m_health.lastError = "a poll round got no complete answer within " +
                             std::to_string(deadline.count() / 1000) + " s; polling again";
    }
    m_current = std::make_unique<Round>();
    m_current->id = ++m_round;
    m_current->started = Clock::now();
    m_current->budget = std::make_shared<ByteBudget>(static_cast<std::size_t>(m_source.maxPollBytes));
    m_inflight.clear();
    m_health.lastAttempt = nowMs();
    sendAll();
}

void Poller::sendAll() {
    if (m_kind == SourceKind::Prometheus) {
        issue("up", prometheus::queryRequest(m_url, m_profile.upQuery));
        for (std::size_t i = 0; i < m_profile.metrics.size(); ++i)
            issue("metric:" + std::to_string(i), prometheus::queryRequest(m_url, m_profile.metrics[i].query));
        if (m_health.lastAttempt + m_source.intervalMs / 2 >= m_factsDue) // the round nearest it
            for (std::size_t i = 0; i < m_profile.facts.size(); ++i)
                issue(factKey(i), prometheus::queryRequest(m_url, m_profile.facts[i].query));
        for (std::size_t i = 0; i < m_profile.joins.size(); ++i)
            issue("join:" + std::to_string(i), prometheus::queryRequest(m_url, m_profile.joins[i].query));
        if (!m_profile.edgeQuery.empty())
            issue("edges", prometheus::queryRequest(m_url, m_profile.edgeQuery));
        if (!m_profile.edgeErrorQuery.empty())
            issue("edgeErrors", prometheus::queryRequest(m_url, m_profile.edgeErrorQuery));
        issue("alerts", prometheus::getRequest(m_url, "/api/v1/alerts"));
        if (due(m_rulesRound))
            issue("rules", prometheus::getRequest(m_url, "/api/v1/rules"));
        if (due(m_versionRound))
            issue("buildinfo", prometheus::getRequest(m_url, "/api/v1/status/buildinfo"));
        if (m_source.externalLabels.empty() && m_health.lastAttempt >= m_externalLabelsNext)
            issue("config", prometheus::getRequest(m_url, "/api/v1/status/config"));
    } else {
        issue("alerts", alertmanager::alertsRequest(m_url));
        issue("silences", alertmanager::silencesRequest(m_url));
        issue("status", alertmanager::statusRequest(m_url));
        // The groups follow the alerts answer (onResponse): only when it changed.
    }
}

void Poller::issue(const std::string &key, HttpRequest req) {
    req.auth = m_source.auth;
    req.tls = tlsOf(m_source);
    req.budget = m_current->budget;
    req.bucket = m_health.id;
    req.timeout = std::chrono::milliseconds(
        m_kind == SourceKind::Alertmanager ? m_source.alertmanagerTimeoutMs : m_source.timeoutMs);
    // Retries must finish within the interval: one retry for polls.
    req.maxRetries = 1;
    ++m_current->pending;
    const std::uint64_t round = m_current->id;
    m_inflight.push_back(
        m_client->send(std::move(req), [box = m_box, self = this, round, key](HttpResponse r) {
            // On the Asio thread: hand the response to the poller's own thread. Qt runs the functor only
            // while `self` (its context) lives; the box keeps `self` alive while posting.
            box->post([self, round, key, r = std::move(r)]() mutable {
                self->onResponse(round, key, std::move(r));
            });
        }));
}

void Poller::onResponse(std::uint64_t round, const std::string &key, HttpResponse response) {
    if (!m_current || m_current->id != round)
        return; // a stale answer from a round we abandoned
    m_current->lastResponse = Clock::now();
    if (m_kind == SourceKind::Alertmanager && key == "alerts" && wantGroups(response))
        issue("groups", alertmanager::groupsRequest(m_url));
    m_current->responses.emplace(key, std::move(response));
    if (--m_current->pending == 0)
        finishRound();
}

bool Poller::wantGroups(const HttpResponse &alerts) const {
    // Alertmanager's groups are its alerts arranged by its routes: the same alerts, the same groups
    // (a configuration reload aside, which the minute covers). Asking costs it a second pass over
    // every alert.
    return alerts.ok() && (!m_answers.same("alerts", alerts.body) || due(m_groupsRound));
}

void Poller::repeatWarnings(const std::string &key, PollData &data) const {
    const auto &lines = m_answers.warnings(key);
    data.health.warnings.insert(data.health.warnings.end(), lines.begin(), lines.end());
}

template <class Parse, class Take>
void Poller::readChanged(const std::string &key, const std::string &endpoint, const std::string &body,
                         PollData &data, std::vector<std::string> &errors, Parse parse, Take take,
                         std::optional<AnswerMemory::Digest> digest) {
    if (!digest)
        digest = AnswerMemory::digest(body);
    if (m_answers.same(key, *digest)) {
        repeatWarnings(key, data);
        return;
    }
    Skipped skipped;
    auto r = parse(body, &skipped);
    auto lines = skipped.describe(endpoint);
    data.health.warnings.insert(data.health.warnings.end(), lines.begin(), lines.end());
    if (r) {
        take(std::move(r.value()));
        m_answers.remember(key, *digest, std::move(lines));
    } else {
        errors.push_back(r.error().describe());
        m_answers.forget(key);
    }
}

void Poller::finishRound() {
    std::shared_ptr<PollData> data;
    try {
        data = m_kind == SourceKind::Prometheus ? buildPrometheus() : buildAlertmanager();
    } catch (const std::exception &e) {
        // The adapters check every type; this is the net under them. The source fails this round, the
        // fleet already known stays, the next round starts as usual.
        noteEscapedException("reading a poll's answers", e.what());
        data = std::make_shared<PollData>();
        data->health.lastError = std::string("internal error while reading the answers: ") + e.what();
    }
    data->timings.receiveMs =
        std::chrono::duration<double, std::milli>(m_current->lastResponse - m_current->started).count();
    data->timings.receivedNs =
        std::chrono::duration_cast<std::chrono::nanoseconds>(m_current->lastResponse.time_since_epoch())
            .count();
    std::uint64_t bytes = 0;
    double latency = 0;
    for (const auto &[k, r] : m_current->responses) {
        bytes += r.wireBytes;
        latency = std::max(latency, r.elapsedMs);
    }
    m_health.lastLatencyMs = latency;
    m_health.lastBytes = bytes;
    data->timings.bytes = bytes;
    if (data->health.lastError.empty())
        m_health.lastSuccess = m_health.lastAttempt;
    m_health.lastError = data->health.lastError;
    m_health.warnings = data->health.warnings;
    if (!m_source.auth.empty() && m_url.starts_with("http://"))
        m_health.warnings.insert(
            m_health.warnings.begin(),
            std::string(m_source.auth.bearerToken.empty() ? "a password" : "a bearer token") +
                " is sent over plain http:// to " + m_url +
                ": anyone on the path can read it (use https://)");
    if (!m_source.secretProblem.empty())
        m_health.warnings.insert(m_health.warnings.begin(), "the secret in the keychain was not read (" +
                                                                m_source.secretProblem +
                                                                "): requests go without it");
    if (!data->health.version.empty())
        m_health.version = data->health.version;
    backOff();
    data->health = m_health;
    data->time = m_health.lastAttempt;
    m_current.reset();
    m_inflight.clear();
    Q_EMIT polled(std::move(data));
}

void Poller::backOff() {
    // An outage (no request of the round got an answer below 500: refused, reset, DNS, timeouts, 5xx)
    // that lasts: after 4 such rounds in a row poll at twice the interval, after 8 at four times, never
    // slower than once a minute (or the interval, if longer). A short fault is still seen to clear
    // within an interval; a server coming back from an hour down is not met by every client at once.
    bool answered = false;
    for (const auto &[k, r] : m_current->responses)
        answered = answered || (r.error == HttpError::None && r.status > 0 && r.status < 500);
    m_outageRounds = answered ? 0 : m_outageRounds + 1;
    const std::int64_t factor = m_outageRounds <= 4 ? 1 : m_outageRounds <= 8 ? 2 : 4;
    const std::int64_t next =
        std::min(m_source.intervalMs * factor, std::max<std::int64_t>(m_source.intervalMs, 60'000));
    if (next != m_timer.interval())
        m_timer.setInterval(static_cast<int>(next));
    if (next > m_source.intervalMs)
        m_health.warnings.push_back("no answer for " + std::to_string(m_outageRounds) +
                                    " rounds: polling every " + std::to_string(next / 1000) +
                                    " s until it answers");
}

// An answer's body when it came and passed its API's checks (`check`: the adapter's checkResponse);
// otherwise null, and a problem in `sink` when it came but failed them.
const std::string *Poller::checkedBody(const std::string &key, const std::string &endpoint,
                                       std::vector<std::string> &sink, CheckResponse check) {
    auto it = m_current->responses.find(key);
    if (it == m_current->responses.end())
        return nullptr;
    auto checked = check(it->second, endpoint);
    if (!checked) {
        sink.push_back(checked.error().describe());
        return nullptr;
    }
    return &it->second.body;
}

// global.external_labels from /api/v1/status/config, asked for every 10 minutes (every minute while it
// cannot be read).
void Poller::readExternalLabels() {
    if (auto it = m_current->responses.find("config"); it != m_current->responses.end()) {
        auto checked = prometheus::checkResponse(it->second, "/api/v1/status/config");
        auto r =
            checked ? prometheus::parseExternalLabels(it->second.body) : Result<LabelSet>(checked.error());
        if (r) {
            if (r.value() != m_externalLabels)
                m_answers.forget("alerts"); // read them again, with the new labels
            m_externalLabels = std::move(r.value());
            m_externalLabelsProblem.clear();
            m_externalLabelsNext = m_health.lastAttempt + 600'000;
        } else {
            m_externalLabelsProblem = r.error().describe();
            m_externalLabelsNext = m_health.lastAttempt + 60'000;
        }
    }
}

// Rules explain alerts but are not essential: a backend without the rules API (some Prometheus-compatible
// stores) is a warning, not an unhealthy source. Read every kSlowRounds rounds: a round that did not ask
// (or got the same bytes) keeps the last rules.
void Poller::readRules(PollData &data) {
    std::optional<std::vector<AlertRule>> rules;
    if (m_current->responses.find("rules") == m_current->responses.end()) {
        repeatWarnings("rules", data);
    } else {
        std::vector<std::string> problems;
        if (const std::string *b = checkedBody("rules", "/api/v1/rules", problems, prometheus::checkResponse))
            readChanged("rules", "/api/v1/rules", *b, data, problems, prometheus::parseRules,
                        [&](std::vector<AlertRule> read) { rules = std::move(read); });
        // Every round until each rule has been evaluated once (its health known).
        if (rules)
            m_rulesEvaluated = std::none_of(rules->begin(), rules->end(), [](const AlertRule &x) {
                return x.health.empty() || x.health == "unknown";
            });
        m_rulesRound = problems.empty() && m_rulesEvaluated ? m_current->id : 0;
        for (auto &p : problems)
            data.health.warnings.push_back(std::move(p) + " (rule expressions and health are not shown)");
    }
    if (rules) {
        data.hasRules = true;
        for (auto &r : *rules)
            r.source = m_health.id;
        data.rules = std::move(*rules);
    }
}

std::optional<std::vector<std::optional<PromQueryResult>>> Poller::readFacts(PollData &data,
                                                                             const ReadQuery &query) {
    // Facts are configuration: the largest answers of a round, the same round after round but for
    // their evaluation time, until someone changes a machine. Asked every facts_interval (m_factsDue),
    // read only when they or the inventory changed, evaluation time aside.
    if (m_profile.facts.empty())
        return std::vector<std::optional<PromQueryResult>>(); // none to read: nothing to compare
    const auto &responses = m_current->responses;
    const auto digestOf = [&](const std::string &key) -> std::optional<AnswerMemory::Digest> {
        const auto it = responses.find(key);
        if (it == responses.end() || !it->second.ok())
            return std::nullopt;
        return AnswerMemory::timelessDigest(it->second.body);
    };
    const auto inventory = digestOf("up");
    const auto known = [this](const std::string &key, const std::optional<AnswerMemory::Digest> &d) {
        return d && m_answers.same(key, *d);
    };
    if (responses.find(factKey(0)) == responses.end()) {
        // Not asked this round: the last facts stand; asked next round if the hosts changed.
        for (std::size_t i = 0; i < m_profile.facts.size(); ++i)
            repeatWarnings(factKey(i), data);
        if (inventory && !known(kFactsInventory, inventory))
            m_factsDue = 0;
        return std::nullopt;
    }
    m_factsDue = m_health.lastAttempt + m_source.factsIntervalMs; // unless a failure below says now

    std::vector<std::optional<AnswerMemory::Digest>> digests;
    for (std::size_t i = 0; i < m_profile.facts.size(); ++i)
        digests.push_back(digestOf(factKey(i)));
    bool same = known(kFactsInventory, inventory);
    for (std::size_t i = 0; same && i < digests.size(); ++i)
        same = known(factKey(i), digests[i]);
    if (same) {
        for (std::size_t i = 0; i < digests.size(); ++i)
            repeatWarnings(factKey(i), data);
        return std::nullopt;
    }
    std::vector<std::optional<PromQueryResult>> out;
    for (std::size_t i = 0; i < m_profile.facts.size(); ++i) {
        const std::size_t before = data.health.warnings.size();
        out.push_back(query(factKey(i), m_profile.facts[i].name, nullptr));
        std::vector<std::string> lines(data.health.warnings.begin() + static_cast<std::ptrdiff_t>(before),
                                       data.health.warnings.end());
        if (digests[i] && out.back())
            m_answers.remember(factKey(i), *digests[i], std::move(lines));
        else
            m_answers.forget(factKey(i));
    }
    if (inventory)
        m_answers.remember(kFactsInventory, *inventory, {});
    else
        m_answers.forget(kFactsInventory);
    return out;
}

void Poller::forgetFacts() {
    m_factsDue = 0;
    m_answers.forget(kFactsInventory);
    for (std::size_t i = 0; i < m_profile.facts.size(); ++i)
        m_answers.forget(factKey(i));
}

std::shared_ptr<PollData> Poller::buildPrometheus() {
    auto data = std::make_shared<PollData>();
    std::vector<std::string> errors;
    // Problems go to `sink` (the round's errors unless an optional query says otherwise).
    auto body = [&](const std::string &key, const std::string &endpoint,
                    std::vector<std::string> *sink = nullptr) -> const std::string * {
        return checkedBody(key, endpoint, sink ? *sink : errors, prometheus::checkResponse);
    };
    auto noteSkipped = [&](const Skipped &skipped, const std::string &endpoint) {
        for (auto &line : skipped.describe(endpoint))
            data->health.warnings.push_back(std::move(line));
    };
    auto t0 = Clock::now();
    double normalizeMs = 0;
    const std::vector<std::string> *keep = nullptr; // set while the metric queries are read
    const ReadQuery query = [&](const std::string &key, const std::string &what,
                                std::vector<std::string> *sink) -> std::optional<PromQueryResult> {
        const std::string endpoint = "/api/v1/query (" + what + ")";
        const std::string *b = body(key, endpoint, sink);
        if (!b)
            return std::nullopt;
        Skipped skipped;
        auto r = prometheus::parseQuery(*b, endpoint, &skipped, keep);
        noteSkipped(skipped, endpoint);
        if (!r) {
            (sink ? *sink : errors).push_back(r.error().describe());
            return std::nullopt;
        }
        for (auto &w : r->warnings)
            data->health.warnings.push_back(what + ": " + w);
        if (r->type != PromQueryResult::Type::Vector) {
            (sink ? *sink : errors)
                .push_back(endpoint + ": expected an instant vector, the query returned another type");
            return std::nullopt;
        }
        return std::move(r.value());
    };

    auto up = query("up", "inventory: " + m_profile.upQuery, nullptr);
    // A metric's samples are matched to hosts by the identity's labels; no other label is read.
    std::vector<std::optional<PromQueryResult>> metrics;
    keep = &m_profile.host.labels;
    for (std::size_t i = 0; i < m_profile.metrics.size(); ++i)
        metrics.push_back(query("metric:" + std::to_string(i), m_profile.metrics[i].key, nullptr));
    keep = nullptr;
    const auto facts = readFacts(*data, query);
    // Joins place alerts; without one, alerts stay where their own labels put them: a warning.
    data->joins.resize(m_profile.joins.size());
    for (std::size_t i = 0; i < m_profile.joins.size(); ++i) {
        std::vector<std::string> problems;
        if (auto r = query("join:" + std::to_string(i), "join " + m_profile.joins[i].query, &problems))
            data->joins[i] = promnormalize::joinTable(m_profile.joins[i], *r);
        for (auto &p : problems)
            data->health.warnings.push_back(std::move(p) + " (alerts are placed without this join)");
    }
    std::optional<PromQueryResult> edges, edgeErrors;
    if (!m_profile.edgeQuery.empty())
        edges = query("edges", "edges: " + m_profile.edgeQuery, nullptr);
    if (!m_profile.edgeErrorQuery.empty())
        edgeErrors = query("edgeErrors", "edge errors: " + m_profile.edgeErrorQuery, nullptr);
    readExternalLabels();
    std::optional<std::vector<PromRuleAlert>> ruleAlerts;
    if (const std::string *b = body("alerts", "/api/v1/alerts"))
        readChanged(
            "alerts", "/api/v1/alerts", *b, *data, errors, prometheus::parseAlerts,
            [&](std::vector<PromRuleAlert> alerts) { ruleAlerts = std::move(alerts); },
            AnswerMemory::alertSetDigest(*b));
    readRules(*data);
    if (const std::string *b = body("buildinfo", "/api/v1/status/buildinfo")) {
        // The version is shown, not needed: an unreadable answer is a warning.
        if (auto r = prometheus::parseBuildInfo(*b)) {
            data->health.version = r->version;
            m_versionRound = m_current->id;
        } else
            data->health.warnings.push_back(r.error().describe());
    }
    // Not knowing them matters only where Alertmanager holds a second copy of the same alerts.
    if (!m_externalLabelsProblem.empty() && !m_source.alertmanagerUrls.empty())
        data->health.warnings.push_back(
            "external labels unknown (" + m_externalLabelsProblem +
            "): if this Prometheus sets global.external_labels, list their names under the source's "
            "external_labels, or its alerts and Alertmanager's copies are shown twice");
    data->timings.parseMs = msSince(t0);

    auto t1 = Clock::now();
    if (up) {
        promnormalize::hosts(*data, *up, metrics, m_profile, m_health.lastAttempt, m_health.id);
        if (facts)
            promnormalize::facts(*data, *facts, m_profile);
    }
    if (facts && !data->hasFacts)
        forgetFacts(); // not taken: read them again next round
    if (edges)
        promnormalize::serviceEdges(*data, *edges, edgeErrors ? &*edgeErrors : nullptr, m_profile);
    if (ruleAlerts)
        promnormalize::ruleAlerts(*data, std::move(*ruleAlerts), m_externalLabels, m_health.id);
    normalizeMs = msSince(t1);
    data->timings.normalizeMs = normalizeMs;
    if (!errors.empty()) {
        data->health.lastError = errors.front();
        for (std::size_t i = 1; i < errors.size(); ++i)
            data->health.warnings.push_back(errors[i]);
    }
    return data;
}

std::shared_ptr<PollData> Poller::buildAlertmanager() {
    auto data = std::make_shared<PollData>();
    auto &responses = m_current->responses;
    std::vector<std::string> errors;
    auto t0 = Clock::now();
    auto body = [&](const std::string &key, const std::string &endpoint) {
        return checkedBody(key, endpoint, errors, alertmanager::checkResponse);
    };
    if (const std::string *b = body("alerts", "/api/v2/alerts"))
        readChanged("alerts", "/api/v2/alerts", *b, *data, errors, alertmanager::parseAlerts,
                    [&](std::vector<Alert> alerts) {
                        data->hasAlerts = true;
                        data->alerts = std::move(alerts);
                        for (auto &a : data->alerts)
                            a.seenBy = {m_health.id};
                    });
    if (const std::string *b = body("silences", "/api/v2/silences"))
        readChanged("silences", "/api/v2/silences", *b, *data, errors, alertmanager::parseSilences,
                    [&](std::vector<Silence> silences) {
                        data->hasSilences = true;
                        data->silences = std::move(silences);
                        for (auto &s : data->silences)
                            s.seenBy = {m_health.id};
                    });
    // Alertmanager's own grouping is shown beside Vigil's; without it triage still works, so a
    // failure here is a warning. Asked only when the alerts changed (wantGroups).
    if (auto it = responses.find("groups"); it == responses.end()) {
        repeatWarnings("groups", *data);
    } else {
        auto checked = alertmanager::checkResponse(it->second, "/api/v2/alerts/groups");
        Skipped skipped;
        auto r = checked ? alertmanager::parseGroups(it->second.body, &skipped)
                         : Result<std::vector<AlertGroup>>(checked.error());
        auto lines = skipped.describe("/api/v2/alerts/groups");
        data->health.warnings.insert(data->health.warnings.end(), lines.begin(), lines.end());
        if (r) {
            m_answers.remember("groups", it->second.body, std::move(lines));
            m_groupsRound = m_current->id;
            data->hasGroups = true;
            for (auto &g : r.value()) {
                AlertmanagerGroup out;
                out.labels = std::move(g.labels);
                out.receiver = std::move(g.receiver);
                for (const auto &a : g.alerts)
                    out.fingerprints.push_back(a.fingerprint);
                std::sort(out.fingerprints.begin(), out.fingerprints.end());
                data->groups.push_back(std::move(out));
            }
        } else {
            m_groupsRound = 0; // ask again next round
            data->health.warnings.push_back(r.error().describe());
        }
    }
    if (const std::string *b = body("status", "/api/v2/status")) {
        if (auto r = alertmanager::parseStatus(*b))
            data->health.version = r->version;
        else
            errors.push_back(r.error().describe());
    }
    data->timings.parseMs = msSince(t0);
    if (!errors.empty()) {
        data->health.lastError = errors.front();
        for (std::size_t i = 1; i < errors.size(); ++i)
            data->health.warnings.push_back(errors[i]);
    }
    return data;
}

} // namespace vigil
