#pragma once
// Polls one endpoint (a Prometheus, or one Alertmanager of a cluster) on its interval: issues the
// round's requests through HttpClient, parses and normalizes the answers on its own (worker) thread and
// emits one PollData per round. A slow endpoint never piles up requests: a tick during a round is skipped.
#include "../config/config.h"
#include "../fleet/polldata.h"
#include "../net/httpclient.h"
#include "../support/postbox.h"
#include "answermemory.h"
#include "apierror.h"
#include "prometheusadapter.h"
#include "sourcetls.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

class Poller final : public QObject {
    Q_OBJECT
public:
    Poller(std::shared_ptr<HttpClient> client, SourceConfig source, SourceKind kind, std::string url,
           int index, QueryProfile profile, QObject *parent = nullptr);
    ~Poller() override;

    [[nodiscard]] const std::string &id() const { return m_health.id; }
    [[nodiscard]] const SourceHealth &health() const { return m_health; }
    // The poll interval now: the configured one, longer during a lasting outage (backOff()).
    [[nodiscard]] std::int64_t currentIntervalMs() const { return m_timer.interval(); }

public Q_SLOTS:
    void start();
    void stop();
    void pollNow();

Q_SIGNALS:
    void polled(std::shared_ptr<const vigil::PollData> data);

private:
    struct Round;
    void sendAll();
    void issue(const std::string &key, HttpRequest req);
    void onResponse(std::uint64_t round, const std::string &key, HttpResponse response);
    void finishRound();
    std::shared_ptr<PollData> buildPrometheus();
    using CheckResponse = Result<std::string> (*)(const HttpResponse &, const std::string &);
    const std::string *checkedBody(const std::string &key, const std::string &endpoint,
                                   std::vector<std::string> &sink, CheckResponse check);
    void readExternalLabels();
    void readRules(PollData &data);
    using ReadQuery = std::function<std::optional<PromQueryResult>(
        const std::string &key, const std::string &what, std::vector<std::string> *sink)>;
    // The facts' answers read, or nullopt when neither they nor the inventory changed (evaluation time
    // aside) since the facts last read: the state keeps those, and their warnings are repeated.
    std::optional<std::vector<std::optional<PromQueryResult>>> readFacts(PollData &data,
                                                                         const ReadQuery &query);
    void forgetFacts();
    std::shared_ptr<PollData> buildAlertmanager();
    // Alertmanager's groups are asked for only when its alerts answer changed, or when due().
    [[nodiscard]] bool wantGroups(const HttpResponse &alerts) const;

    // The answer last read per request key: one with the same bytes is not read again (its warnings
    // are repeated, the state it gave stays); one not asked for this round repeats its warnings too.
    AnswerMemory m_answers;
    // Answers that change little are asked every kSlowRounds-th round (30 s at a 5 s interval), and in
    // the next round again after a failure, so a fault on them still shows within a few rounds:
    // Prometheus' rules (once each is evaluated) and build info, Alertmanager's groups (also whenever
    // its alerts answer changed). The round that last read each (0: ask now).
    static constexpr std::uint64_t kSlowRounds = 6;
    std::uint64_t m_groupsRound = 0, m_rulesRound = 0, m_versionRound = 0;
    // The hosts' facts (configuration: half a round's bytes at 10,000 hosts) are asked every
    // facts_interval, in the round after the inventory changed from the one they were last placed on,
    // and in the next round after a failure: the round nearest m_factsDue (within half an interval).
    TimeMs m_factsDue = 0;
    // Whether the rules last read had each been evaluated: an unchanged answer keeps that verdict (a
    // restarted Prometheus answers the same "unknown" bytes until its first evaluation).
    bool m_rulesEvaluated = false;
    [[nodiscard]] bool due(std::uint64_t lastRound) const {
        return lastRound == 0 || m_round - lastRound >= kSlowRounds;
    }
    void repeatWarnings(const std::string &key, PollData &data) const;
    // Reads `body` with `parse` (a reader taking a Skipped*) and hands the value to `take`, unless the
    // bytes are the ones last read for `key` (or their `digest`, when one is given: the answer's digest
    // as it matters); a reading error goes to `errors`.
    template <class Parse, class Take>
    void readChanged(const std::string &key, const std::string &endpoint, const std::string &body,
                     PollData &data, std::vector<std::string> &errors, Parse parse, Take take,
                     std::optional<AnswerMemory::Digest> digest = std::nullopt);

    std::shared_ptr<HttpClient> m_client;
    SourceConfig m_source;
    SourceKind m_kind;
    std::string m_url;
    QueryProfile m_profile;
    SourceHealth m_health;
    QTimer m_timer;
    int m_outageRounds = 0; // rounds in a row that got no answer below 500
    void backOff();
    // Prometheus' global.external_labels, read from /api/v1/status/config every 10 minutes (every
    // minute while it fails) unless the config names them: added to its alerts as Prometheus adds
    // them on the way to Alertmanager, so both copies of an alert have one fingerprint.
    LabelSet m_externalLabels;
    TimeMs m_externalLabelsNext = 0;
    std::string m_externalLabelsProblem;
    std::uint64_t m_round = 0;
    std::unique_ptr<Round> m_current;
    std::vector<std::uint64_t> m_inflight;
    // The network thread's way back to this poller (closed in the destructor).
    std::shared_ptr<PostBox> m_box = std::make_shared<PostBox>(this);
};

} // namespace vigil
