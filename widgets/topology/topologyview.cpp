#include "topology/topologyview.h"

#include "topology/topologystyle.h"

#include "analysis/correlation.h"
#include "fleet/labelmatcher.h"
#include "item/incidentmodel.h"
#include "support/guard.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QGestureEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSvgGenerator>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigil {

using analysis::NodeKind;
using namespace topologystyle;

namespace {
QString settingsKey(TopologyCanvas::Mode m) {
    return m == TopologyCanvas::Mode::Services ? QStringLiteral("topology/pinnedServices")
                                               : QStringLiteral("topology/physical");
}
} // namespace

TopologyCanvas::TopologyCanvas(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(mode == Mode::Services ? tr("Service map") : tr("Topology map"));
    setMinimumSize(320, 240);
    grabGesture(Qt::PinchGesture); // touchscreens; touchpads send native zoom gestures (event())
    // Pins persist: the operator's placement of services survives restarts.
    if (mode == Mode::Services) {
        QSettings s;
        s.beginGroup(settingsKey(mode));
        for (const auto &name : s.childKeys()) {
            const auto v = s.value(name).toPointF();
            m_pinned.insert(name.toStdString());
            m_services.positions[name.toStdString()] = {v.x(), v.y()};
        }
    }
}

void TopologyCanvas::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    if (!m_snapshot || !m_snapshot->graph)
        return;
    m_stale = m_snapshot->anyStale(m_snapshot->now());
    if (m_mode == Mode::Services && m_loadPositions && m_stored == Stored::None) {
        // Yesterday's map first: the stored positions seed the layout, so nothing moves.
        m_stored = Stored::Loading;
        QPointer<TopologyCanvas> self(this);
        m_loadPositions([self](Positions positions) {
            if (!self)
                return;
            for (const auto &[name, p] : positions)
                if (!self->m_pinned.count(name)) // a pin is the operator's word
                    self->m_services.positions[name] = {p.first, p.second};
            self->m_stored = Stored::Loaded;
            if (self->m_snapshot && self->m_snapshot->graph)
                self->relayout();
        });
    }
    if (m_stored == Stored::Loading)
        return;
    if (m_snapshot->graph != m_graph)
        relayout(); // the fleet's shape changed (or the first snapshot)
    refreshHealth();
    refreshBlast();
}

void TopologyCanvas::relayout() {
    ++m_layoutGen; // names this layout in the minimap's cache
    analysis::ServiceLayoutOptions so;
    so.previous = m_services.positions;
    so.pinned = m_pinned;
    so.side = m_services.side;
    struct Layouts {
        analysis::PhysicalLayout physical;
        analysis::ServiceLayout services;
    };
    // A newer shape supersedes this one (the channel).
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("layout"), "laying out a map", this,
        [graph = m_snapshot->graph, mode = m_mode, po = m_physicalOptions, so](const CancelToken &) {
            auto out = std::make_shared<Layouts>();
            if (mode == Mode::Physical)
                out->physical = analysis::layoutPhysical(*graph, po);
            else
                out->services = analysis::layoutServices(*graph, so);
            return out;
        },
        [this, graph = m_snapshot->graph](std::shared_ptr<Layouts> out) {
            m_graph = graph;
            m_physical = std::move(out->physical);
            if (m_mode == Mode::Services) {
                m_services = std::move(out->services);
                m_servicePos.assign(graph->nodes().size(), QPointF());
                for (const auto &[name, p] : m_services.positions)
                    if (const int s = graph->service(name); s >= 0)
                        m_servicePos[static_cast<std::size_t>(s)] = QPointF(p.x, p.y);
            }
            m_laidOut = true;
            if (m_mode == Mode::Services && m_savePositions) {
                Positions keep;
                for (const auto &[name, p] : m_services.positions)
                    keep.push_back({name, {p.x, p.y}});
                m_savePositions(std::move(keep));
            }
            if (!m_userMoved)
                fit();
            refreshHealth();
            refreshBlast();
            update();
            Q_EMIT laidOut();
            Q_EMIT statusChanged(warnings());
        });
}

