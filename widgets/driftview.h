#pragma once
// The "drift" view: every host against its baseline (the operators' file, or the fleet's consensus):
// compliance overall, per role and over the last day (QtCharts); drift clusters ranked by severity,
// size and growth, each with its hosts and first-seen; a host's diff against its rules; hand-off of a
// cluster's hosts as a list, a label matcher or an Ansible inventory group; exports as HTML, CSV, JSON
// and PDF, and the consensus written out as a baseline YAML.
#include "analysis/baseline.h"
#include "fleet/fleetsnapshot.h"

#include <QWidget>

#include <functional>
#include <memory>

class QChartView;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace vigil {

using DriftPtr = std::shared_ptr<const analysis::DriftSummary>;
using DriftFetch = std::function<void(QObject *context, std::function<void(DriftPtr)> done)>;

class DriftView final : public QWidget {
    Q_OBJECT
public:
    explicit DriftView(DriftFetch fetch, QString roleLabel = QStringLiteral("role"),
                       QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    void setSummary(DriftPtr summary);
    [[nodiscard]] const DriftPtr &summary() const { return m_summary; }
    [[nodiscard]] bool isReady() const { return m_summary != nullptr; }
    [[nodiscard]] QTreeWidget *clusters() const { return m_clusters; }

    // Hand-off of the selected cluster's hosts.
    [[nodiscard]] QString hostsText() const;
    [[nodiscard]] QString matcherText() const;
    [[nodiscard]] QString ansibleText() const;
    // Exports, by the file's suffix: .html, .csv, .json, .pdf; and the consensus as baseline YAML.
    bool exportTo(const QString &path, QString *error) const;
    bool writeConsensus(const QString &path, QString *error) const;
    [[nodiscard]] QString html() const;

Q_SIGNALS:
    void ready();
    void hostActivated(const QString &host);

private:
    void request();
    void showCluster();
    void showHost(const QString &host);
    [[nodiscard]] std::vector<std::string> selectedHosts() const;

    DriftFetch m_fetch;
    QString m_roleLabel;
    FleetSnapshotPtr m_snapshot;
    DriftPtr m_summary;
    TimeMs m_requestedAt = 0;
    std::size_t m_factsSeen = 0;
    bool m_loading = false;
    QLabel *m_headline;
    QChartView *m_chart;
    QTreeWidget *m_clusters;
    QListWidget *m_hosts;
    QTreeWidget *m_diff;
    QLabel *m_diffTitle;
};

} // namespace vigil
