#pragma once
// The host detail: one host's metric over the chosen range (QtCharts) against the median of its group
// (rack) and of the fleet, its alerts (a double-click shows them in triage), its labels and facts.
// Non-modal; follows the snapshot while open; history through a HistoryFetch.
#include "common/historyfetch.h"
#include "fleet/fleetsnapshot.h"

#include <QDialog>

#include <vector>

class QAbstractItemModel;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QTreeView;

namespace vigil {

class HostDetailModel;

class HostDetailDialog final : public QDialog {
    Q_OBJECT
public:
    explicit HostDetailDialog(HistoryFetch fetch, QWidget *parent = nullptr);

    void showHost(FleetSnapshotPtr snapshot, const QString &host);
    void setSnapshot(FleetSnapshotPtr snapshot); // keeps the same host
    void setMetric(const QString &key);
    [[nodiscard]] QString host() const { return m_host; }
    // Series drawn (host, group median, fleet median), for tests.
    [[nodiscard]] QChart *chart() const;
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    // The alerts on the host as shown (worded by the dialog's proxy), and their view.
    [[nodiscard]] QAbstractItemModel *alerts() const;
    [[nodiscard]] QTreeView *alertView() const { return m_alerts; }

Q_SIGNALS:
    // Show these alerts in triage, as a filter ("instance=\"web-01:9100\"").
    void triageRequested(const QString &filter);
    void loaded();

private:
    void refreshTexts();
    void reload();
    void plot(const GridPtr &grid);

    HistoryFetch m_fetch;
    FleetSnapshotPtr m_snapshot;
    QString m_host;
    QLabel *m_title;
    QComboBox *m_metric;
    QComboBox *m_range;
    QChartView *m_chartView;
    QLabel *m_chartNote;
    std::vector<HostDetailModel *> m_models; // alerts, labels, facts
    QTabWidget *m_tabs;
    QTreeView *m_alerts;
    TimeMs m_loadedAt = 0;
    bool m_loaded = false;
};

} // namespace vigil