void TopologyCanvas::refreshHealth() {
    if (!m_snapshot || !m_graph || m_snapshot->graph != m_graph)
        return;
    if (m_snapshot->health && m_snapshot->health->size() == m_graph->nodes().size()) {
        m_jobs.cancel(QStringLiteral("health")); // counted with the snapshot, once for every map
        m_health = *m_snapshot->health;
        update();
        return;
    }
    // A snapshot built without the analysis (a test's): a pass over every host and alert, off the GUI
    // thread; painted in place, no relayout.
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("health"), "computing map health", this,
        [snap = m_snapshot](const CancelToken &) { // with the labels its triage was computed with
            const auto t = snap->triage ? snap->triage : std::make_shared<const analysis::TriageResult>();
            return std::make_shared<std::vector<analysis::NodeHealth>>(analysis::computeHealth(
                *snap->graph, snap->hosts, snap->alerts, t->identity, t->serviceLabel));
        },
        [this, snap = m_snapshot](std::shared_ptr<std::vector<analysis::NodeHealth>> health) {
            if (snap->graph != m_graph)
                return;
            m_health = std::move(*health);
            update();
        });
}

void TopologyCanvas::refreshBlast() {
    const analysis::Incident *inc = nullptr;
    if (m_snapshot && m_graph && m_snapshot->triage && m_snapshot->graph == m_graph) {
        const std::string key = m_incident.toStdString();
        for (const auto &i : m_snapshot->triage->incidents)
            if (i.key == key) {
                inc = &i;
                break;
            }
        if (!inc && key.empty() && !m_snapshot->triage->incidents.empty())
            inc = &m_snapshot->triage->incidents.front(); // no choice made: the top incident
    }
    if (!inc || inc->causeNode < 0) {
        m_jobs.cancel(QStringLiteral("blast"));
        m_blast = {};
        m_path.clear();
        update();
        return;
    }
    struct Blast {
        analysis::BlastRadius radius;
        std::vector<int> path; // from the selected service down to the cause's service(s)
    };
    // A walk over the graph (milliseconds at 10,000 hosts): off the GUI thread for a large fleet.
    m_jobs.runOrInline(
        m_graph->nodes().size() <= 5000, JobRunner::Pool::Interactive, QStringLiteral("blast"),
        "tracing the blast radius", this,
        [graph = m_graph, cause = inc->causeNode, selected = m_selected](const CancelToken &) {
            Blast b;
            b.radius = analysis::blastRadius(*graph, cause);
            if (selected >= 0 && graph->node(selected).kind == NodeKind::Service)
                for (int s : b.radius.services) {
                    auto path = analysis::dependencyPath(*graph, selected, s);
                    if (!path.empty() && (b.path.empty() || path.size() > b.path.size()))
                        b.path = std::move(path);
                }
            return std::make_shared<Blast>(std::move(b));
        },
        [this, graph = m_graph](const std::shared_ptr<Blast> &b) {
            if (graph != m_graph)
                return; // laid out anew meanwhile; the new layout asks again
            m_blast = std::move(b->radius);
            m_path = std::move(b->path);
            update();
        });
}

void TopologyCanvas::setLayoutStore(std::function<void(std::function<void(Positions)>)> load,
                                    std::function<void(Positions)> save) {
    m_loadPositions = std::move(load);
    m_savePositions = std::move(save);
}

void TopologyCanvas::setIncident(const QString &key) {
    m_incident = key;
    refreshBlast();
}

void TopologyCanvas::setHighlight(const QString &name) {
    m_highlight.clear();
    if (!m_graph)
        return;
    const std::string n = name.toStdString();
    if (m_mode == Mode::Physical) {
        if (const int s = m_graph->service(n); s >= 0) // a service from the other map: its hosts
            m_highlight.insert(m_graph->node(s).members.begin(), m_graph->node(s).members.end());
        if (const int h = m_graph->host(n); h >= 0)
            m_highlight.insert(h);
    } else {
        if (const int h = m_graph->host(n); h >= 0 && m_graph->node(h).service >= 0) // a host: its service
            m_highlight.insert(m_graph->node(h).service);
        if (const int s = m_graph->service(n); s >= 0)
            m_highlight.insert(s);
    }
    update();
}

