#pragma once
// The "drift" view: every host against its baseline (the operators' file, or the fleet's consensus):
// compliance overall, per role and over the last day (QtCharts); drift clusters ranked by severity,
// size and growth, each with its hosts and first-seen; a host's diff against its rules; hand-off of a
// cluster's hosts as a list, a label matcher or an Ansible inventory group; exports as HTML, CSV, JSON
// and PDF, and the consensus written out as a baseline YAML.
#include "analysis/baseline.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/labelmatcher.h"
#include "support/jobrunner.h"

#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAbstractItemModel;
class QChartView;
class QLabel;
class QMenu;
class QLineEdit;
class QListView;
class QStringListModel;
class QTreeView;

namespace vigil {

class ComplianceChart;
class DriftClusterModel;
class FactValuesModel;
class HostCheckModel;
class WhenShown;

using DriftPtr = std::shared_ptr<const analysis::DriftSummary>;
// since: the last report's time (0: none), for "new since the last report".
using DriftFetch = std::function<void(TimeMs since, QObject *context, std::function<void(DriftPtr)> done)>;

class DriftView final : public QWidget {
    Q_OBJECT
public:
    explicit DriftView(DriftFetch fetch, QString roleLabel = QStringLiteral("role"),
                       QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    void setSummary(DriftPtr summary);
    [[nodiscard]] const DriftPtr &summary() const { return m_summary; }
    [[nodiscard]] bool isReady() const { return m_summary != nullptr; }
    // The lists as shown (worded by their proxies): the clusters in the filter, the current cluster's
    // fact's values, the current cluster's hosts and the current host against its baseline.
    [[nodiscard]] QAbstractItemModel *clusters() const;
    [[nodiscard]] QAbstractItemModel *values() const;
    [[nodiscard]] QAbstractItemModel *hostList() const;
    [[nodiscard]] QAbstractItemModel *hostChecks() const;
    // Compliance over the last day (one chart, its line moved by each report).
    [[nodiscard]] const ComplianceChart *compliance() const { return m_compliance; }
    // Label matchers (or a name) narrowing the clusters to the hosts they match.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterError() const { return m_filterError; }
    // The distribution of one fact's values over the hosts in the filter ("(absent)" for hosts without
    // it), most common first, each with whether the baseline accepts it.
    void showValues(const QString &fact);

    // Hand-off of the selected cluster's hosts.
    [[nodiscard]] QString hostsText() const;
    [[nodiscard]] QString matcherText() const;
    [[nodiscard]] QString ansibleText() const;
    // Exports, by the file's suffix: .html, .csv, .json, .pdf; and the consensus as baseline YAML.
    bool exportTo(const QString &path, QString *error) const;
    bool writeConsensus(const QString &path, QString *error) const;
    // The report on screen becomes "the last report" (an export does the same): later reports count
    // what drifted and what was fixed since. Kept in the user's settings.
    void markReported();
    [[nodiscard]] TimeMs lastReportAt() const { return m_lastReportAt; }
    [[nodiscard]] QString html() const;

Q_SIGNALS:
    void ready();
    void hostActivated(const QString &host);
    // Hand the hosts to another view: "heatmap", "topology", or "" to only mark them everywhere.
    void showHosts(const QString &view, const QString &what, const QStringList &hosts);
    // The value distribution has been counted and is on screen.
    void valuesShown();

private:
    void hostMenu(const QPoint &at);
    void fillExportMenu(QMenu *menu);
    void request();
    void applyFilter();
    void showCluster();
    [[nodiscard]] QString clusterTitle() const;
    void fillValues(const QString &factName, std::shared_ptr<const analysis::FactValues> values,
                    const analysis::FactRule *rule);
    void showHost(const QString &host);
    [[nodiscard]] const analysis::BaselineCluster *currentCluster() const;
    [[nodiscard]] std::vector<std::string> selectedHosts() const;

    DriftFetch m_fetch;
    QString m_roleLabel;
    FleetSnapshotPtr m_snapshot;
    DriftPtr m_summary;
    TimeMs m_requestedAt = 0;
    bool m_dirty = true; // facts or labels changed since the last request
    JobRunner m_jobs;    // background work; results for this view only
    TimeMs m_lastReportAt = 0;
    bool m_loading = false;
    std::optional<LabelFilter> m_filterMatchers;
    QString m_filterError;
    DriftClusterModel *m_clusterModel;
    FactValuesModel *m_valueModel;
    HostCheckModel *m_checkModel;
    QStringListModel *m_hostModel;
    QLabel *m_headline;
    QChartView *m_chart;
    ComplianceChart *m_compliance; // m_chart's
    WhenShown *m_chartShown;
    QTreeView *m_clusters;
    QListView *m_hosts;
    QTreeView *m_diff;
    QLabel *m_diffTitle;
    QLineEdit *m_filter;
    QLabel *m_filterSummary;
    QTreeView *m_values;
    QLabel *m_valuesTitle;
};

} // namespace vigil
