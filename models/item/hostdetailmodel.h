#pragma once
// One host's lists for its detail dialog, one part per model, raw values worded by the dialog's proxy:
// its labels, its facts, and the alerts on it (by the profile's identity, through a join too) or naming
// it in any label, each with the triage filter that shows it.
#include "../fleet/fleetsnapshot.h"

#include <QAbstractTableModel>

#include <vector>

namespace vigil {

class HostDetailModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Part { Alerts, Labels, Facts };
    // Labels and facts: name, value. Alerts: the name, its severity label, its state (worded as the
    // alert table words it), since (qlonglong: startsAt, ms).
    enum Column { NameColumn = 0, ValueColumn, StateColumn, SinceColumn };
    enum Role {
        FilterRole = Qt::UserRole + 1, // QString, alerts: the matcher that shows it in triage
        NowRole,                       // qlonglong, alerts' SinceColumn: the snapshot's moment
    };

    explicit HostDetailModel(Part part, QObject *parent = nullptr);

    void setHost(FleetSnapshotPtr snapshot, const std::string &host);
    [[nodiscard]] Part part() const { return m_part; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct AlertRow {
        const Alert *alert;
        QString filter;
    };
    [[nodiscard]] QVariant alertData(const AlertRow &row, int column, int role) const;

    Part m_part;
    FleetSnapshotPtr m_snapshot;                      // keeps the alerts the rows point to
    std::vector<std::pair<QString, QString>> m_pairs; // labels or facts
    std::vector<AlertRow> m_alerts;
};

} // namespace vigil
