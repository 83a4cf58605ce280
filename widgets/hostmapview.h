#pragma once
// The "hostmap" view: every host a tile, grouped by a level of the hierarchy (rack by default),
// coloured by a chosen metric on the viridis scale; down hosts black, hosts without a value grey,
// stale data dimmed and said so. Painted from a QImage filled in bulk once per data change; hover
// shows the host's values, a click opens its detail.
#include "analysis/hostmap.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/labelmatcher.h"
#include "support/jobrunner.h"

#include <functional>
#include <optional>

#include <QImage>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace vigil::analysis {
struct WearReport;
struct GroupImbalance;
} // namespace vigil::analysis

namespace vigil {

class HostMapCanvas;

// Asks for the hardware wear ranking; the answer comes back on the GUI thread.
using WearPtr = std::shared_ptr<const analysis::WearReport>;
using WearFetch = std::function<void(QObject *context, std::function<void(WearPtr)> done)>;

class HostMapView final : public QWidget {
    Q_OBJECT
public:
    explicit HostMapView(WearFetch wearFetch = {}, QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    void setMetric(const QString &key);
    void setSizeMetric(const QString &key); // "" for equal tiles
    void setLevel(int level);
    // Hosts selected in another view, ringed on the map.
    void setSelection(const QString &what, std::vector<std::string> hosts);
    void setFilterText(const QString &text);
    // Uneven load grouped by this label ("" for the pools); for tests and the command line.
    void setImbalanceGrouping(const QString &label);
    [[nodiscard]] HostMapCanvas *canvas() const { return m_canvas; }
    [[nodiscard]] QTreeWidget *wearList() const { return m_wear; }
    [[nodiscard]] const WearPtr &wearReport() const { return m_wearReport; }
    void setWearReport(WearPtr report);
    // The wear ranking as CSV to a file; false with *error set when it cannot be written.
    bool exportWearCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    void hostActivated(const QString &host);
    void wearLoaded();
    void imbalanceShown();

private:
    void refreshCombos();
    void refreshImbalance();
    void computeImbalance();
    void refreshSummary();
    void requestWear();
    void applyRange();
    [[nodiscard]] bool isRatio() const;

    WearFetch m_wearFetch;
    HostMapCanvas *m_canvas;
    QComboBox *m_metric;
    QComboBox *m_size;
    QComboBox *m_level;
    QComboBox *m_imbalanceBy; // the grouping for uneven load: pools (the analyzer's) or any label
    QLineEdit *m_filter;
    QCheckBox *m_autoRange;
    QDoubleSpinBox *m_lo;
    QDoubleSpinBox *m_hi;
    QLabel *m_summary;
    QLabel *m_imbalance;
    QTreeWidget *m_wear;
    QLabel *m_wearNote;
    QPushButton *m_exportWear;
    FleetSnapshotPtr m_snapshot;
    WearPtr m_wearReport;
    // Uneven load by another label than the pools: computed off the GUI thread for this snapshot.
    std::shared_ptr<const std::vector<analysis::GroupImbalance>> m_customImbalance;
    FleetSnapshotPtr m_customFor;
    JobRunner m_jobs; // background work; results for this view only
    TimeMs m_wearRequestedAt = 0;
    bool m_wearLoading = false;
    QString m_filterError;
    QString m_selectionWhat; // what the ringed hosts are ("rack eu1-b-r04"), or empty
};

class HostMapCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit HostMapCanvas(QWidget *parent = nullptr);
    void setSnapshot(FleetSnapshotPtr snapshot);
    void setMetric(int metric);
    void setSizeMetric(int metric); // -1: equal tiles
    void setLevel(int level);
    // Hosts the filter does not match are drawn faint; nullopt: every host.
    void setFilter(std::optional<LabelFilter> filter);
    // The colour range in the metric's unit; NaN hi: automatic (0..1 for ratios, else the 95th percentile).
    void setRange(double lo, double hi);
    [[nodiscard]] double rangeLo() const { return m_lo; }
    [[nodiscard]] double rangeHi() const;
    [[nodiscard]] int matchingHosts() const { return m_matching; }
    // Hosts selected in another view (a map node, a drift cluster): their tiles are ringed in amber.
    void setMarkedHosts(std::vector<std::string> hosts);
    [[nodiscard]] int markedTiles() const { return static_cast<int>(m_markedIdx.size()); }
    [[nodiscard]] const analysis::HostMapLayout &layout() const { return m_layout; }
    [[nodiscard]] const QImage &image() const { return m_image; }
    // The host under a point of the canvas, or nullptr; and its tooltip text.
    [[nodiscard]] const Host *hostAt(QPoint p) const;
    [[nodiscard]] QString describe(const Host &h) const;

Q_SIGNALS:
    void hostActivated(const QString &host);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void relayout();
    void recolor();
    void recolorFolded(double lo, double span);

    FleetSnapshotPtr m_snapshot;
    analysis::HostMapLayout m_layout;
    QImage m_image;
    int m_metric = 0;
    int m_sizeMetric = -1;
    int m_level = -1; // -1: the deepest level of the hierarchy
    std::optional<LabelFilter> m_filter;
    double m_lo = 0, m_hi = std::numeric_limits<double>::quiet_NaN();
    int m_matching = 0;
    std::uint64_t m_laidOutFor = 0; // hosts' identity the layout was made for
    bool m_stale = false;
    std::vector<std::string> m_marked; // sorted
    std::vector<int> m_markedIdx;      // their indexes into the snapshot's hosts
    void indexMarks();
};

} // namespace vigil
