#pragma once
// The service detail: one service of the service map with what it depends on and what depends on it
// (request and error rates per edge, the other side's health), its hosts (down and alerting first; a
// double-click opens the host detail) and its active alerts by name. Non-modal; follows the snapshot
// while open; everything comes from the snapshot's graph, edges, hosts and alerts.
#include "fleet/fleetsnapshot.h"

#include <QDialog>

#include <vector>

class QAbstractItemModel;
class QLabel;
class QTreeView;

namespace vigil {

class ServiceDetailModel;

class ServiceDetailDialog final : public QDialog {
    Q_OBJECT
public:
    ServiceDetailDialog(HostIdentity identity, std::string serviceLabel, QWidget *parent = nullptr);

    void showService(FleetSnapshotPtr snapshot, const QString &service);
    void setSnapshot(FleetSnapshotPtr snapshot); // keeps the same service
    [[nodiscard]] QString service() const { return m_service; }
    [[nodiscard]] QString summary() const;
    // The lists as shown (worded by the dialog's proxy), and the views that show them.
    [[nodiscard]] QAbstractItemModel *dependencies() const;
    [[nodiscard]] QAbstractItemModel *hosts() const;
    [[nodiscard]] QAbstractItemModel *alerts() const;
    [[nodiscard]] QTreeView *dependencyView() const { return m_deps; }
    [[nodiscard]] QTreeView *hostView() const { return m_hosts; }

Q_SIGNALS:
    void hostActivated(const QString &host);
    // Show the service's alerts in triage, as a filter ("service=\"api\"").
    void triageRequested(const QString &filter);

private:
    void refresh();

    HostIdentity m_identity;
    std::string m_serviceLabel;
    FleetSnapshotPtr m_snapshot;
    QString m_service;
    QLabel *m_title;
    std::vector<ServiceDetailModel *> m_models; // dependencies, hosts, alerts
    QTreeView *m_deps;
    QTreeView *m_hosts;
    QTreeView *m_alerts;
};

} // namespace vigil
