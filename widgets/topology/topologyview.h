#pragma once
// The topology maps: "topology" (physical: region -> zone -> rack -> host as nested boxes) and
// "services" (the service dependency graph). Layouts are computed off the GUI thread when the fleet's
// shape changes, never on a poll that only changes health; health repaints in place. An incident
// (triage's selection, or the top one) marks its root cause, shades its blast radius, and highlights
// the dependency path to a selected service. Pan, zoom, fit, minimap, search, collapse/expand,
// tooltips, export as PNG, SVG and DOT.
#include "analysis/topology.h"
#include "fleet/fleetsnapshot.h"
#include "support/jobrunner.h"

#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

class QComboBox;
class QLabel;
class QLineEdit;

namespace vigil {

class TopologyCanvas final : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Physical, Services };
    explicit TopologyCanvas(Mode mode, QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    // The incident whose root cause and blast radius are drawn ("" for none).
    void setIncident(const QString &key);
    // Highlights a node (and, from the other map, its counterpart: a service's hosts, a host's service).
    void setHighlight(const QString &name);
    // Highlights hosts selected in another view (a drift cluster): on the physical map the hosts and
    // the racks holding them, on the service map their services.
    void setHighlightHosts(const QStringList &hosts);
    [[nodiscard]] const std::set<int> &highlighted() const { return m_highlight; }
    // The hosts a node stands for: a host itself, a group's hosts, a service's hosts.
    [[nodiscard]] QStringList hostsOf(int node) const;
    bool flyTo(const QString &text); // by name, or for hosts a label matcher; false when nothing matches
    void fit();
    void toggleCollapsed(int node);
    void setPinned(const QString &service, bool pinned);
    // Where positions are kept between runs (the cache): load once before the first layout, save after
    // each. Without them positions live as long as the window.
    using Positions = std::vector<std::pair<std::string, std::pair<double, double>>>;
    void setLayoutStore(std::function<void(std::function<void(Positions)>)> load,
                        std::function<void(Positions)> save);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] double scale() const { return m_scale; } // pixels per map unit
    // Labels left out of the last frame because they would have overlapped others (service map).
    [[nodiscard]] int labelsHidden() const { return m_labelsHidden; }
    [[nodiscard]] const std::vector<QRectF> &labelBoxes() const { return m_labelBoxes; } // drawn, last frame
    // Whether the last frame drew edges bundled between screen cells (too many to tell apart).
    [[nodiscard]] bool edgesAggregated() const { return m_edgesAggregated; }
    [[nodiscard]] QPointF offset() const { return m_offset; }
    // Laid out for the snapshot shown: false while a newer fleet's shape is still being laid out (a
    // screenshot waited for the cache's map and drew it after the first poll had changed the fleet).
    [[nodiscard]] bool isLaidOut() const {
        return m_laidOut && (!m_snapshot || !m_snapshot->graph || m_snapshot->graph == m_graph);
    }
    [[nodiscard]] bool isStale() const { return m_stale; } // drawn greyed, and said so
    [[nodiscard]] const analysis::PhysicalLayout &physical() const { return m_physical; }
    [[nodiscard]] const analysis::ServiceLayout &services() const { return m_services; }
    [[nodiscard]] const analysis::BlastRadius &blast() const { return m_blast; }
    [[nodiscard]] QString warnings() const;
    [[nodiscard]] std::string dot() const;
    bool exportImage(const QString &path, QString *error); // .png or .svg
    // The graph node under a widget point, or -1.
    [[nodiscard]] int nodeAt(QPointF p) const;
    [[nodiscard]] QString describe(int node) const;
    // Renders the map into a painter of the widget's size (paintEvent and the benchmark).
    void render(QPainter &p);