void TopologyCanvas::setHighlightHosts(const QStringList &hosts) {
    m_highlight.clear();
    if (m_graph)
        for (const auto &name : hosts) {
            const int h = m_graph->host(name.toStdString());
            if (h < 0)
                continue;
            const auto &node = m_graph->node(h);
            if (m_mode == Mode::Physical) {
                m_highlight.insert(h);
                if (node.parent >= 0)
                    m_highlight.insert(node.parent); // the rack: seen even when collapsed
            } else if (node.service >= 0) {
                m_highlight.insert(node.service);
            }
        }
    update();
}

QStringList TopologyCanvas::hostsOf(int node) const {
    QStringList out;
    if (!m_graph || node < 0)
        return out;
    const auto &n = m_graph->node(node);
    if (n.kind == NodeKind::Host) {
        out << QString::fromStdString(n.name);
    } else if (n.kind == NodeKind::Service) {
        for (int h : n.members)
            out << QString::fromStdString(m_graph->node(h).name);
    } else {
        std::vector<int> stack{node};
        while (!stack.empty()) {
            const int k = stack.back();
            stack.pop_back();
            const auto &kn = m_graph->node(k);
            if (kn.kind == NodeKind::Host)
                out << QString::fromStdString(kn.name);
            stack.insert(stack.end(), kn.children.begin(), kn.children.end());
        }
    }
    return out;
}

QString TopologyCanvas::warnings() const {
    QStringList out;
    if (m_mode == Mode::Services) {
        for (const auto &w : m_services.warnings)
            out << QString::fromStdString(w);
        if (m_graph) {
            int services = 0;
            for (const auto &n : m_graph->nodes())
                services += n.kind == NodeKind::Service;
            if (services == 0)
                out << tr(
                    "No services: hosts carry no service label and no dependency edges are configured.");
            else if (m_snapshot && m_snapshot->edges.empty())
                out << tr("No dependency edges: the config lists none and the edge query returned none; "
                          "services are shown unconnected.");
        }
    } else if (m_graph) {
        if (m_graph->unplaced() >= 0)
            out << tr("%n host(s) lack the hierarchy labels (%1) and are in \"unplaced\".", nullptr,
                      m_graph->node(m_graph->unplaced()).hosts)
                       .arg(QString::fromStdString([&] {
                           std::string s;
                           for (const auto &l : m_graph->hierarchy())
                               s += (s.empty() ? "" : ", ") + l;
                           return s;
                       }()));
        if (m_physical.autoCollapsedLevel >= 0)
            out << tr("%1 hosts: %2s shown as boxes; double-click one to open it.")
                       .arg(m_graph->hostCount())
                       .arg(QString::fromStdString(
                           m_graph->hierarchy()[static_cast<std::size_t>(m_physical.autoCollapsedLevel)]));
    }
    return out.join(QLatin1Char('\n'));
}

std::string TopologyCanvas::dot() const {
    return m_graph && m_snapshot ? analysis::toDot(*m_graph, m_snapshot->edges) : std::string();
}

QRectF TopologyCanvas::mapBounds() const {
    if (m_mode == Mode::Physical)
        return QRectF(0, 0, std::max(1.0F, m_physical.width), std::max(1.0F, m_physical.height));
    // Each service with its disc and a little room (a unit is about an edge's length): a fixed margin of
    // two units squeezed a map of twenty services into the middle third of a wall display.
    QRectF r;
    bool first = true;
    for (const auto &[name, p] : m_services.positions) {
        const int s = m_graph ? m_graph->service(name) : -1;
        const double room = (s >= 0 ? serviceRadius(s) : 0.6) + 0.35;
        const QRectF pt(p.x - room, p.y - room, 2 * room, 2 * room);
        r = first ? pt : r.united(pt);
        first = false;
    }
    return first ? QRectF(0, 0, 1, 1) : r;
}

QPointF TopologyCanvas::toScreen(QPointF m) const {
    return m * m_scale + m_offset;
}

QPointF TopologyCanvas::toMap(QPointF s) const {
    return (s - m_offset) / m_scale;
}

