#pragma once
// Triage's incident list as the operator narrows it: only the incidents that hold at least one alert
// matching the filter (all when no filter is active), and those touching hosts selected in another view
// tinted amber. Presentation over IncidentModel's raw rows.
#include <QSortFilterProxyModel>

#include <vector>

namespace vigil {

class IncidentFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    // allowed[row of the source model]: whether the incident stays; inactive: every incident stays.
    void setAllowed(std::vector<char> allowed, bool active);
    QVariant data(const QModelIndex &index, int role) const override;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    std::vector<char> m_allowed;
    bool m_active = false;
};

} // namespace vigil