Q_SIGNALS:
    void laidOut();
    void nodeSelected(const QString &name, bool isService); // for the other map
    // The same click as the hosts it stands for, for the triage and heatmap views ("service api").
    void hostsSelected(const QString &what, const QStringList &hosts);
    void hostActivated(const QString &host);
    void serviceActivated(const QString &service); // double-click on a service: its detail
    void statusChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    void refreshHealth();
    void refreshBlast();
    [[nodiscard]] QRectF mapBounds() const;
    [[nodiscard]] QPointF toScreen(QPointF map) const;
    [[nodiscard]] QPointF toMap(QPointF screen) const;
    [[nodiscard]] QPointF servicePos(int node) const;
    [[nodiscard]] double serviceRadius(int node) const;
    void paintPhysical(QPainter &p);
    // The service map (servicepaint.cpp): one frame's working set, then each layer in drawing order.
    struct ServiceFrame;
    void paintServices(QPainter &p);
    void refreshEdgeFigures();
    [[nodiscard]] ServiceFrame serviceFrame();
    void paintServiceEdges(QPainter &p, ServiceFrame &f);
    void paintServiceEdge(QPainter &p, const ServiceFrame &f, int from, int to, bool emphasised);
    void paintEdgeBundles(QPainter &p, const ServiceFrame &f);
    void serviceDrawOrder(ServiceFrame &f);
    void paintServiceDiscs(QPainter &p, const ServiceFrame &f);
    void paintServiceLabels(QPainter &p, const ServiceFrame &f);
    void paintCauseName(QPainter &p);
    void paintMinimap(QPainter &p);
    void zoomAt(QPointF screen, double factor);

    Mode m_mode;
    FleetSnapshotPtr m_snapshot;
    analysis::FleetGraphPtr m_graph; // the graph the layout was made for
    analysis::PhysicalLayout m_physical;
    analysis::ServiceLayout m_services;
    std::vector<QPointF> m_servicePos; // per graph node (services only)
    std::vector<analysis::NodeHealth> m_health;
    analysis::BlastRadius m_blast;
    std::vector<int> m_path; // dependency path from the selected service to the cause
    QString m_incident;
    analysis::PhysicalOptions m_physicalOptions;
    std::set<std::string> m_pinned;
    int m_selected = -1;
    int m_labelsHidden = 0;
    int m_edgesHidden = 0; // bundles of stray edges left out of the last frame
    bool m_edgesAggregated = false;
    std::vector<QRectF> m_labelBoxes;
    // Per frame caches: edge figures by (from, to) node pair, for one snapshot and graph; node discs.
    static std::uint64_t edgeKey(int from, int to) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(from)) << 32) |
               static_cast<std::uint32_t>(to);
    }
    std::unordered_map<std::uint64_t, const ServiceEdge *> m_figures;
    std::vector<const ServiceEdge *> m_calleeFigures; // per node's callee, in the graph's order
    std::vector<std::size_t> m_calleeFigureStart;     // per node: where its callees' figures start
    const FleetSnapshot *m_figuresSnapshot = nullptr;
    const analysis::FleetGraph *m_figuresGraph = nullptr;
    const QPixmap &sprite(const QColor &fill, double r, bool marked);
    std::unordered_map<quint64, QPixmap> m_sprites;
    QImage m_minimap;           // the overview, redrawn when the layout or the window changes
    bool m_minimapDark = false; // ...or the ground (maptheme.h)
    std::tuple<std::uint64_t, double, double, double, double, int> m_minimapKey{};
    std::set<int> m_highlight;
    double m_scale = 1;
    QPointF m_offset; // screen = map * scale + offset
    bool m_fitted = false, m_laidOut = false, m_stale = false;
    bool m_userMoved = false;      // panned or zoomed: stop fitting to the window
    std::uint64_t m_layoutGen = 0; // layouts so far (the minimap cache key)
    JobRunner m_jobs;              // background work; results for this view only
    QPointF m_pressAt, m_lastMouse;
    bool m_dragging = false;
    int m_dragNode = -1; // a service being dragged (pinned where it is dropped)
    std::function<void(std::function<void(Positions)>)> m_loadPositions;
    std::function<void(Positions)> m_savePositions;
    enum class Stored { None, Loading, Loaded } m_stored = Stored::None;
};

class TopologyView final : public QWidget {
    Q_OBJECT
public:
    explicit TopologyView(TopologyCanvas::Mode mode, QWidget *parent = nullptr);
    void setSnapshot(FleetSnapshotPtr snapshot);
    [[nodiscard]] TopologyCanvas *canvas() const { return m_canvas; }
    void setIncident(const QString &key);

Q_SIGNALS:
    void nodeSelected(const QString &name, bool isService);
    void hostsSelected(const QString &what, const QStringList &hosts);
    void hostActivated(const QString &host);
    void serviceActivated(const QString &service);

private:
    void setUpKeys(); // topologykeys.cpp
    void refreshIncidents();

    TopologyCanvas *m_canvas;
    QComboBox *m_incidents;
    QLineEdit *m_search;
    QLabel *m_status;
    FleetSnapshotPtr m_snapshot;
    QString m_incident;
};

} // namespace vigil
