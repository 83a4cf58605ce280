#include "ackkeeper.h"

#include "../analysis/correlation.h"

namespace vigil {

void AckKeeper::acknowledge(const std::string &incident, const std::string &sourceName,
                            std::vector<SilenceMatcher> matchers, const std::string &author, Done done) {
    Silence s;
    s.matchers = std::move(matchers);
    s.startsAt = nowMs();
    s.endsAt = s.startsAt + m_policy.duration;
    s.createdBy = author;
    s.comment = "Acknowledged in Vigil (" + incident + "); extended while the incident lasts";
    m_released.erase(incident);
    m_actions.createSilence(
        sourceName, s,
        [this, incident, sourceName, author, endsAt = s.endsAt,
         done = std::move(done)](Result<std::string> r) {
            if (r)
                m_actions.setAck({incident, sourceName, r.value(), author, nowMs(), endsAt});
            done(std::move(r));
        });
}

void AckKeeper::unacknowledge(const FleetSnapshot *current, const std::string &incident, Done done) {
    const Acknowledgement *a = current ? current->ack(incident) : nullptr;
    if (!a) {
        done(ApiError{
            ApiError::Kind::Transport, "/api/v2/silence", "\"" + incident + "\" is not acknowledged", {}, 0});
        return;
    }
    const Acknowledgement ack = *a;
    // An extension in flight must not bring it back: its new silence is expired on arrival.
    m_released.insert(incident);
    m_actions.expireSilence(ack.source, ack.silenceId,
                            [this, incident, done = std::move(done)](Result<std::string> r) {
                                m_actions.clearAck(incident);
                                done(std::move(r));
                            });
}

void AckKeeper::keep(const FleetSnapshot &snap) {
    if (snap.acks.empty() || !snap.triage || snap.fromCache)
        return;
    const TimeMs now = nowMs();
    for (const auto &ack : snap.acks) {
        bool present = false;
        for (const auto &inc : snap.triage->incidents)
            present = present || inc.key == ack.incident;
        const Silence *silence = nullptr;
        for (const auto &s : snap.silences)
            if (s.id == ack.silenceId && s.state != "expired")
                silence = &s;
        // The incident is over, or someone expired the silence: let it go.
        if (!present || (!silence && now > ack.since + 60'000)) {
            if (!m_extending.count(ack.incident))
                m_actions.clearAck(ack.incident);
            continue;
        }
        if (!silence || ack.endsAt - now > m_policy.extendBefore || m_extending.count(ack.incident))
            continue;
        // The cap: an acknowledgement nobody renews ends by itself (the silence runs out).
        if (ack.endsAt >= ack.since + m_policy.maxTotal)
            continue;
        // A snapshot polled before the last extension was stored still shows the old end: skip it.
        if (auto it = m_extendedTo.find(ack.incident); it != m_extendedTo.end() && it->second > ack.endsAt)
            continue;
        extend(ack, *silence, now);
    }
}

void AckKeeper::extend(const Acknowledgement &ack, const Silence &silence, TimeMs now) {
    Silence extended = silence;
    extended.endsAt = std::min(now + m_policy.duration, ack.since + m_policy.maxTotal);
    m_extending.insert(ack.incident);
    Acknowledgement next = ack;
    next.endsAt = extended.endsAt;
    m_actions.createSilence(ack.source, extended, [this, next](Result<std::string> r) {
        m_extending.erase(next.incident);
        if (r && m_released.count(next.incident)) {
            m_actions.expireSilence(next.source, r.value(), [](Result<std::string>) {});
            return;
        }
        if (r) {
            m_extendedTo[next.incident] = next.endsAt;
            Acknowledgement updated = next;
            updated.silenceId = r.value(); // Alertmanager may replace the silence on update
            m_actions.setAck(updated);
        }
    });
}

} // namespace vigil
