#include "triage/incidentnotifier.h"

#include "analysis/correlation.h"
#include "fleet/alertfilter.h"
#include "item/incidentmodel.h"
#include "support/retire.h"

#include <QSettings>

#include <string_view>
#include <unordered_set>
#include <utility>

namespace vigil {

IncidentNotifier::IncidentNotifier(QObject *parent)
    : QObject(parent)
    , m_filters(loadFilters()) {}

std::vector<SavedFilter> IncidentNotifier::loadFilters() {
    QSettings settings;
    std::vector<SavedFilter> out;
    const int n = settings.beginReadArray(QStringLiteral("triage/filters"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        out.push_back({settings.value(QStringLiteral("name")).toString(),
                       settings.value(QStringLiteral("text")).toString(),
                       settings.value(QStringLiteral("notify")).toBool(),
                       settings.value(QStringLiteral("sound")).toBool()});
    }
    settings.endArray();
    return out;
}

void IncidentNotifier::storeFilters(const std::vector<SavedFilter> &filters) {
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("triage/filters"), static_cast<int>(filters.size()));
    for (int i = 0; i < static_cast<int>(filters.size()); ++i) {
        settings.setArrayIndex(i);
        const auto &f = filters[static_cast<std::size_t>(i)];
        settings.setValue(QStringLiteral("name"), f.name);
        settings.setValue(QStringLiteral("text"), f.text);
        settings.setValue(QStringLiteral("notify"), f.notify);
        settings.setValue(QStringLiteral("sound"), f.sound);
    }
    settings.endArray();
}

void IncidentNotifier::onSnapshot(const FleetSnapshotPtr &snapshot) {
    if (!snapshot || !snapshot->triage || snapshot->fromCache)
        return;
    if (snapshot->triage == m_known)
        return;
    auto previous = std::exchange(m_known, snapshot->triage);
    if (previous) // else this is the baseline
        notifyNew(*previous, *snapshot);
    retire(std::move(previous)); // never freed on the GUI thread
}

void IncidentNotifier::notifyNew(const analysis::TriageResult &previous, const FleetSnapshot &snapshot) {
    std::vector<std::pair<const SavedFilter *, AlertFilter>> active;
    for (const auto &f : m_filters)
        if (f.notify)
            if (auto parsed = AlertFilter::parse(f.text.toStdString(), nullptr))
                active.emplace_back(&f, std::move(*parsed));
    if (active.empty())
        return;
    std::unordered_set<std::string_view> known;
    known.reserve(previous.incidents.size());
    for (const auto &inc : previous.incidents)
        known.insert(inc.key);
    for (const auto &inc : snapshot.triage->incidents) {
        if (known.count(inc.key))
            continue;
        for (const auto &[saved, filter] : active) {
            bool match = false;
            // The cause's alerts and a sample of the rest are enough to decide.
            for (std::size_t k = 0; k < inc.alerts.size() && k < 2000 && !match; ++k)
                match = filter.matches(snapshot.alerts[inc.alerts[k]], snapshot.triage->computedAt);
            if (!match)
                continue;
            Q_EMIT notify(tr("New incident: %1").arg(IncidentModel::causeTitle(inc)),
                          tr("%1 (saved filter \"%2\")").arg(IncidentModel::reason(inc), saved->name),
                          saved->sound);
            break;
        }
    }
}

} // namespace vigil
