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
class QTreeView;

namespace vigil::analysis {
struct WearReport;
struct GroupImbalance;
} // namespace vigil::analysis

namespace vigil {

class HostMapCanvas;
class ImbalanceModel;
class ImbalanceProxy;
class WearModel;
class WhenShown;

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
    [[nodiscard]] QTreeView *wearList() const { return m_wear; }
    // Uneven load: the groups ranked (most uneven first), the title above and the current group's detail.
    [[nodiscard]] QTreeView *imbalanceList() const { return m_imbalanceList; }
    [[nodiscard]] QString imbalanceText() const;
    [[nodiscard]] const WearPtr &wearReport() const { return m_wearReport; }
    void setWearReport(WearPtr report);
    // The wear ranking as CSV to a file; false with *error set when it cannot be written.
    bool exportWearCsv(const QString &path, QString *error) const;

Q_SIGNALS:
    void hostActivated(const QString &host);
    void wearLoaded();
    void imbalanceShown();

private:
    [[nodiscard]] QWidget *buildLoadPage();
    [[nodiscard]] QWidget *buildWearPage();
    void applySnapshot(FleetSnapshotPtr snapshot);
    void refreshCombos();
    void refreshImbalance();
    void showImbalanceDetail();
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
    QLabel *m_imbalance; // what the ranking is of, or why there is none
    ImbalanceModel *m_imbalanceModel;
    ImbalanceProxy *m_imbalanceProxy;
    QTreeView *m_imbalanceList;
    QLabel *m_imbalanceDetail;       // the current group's figures, hosts and advice
    QString m_loadTitle;             // the load metric's title
    QString m_chosenGroup;           // the group the operator chose in the ranking ("": follow the top)
    bool m_rankingImbalance = false; // a new ranking is being shown (its current row is not a choice)
    WearModel *m_wearModel;
    QTreeView *m_wear;
    QLabel *m_wearNote;
    QPushButton *m_exportWear;
    // Recolouring, the imbalance and the counts are whole-fleet passes: a snapshot that comes while
    // the view sits hidden in a window (another tab) is taken when it is shown.
    WhenShown *m_whenShown;
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

} // namespace vigil
