#pragma once
// The "heatmap" view: one metric of every host over 1 h / 6 h / 24 h / 7 d, rows grouped by the label
// hierarchy or sorted by current value or peak, filtered by label matchers, on the same viridis scale
// as the host map with an automatic or fixed range. History comes from the store and query_range
// through a HistoryFetch; rows are prepared off the GUI thread; a click opens the host's detail.
#include "common/historyfetch.h"
#include "fleet/fleetsnapshot.h"
#include "support/jobrunner.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace vigil {

class TimeHeatmapCanvas;

class TimeHeatmapView final : public QWidget {
    Q_OBJECT
public:
    explicit TimeHeatmapView(HistoryFetch fetch, QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    void setMetric(const QString &key);
    // Range in hours: 1, 6, 24 or 168.
    void setRangeHours(int hours);
    void setFilterText(const QString &text);
    // Hosts selected in another view ("service api" in the topology, a drift cluster): their rows are
    // marked, and "Only these" narrows the rows to them. An empty list clears it.
    void setSelection(const QString &what, std::vector<std::string> hosts);
    void setOnlySelection(bool only);
    [[nodiscard]] QString selectionText() const;
    [[nodiscard]] TimeHeatmapCanvas *canvas() const { return m_canvas; }
    // History has arrived and its rows are on screen (screenshots wait for it).
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void hostActivated(const QString &host);
    void ready();

private:
    void reload();
    void prepare();
    void refreshCombos();
    [[nodiscard]] MetricUnit unit() const;

    HistoryFetch m_fetch;
    TimeHeatmapCanvas *m_canvas;
    QComboBox *m_metric;
    QComboBox *m_range;
    QComboBox *m_sort;
    QLineEdit *m_filter;
    QCheckBox *m_autoRange;
    QDoubleSpinBox *m_lo;
    QDoubleSpinBox *m_hi;
    QLabel *m_status;
    QWidget *m_selectionBar;
    QLabel *m_selectionLabel;
    QCheckBox *m_onlySelection;
    QString m_selectionWhat;
    std::vector<std::string> m_selection; // sorted
    QTimer *m_filterDebounce;
    FleetSnapshotPtr m_snapshot;
    GridPtr m_grid;
    TimeMs m_loadedAt = 0;
    JobRunner m_jobs; // background work; results for this view only
    bool m_ready = false;
    bool m_loading = false;
    QString m_filterError;
};

} // namespace vigil
