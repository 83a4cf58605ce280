#pragma once
// Saved triage filters, and the desktop notification (and optional sound) when a new incident appears
// that matches one marked "notify". Filters are kept in the user's settings.
#include "fleet/fleetsnapshot.h"

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace vigil {

struct SavedFilter {
    QString name;
    QString text;        // the AlertFilter language
    bool notify = false; // tell the operator about new incidents matching it
    bool sound = false;  // ... with a sound
};

class IncidentNotifier final : public QObject {
    Q_OBJECT
public:
    explicit IncidentNotifier(QObject *parent = nullptr);

    static std::vector<SavedFilter> loadFilters();
    static void storeFilters(const std::vector<SavedFilter> &filters);

    void setFilters(std::vector<SavedFilter> filters) { m_filters = std::move(filters); }
    [[nodiscard]] const std::vector<SavedFilter> &filters() const { return m_filters; }
    // The first snapshot with triage is the baseline: only incidents after it are news.
    void onSnapshot(const FleetSnapshotPtr &snapshot);

Q_SIGNALS:
    void notify(const QString &title, const QString &message, bool sound);

private:
    void notifyNew(const analysis::TriageResult &previous, const FleetSnapshot &snapshot);

    std::vector<SavedFilter> m_filters;
    // The triage last seen: its incidents are not news. Held whole (its keys are compared only while a
    // filter notifies), so a poll costs nothing here when no filter does.
    std::shared_ptr<const analysis::TriageResult> m_known;
};

} // namespace vigil