void TopologyCanvas::fit() {
    const QRectF b = mapBounds();
    m_scale = std::min((width() - 20) / b.width(), (height() - 20) / b.height());
    m_scale = std::max(m_scale, 1e-4);
    m_offset = QPointF(width() / 2.0, height() / 2.0) - b.center() * m_scale;
    m_fitted = true;
    update();
}

void TopologyCanvas::zoomAt(QPointF screen, double factor) {
    m_userMoved = true;
    const QPointF m = toMap(screen);
    m_scale = std::clamp(m_scale * factor, 1e-4, 400.0);
    m_offset = screen - m * m_scale;
    update();
}

void TopologyCanvas::resizeEvent(QResizeEvent *) {
    // Until the operator pans or zooms, the map follows the window's size.
    if (m_laidOut && !m_userMoved)
        fit();
}

const QPixmap &TopologyCanvas::sprite(const QColor &fill, double r, bool marked) {
    const auto half = static_cast<quint64>(std::lround(r * 2));
    const quint64 key = (static_cast<quint64>(fill.rgba()) << 32) | (half << 1) | (marked ? 1 : 0);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return it->second;
    if (m_sprites.size() > 512)
        m_sprites.clear();
    const double rr = static_cast<double>(half) / 2;
    const int side = static_cast<int>(std::ceil(2 * rr + 4));
    QPixmap pm(side, side);
    pm.fill(Qt::transparent);
    QPainter sp(&pm);
    sp.setRenderHint(QPainter::Antialiasing, true);
    sp.setPen(QPen(marked ? kPath : QColor(0x55, 0x5d, 0x66), marked ? 3 : 1));
    sp.setBrush(fill);
    sp.drawEllipse(QPointF(rr + 2, rr + 2), rr, rr);
    sp.end();
    return m_sprites.emplace(key, std::move(pm)).first->second;
}

QPointF TopologyCanvas::servicePos(int node) const {
    return node >= 0 && static_cast<std::size_t>(node) < m_servicePos.size()
               ? m_servicePos[static_cast<std::size_t>(node)]
               : QPointF();
}

double TopologyCanvas::serviceRadius(int node) const {
    return std::min(0.6, 0.15 + 0.02 * std::sqrt(static_cast<double>(m_graph->node(node).members.size())));
}

void TopologyCanvas::toggleCollapsed(int node) {
    const auto i = m_physical.groupIndex.size() > static_cast<std::size_t>(node)
                       ? m_physical.groupIndex[static_cast<std::size_t>(node)]
                       : -1;
    const bool collapsed = i >= 0 && m_physical.groups[static_cast<std::size_t>(i)].collapsed;
    m_physicalOptions.collapsed.erase(node);
    m_physicalOptions.expanded.erase(node);
    (collapsed ? m_physicalOptions.expanded : m_physicalOptions.collapsed).insert(node);
    relayout();
}

void TopologyCanvas::setPinned(const QString &service, bool pinned) {
    QSettings s;
    s.beginGroup(settingsKey(m_mode));
    if (pinned) {
        m_pinned.insert(service.toStdString());
        const auto it = m_services.positions.find(service.toStdString());
        if (it != m_services.positions.end())
            s.setValue(service, QPointF(it->second.x, it->second.y));
    } else {
        m_pinned.erase(service.toStdString());
        s.remove(service);
    }
}

bool TopologyCanvas::exportImage(const QString &path, QString *error) {
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size());
        svg.setViewBox(rect());
        svg.setTitle(tr("Vigil topology"));
        QPainter p;
        if (!p.begin(&svg)) {
            *error = tr("Could not write %1").arg(path);
            return false;
        }
        render(p);
        p.end();
        return QFile::exists(path);
    }
    QImage img(size(), QImage::Format_RGB32);
    QPainter p(&img);
    render(p);
    p.end();
    if (!img.save(path, "PNG")) {
        *error = tr("Could not write %1").arg(path);
        return false;
    }
    return true;
}

// ---- TopologyView -------------------------------------------------------------------------------

