#pragma once
// The host map's canvas: every host a tile, grouped by the hierarchy, coloured by one metric (viridis),
// painted from one QImage filled in bulk, with marks for hosts selected elsewhere. Layout and colours
// are made together (hostmaptiles.h), off the GUI thread for a large fleet, and swapped in whole with
// the snapshot whose hosts they index: what the canvas shows, hit-tests and moves its cursor over is
// always one snapshot's, the one shown (a newer one may be on its way).
#include "hostmap/hostmaptiles.h"

#include "analysis/hostmap.h"
#include "fleet/fleetsnapshot.h"
#include "fleet/labelmatcher.h"
#include "support/jobrunner.h"

#include <QImage>
#include <QWidget>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

class QPainter;

namespace vigil {

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
    [[nodiscard]] double rangeHi() const { return std::isnan(m_hi) ? m_shownHi : m_hi; }
    [[nodiscard]] int matchingHosts() const { return m_matching; }
    // Hosts selected in another view (a map node, a drift cluster): their tiles are ringed in amber.
    void setMarkedHosts(std::vector<std::string> hosts);
    [[nodiscard]] int markedTiles() const { return static_cast<int>(m_markedIdx.size()); }
    [[nodiscard]] const analysis::HostMapLayout &layout() const { return *m_layout; }
    // The snapshot the layout, the image, currentHost() and hostAt() are of.
    [[nodiscard]] const FleetSnapshotPtr &shownSnapshot() const { return m_shown; }
    [[nodiscard]] const QImage &image() const { return m_image; }
    // No colouring is on its way: image() shows the last change (a screenshot waits for it).
    [[nodiscard]] bool tilesPainted() const { return m_jobs.isIdle(); }
    // The host under a point of the canvas, or nullptr; and its tooltip text.
    [[nodiscard]] const Host *hostAt(QPoint p) const;
    [[nodiscard]] QString describe(const Host &h) const;
    // The keyboard's cursor: Tab reaches the map, arrows move between tiles (Left/Right in tile order,
    // Up/Down to the nearest row), Home/End, Enter opens the host. An index into the shown snapshot's hosts
    // (-1: none), kept on the same host across snapshots; its description is the map's accessible one.
    [[nodiscard]] int currentHost() const { return m_current; }
    void setCurrentHost(int index);

    // Fleets up to this size are laid out and coloured at once; larger ones on the interactive pool.
    static constexpr std::size_t kHostsPaintedAtOnce = 2000;

Q_SIGNALS:
    void hostActivated(const QString &host);
    // The tiles (layout, colours, matchingHosts, the automatic range) are up to date with the last change.
    void recoloured();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRgb m_ground = 0xfff4f4f4;      // maptheme.h, set by recolor()
    QRgb m_filteredOut = 0xffe2e2e2; // a tile the filter does not match
    void relayout();
    void recolor();
    [[nodiscard]] int legendHeight() const; // the line under the tiles
    void showTiles(PaintedTiles tiles);

    FleetSnapshotPtr m_snapshot; // the newest given: what the next tiles are made of
    FleetSnapshotPtr m_shown;    // what the tiles on screen were made of
    HostMapLayoutPtr m_layout;   // never null
    QImage m_image;
    double m_shownHi = 1; // the automatic colour range's top, of the tiles shown
    bool m_needLayout = true;
    int m_metric = 0;
    int m_sizeMetric = -1;
    int m_level = -1; // -1: the deepest level of the hierarchy
    std::optional<LabelFilter> m_filter;
    double m_lo = 0, m_hi = std::numeric_limits<double>::quiet_NaN();
    int m_matching = 0;
    std::uint64_t m_laidOutFor = 0; // hosts' identity the layout (made or on its way) is for
    bool m_stale = false;
    std::vector<std::string> m_marked; // sorted
    std::vector<int> m_markedIdx;      // their indexes into the shown snapshot's hosts
    JobRunner m_jobs;
    int m_current = -1; // the keyboard's cursor (setCurrentHost)
    std::string m_currentName;
    [[nodiscard]] int neighbour(int from, int key) const;
    void paintCursor(QPainter &p) const;
    void indexMarks();
};

} // namespace vigil
