// TriageView's silences: the acknowledge question (what acknowledging an incident will silence, asked
// once, or not at all when the session said so, then handed to the owner as matchers and the
// Alertmanager source), and expiring the silences that hold the selection.
#include "triage/triageview.h"

#include "analysis/incidentsilence.h"
#include "fleet/silencematch.h"
#include "item/incidentmodel.h"

#include <QCheckBox>
#include <QLabel>
#include <QTreeView>

#include <set>

namespace vigil {

using analysis::Incident;

namespace {
// The Alertmanager source that reported the incident's first alert (silences go there).
QString ackSourceOf(const FleetSnapshot &snap, const Incident &inc) {
    return QString::fromStdString(analysis::alertmanagerSourceOf(snap, inc));
}
} // namespace

void TriageView::toggleAcknowledge() {
    const auto snap = m_model->snapshot();
    const Incident *inc = m_model->incidentAt(m_model->rowOfKey(m_selectedKey));
    if (!snap || !inc || !snap->triage)
        return;
    if (snap->ack(inc->key)) {
        hideAcknowledgeQuestion();
        Q_EMIT unacknowledgeRequested(m_selectedKey); // taking it back silences nothing: no question
        return;
    }
    if (!m_pendingAck.isEmpty() && m_pendingAck == m_selectedKey) {
        confirmAcknowledge(); // `a` twice
        return;
    }
    // The incident's cause matchers, whatever alert is selected.
    m_tree->setCurrentIndex({});
    const auto silence = analysis::incidentSilence(*inc, *snap->triage, snap->alerts);
    if (silence.matchers.empty()) {
        m_pendingAck.clear();
        m_ackQuestion->setText(tr("Not acknowledged: %1.").arg(QString::fromStdString(silence.refusal)));
        m_ackBar->show();
        return;
    }
    m_pendingAck = m_selectedKey;
    m_pendingMatchers = silence.matchers;
    if (!m_ackAsk) {
        confirmAcknowledge();
        return;
    }
    const int now = countActiveMatches(snap->alerts, silence.matchers);
    m_ackQuestion->setText(
        tr("Acknowledge? Silences %n alert(s) now, matching %1, on %2 for %3 min, extended while the "
           "incident "
           "lasts, at most %4 h. Press a again to confirm, Esc to cancel.",
           nullptr, now)
            .arg(QString::fromStdString(formatMatchers(silence.matchers)), ackSourceOf(*snap, *inc))
            .arg(m_ackDurationMs / 60'000)
            .arg(QString::number(static_cast<double>(m_ackMaxMs) / 3600'000.0, 'g', 3)));
    m_ackBar->show();
}

void TriageView::confirmAcknowledge() {
    if (m_pendingAck.isEmpty() || m_pendingMatchers.empty())
        return;
    const auto snap = m_model->snapshot();
    const Incident *inc = m_model->incidentAt(m_model->rowOfKey(m_pendingAck));
    if (!snap || !inc)
        return hideAcknowledgeQuestion();
    if (m_ackSkip->isChecked())
        m_ackAsk = false;
    const QString key = m_pendingAck;
    const auto matchers = m_pendingMatchers;
    hideAcknowledgeQuestion();
    Q_EMIT acknowledgeRequested(key, ackSourceOf(*snap, *inc), matchers);
}

void TriageView::hideAcknowledgeQuestion() {
    m_pendingAck.clear();
    m_pendingMatchers.clear();
    m_ackBar->hide();
}

void TriageView::setAcknowledgePolicy(std::int64_t durationMs, std::int64_t maxMs, bool ask) {
    m_ackDurationMs = durationMs;
    m_ackMaxMs = maxMs;
    m_ackAsk = ask;
}

void TriageView::expireSelected() {
    // Expire every silence that holds an alert of the selection (the alert, else the whole incident).
    const auto snap = m_model->snapshot();
    const Incident *inc = m_model->incidentAt(m_model->rowOfKey(m_selectedKey));
    if (!snap || !inc)
        return;
    std::set<std::pair<std::string, std::string>> ids;
    auto collect = [&](const Alert &a) {
        for (const auto &id : a.silencedBy)
            ids.insert({alertmanagerSourceOf(a), id});
    };
    if (const Alert *a = currentAlert())
        collect(*a);
    else
        for (auto i : inc->alerts)
            collect(snap->alerts[i]);
    for (const auto &[source, id] : ids)
        Q_EMIT expireRequested(QString::fromStdString(source), QString::fromStdString(id));
}

} // namespace vigil
