// TriageView's saved filters: named filter texts kept in the user's settings (IncidentNotifier keeps
// them, as a filter may also ask for a notification), offered in the view's combo box.
#include "triage/triageview.h"

#include "triage/incidentnotifier.h"

#include <QComboBox>
#include <QLineEdit>

namespace vigil {

void TriageView::reloadSavedFilters() {
    m_saved->clear();
    m_saved->addItem(tr("Saved filters"));
    m_saved->setProperty("prompt", true); // its first item asks, it is no state (the wall's strip skips it)
    for (const auto &f : IncidentNotifier::loadFilters())
        m_saved->addItem(f.name, f.text);
}

void TriageView::saveFilter(const SavedFilter &filter) {
    auto filters = IncidentNotifier::loadFilters();
    bool replaced = false;
    for (auto &f : filters)
        if (f.name == filter.name) {
            f = filter;
            replaced = true;
        }
    if (!replaced)
        filters.push_back(filter);
    IncidentNotifier::storeFilters(filters);
    reloadSavedFilters();
    Q_EMIT savedFiltersChanged();
}

bool TriageView::applySavedFilter(const QString &name) {
    for (const auto &f : IncidentNotifier::loadFilters())
        if (f.name == name) {
            m_filter->setText(f.text);
            return true;
        }
    return false;
}

} // namespace vigil