TopologyView::TopologyView(TopologyCanvas::Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_canvas(new TopologyCanvas(mode))
    , m_incidents(new QComboBox)
    , m_search(new QLineEdit)
    , m_status(new QLabel) {
    m_search->setPlaceholderText(mode == TopologyCanvas::Mode::Services
                                     ? tr("Find a service…")
                                     : tr("Find a host, rack, or label matcher such as rack=\"eu1-a-r07\"…"));
    m_search->setClearButtonEnabled(true);
    m_incidents->setMinimumContentsLength(40);
    auto *fit = new QPushButton(tr("Fit"));
    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    exportButton->setMenu(menu);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Incident")));
    bar->addWidget(m_incidents, 1);
    bar->addWidget(m_search, 1);
    bar->addWidget(fit);
    bar->addWidget(exportButton);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);
    connect(fit, &QPushButton::clicked, m_canvas, &TopologyCanvas::fit);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const bool ok = m_canvas->flyTo(m_search->text());
        m_search->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { background: #fbe3e3; }"));
        m_canvas->setFocus();
    });
    connect(m_incidents, &QComboBox::activated, this, [this](int i) {
        m_incident = m_incidents->itemData(i).toString();
        m_canvas->setIncident(m_incident);
    });
    auto exporter = [this](const QString &filter, const QString &suffix) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the map"),
                                                          QStringLiteral("vigil-topology.") + suffix, filter);
        if (path.isEmpty())
            return;
        QString err;
        bool ok = true;
        if (suffix == QLatin1String("dot")) {
            QFile f(path);
            const std::string dot = m_canvas->dot();
            ok = f.open(QIODevice::WriteOnly) &&
                 f.write(dot.data(), static_cast<qint64>(dot.size())) == static_cast<qint64>(dot.size());
            if (!ok)
                err = tr("Could not write %1: %2").arg(path, f.errorString());
        } else {
            ok = m_canvas->exportImage(path, &err);
        }
        if (!ok)
            QMessageBox::warning(this, tr("Export failed"), err);
    };
    connect(menu->addAction(tr("PNG image…")), &QAction::triggered, this,
            [exporter] { exporter(tr("PNG images (*.png)"), QStringLiteral("png")); });
    connect(menu->addAction(tr("SVG drawing…")), &QAction::triggered, this,
            [exporter] { exporter(tr("SVG drawings (*.svg)"), QStringLiteral("svg")); });
    connect(menu->addAction(tr("Graphviz DOT (service graph)…")), &QAction::triggered, this,
            [exporter] { exporter(tr("DOT files (*.dot)"), QStringLiteral("dot")); });
    connect(m_canvas, &TopologyCanvas::statusChanged, m_status, &QLabel::setText);
    connect(m_canvas, &TopologyCanvas::nodeSelected, this, &TopologyView::nodeSelected);
    connect(m_canvas, &TopologyCanvas::hostsSelected, this, &TopologyView::hostsSelected);
    connect(m_canvas, &TopologyCanvas::serviceActivated, this, &TopologyView::serviceActivated);
    connect(m_canvas, &TopologyCanvas::hostActivated, this, &TopologyView::hostActivated);
    setUpKeys();
}

void TopologyView::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    m_canvas->setSnapshot(m_snapshot);
    refreshIncidents();
}

void TopologyView::setIncident(const QString &key) {
    m_incident = key;
    m_canvas->setIncident(key);
    refreshIncidents();
}

void TopologyView::refreshIncidents() {
    const QSignalBlocker block(m_incidents);
    m_incidents->clear();
    m_incidents->addItem(tr("Top incident"), QString());
    if (!m_snapshot || !m_snapshot->triage)
        return;
    int shown = 0;
    for (const auto &inc : m_snapshot->triage->incidents) {
        if (shown++ == 25)
            break;
        if (inc.causeNode < 0)
            continue;
        m_incidents->addItem(
            tr("%1 · %2 · %n alert(s)", nullptr, static_cast<int>(inc.alerts.size()))
                .arg(IncidentModel::causeTitle(inc), IncidentModel::severityName(analysis::urgencyOf(inc))),
            QString::fromStdString(inc.key));
    }
    m_incidents->setCurrentIndex(std::max(0, m_incidents->findData(m_incident)));
}

} // namespace vigil
