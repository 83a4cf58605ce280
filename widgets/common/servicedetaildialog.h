#pragma once
// The service detail: one service of the service map with what it depends on and what depends on it
// (request and error rates per edge, the other side's health), its hosts (down and alerting first; a
// double-click opens the host detail) and its active alerts by name. Non-modal; follows the snapshot
// while open; everything comes from the snapshot's graph, edges, hosts and alerts.
#include "fleet/fleetsnapshot.h"

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace vigil::analysis {
struct ServiceDetail;
}

namespace vigil {

class ServiceDetailDialog final : public QDialog {
    Q_OBJECT
public:
    ServiceDetailDialog(HostIdentity identity, std::string serviceLabel, QWidget *parent = nullptr);

    void showService(FleetSnapshotPtr snapshot, const QString &service);
    void setSnapshot(FleetSnapshotPtr snapshot); // keeps the same service
    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QTreeWidget *dependencies() const { return m_deps; }
    [[nodiscard]] QTreeWidget *hosts() const { return m_hosts; }
    [[nodiscard]] QTreeWidget *alerts() const { return m_alerts; }

Q_SIGNALS:
    void hostActivated(const QString &host);
    // Show the service's alerts in triage, as a filter ("service=\"api\"").
    void triageRequested(const QString &filter);

private:
    void refresh();
    void fillDependencies(const analysis::ServiceDetail &d);
    void fillHosts(const analysis::ServiceDetail &d);
    void fillAlerts(const analysis::ServiceDetail &d);

    HostIdentity m_identity;
    std::string m_serviceLabel;
    FleetSnapshotPtr m_snapshot;
    QString m_service;
    QLabel *m_title;
    QTreeWidget *m_deps;
    QTreeWidget *m_hosts;
    QTreeWidget *m_alerts;
};

} // namespace vigil
