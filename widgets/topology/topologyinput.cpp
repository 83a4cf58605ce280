// TopologyCanvas's input: what is under the pointer and how it reads in a tooltip, zoom by wheel and
// pinch, pan and drag, clicks that select, open or collapse, and finding a node by name. The keys are
// in topologykeys.cpp.
#include "topology/topologyview.h"

#include "topology/topologystyle.h"

#include "analysis/correlation.h"
#include "fleet/labelmatcher.h"
#include "item/incidentmodel.h"

#include <QGestureEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace vigil {

using analysis::NodeKind;
using namespace topologystyle;

int TopologyCanvas::nodeAt(QPointF p) const {
    if (!m_graph || !m_laidOut)
        return -1;
    const QPointF m = toMap(p);
    if (m_mode == Mode::Services) {
        int best = -1;
        double bestD = 1e300;
        for (std::size_t i = 0; i < m_servicePos.size(); ++i) {
            if (m_graph->node(static_cast<int>(i)).kind != NodeKind::Service)
                continue;
            const double d = std::hypot(m.x() - m_servicePos[i].x(), m.y() - m_servicePos[i].y());
            if (d < std::max(serviceRadius(static_cast<int>(i)), 4 / m_scale) && d < bestD) {
                best = static_cast<int>(i);
                bestD = d;
            }
        }
        return best;
    }
    for (const auto &h : m_physical.hosts)
        if (m.x() >= h.x && m.x() < h.x + h.w && m.y() >= h.y && m.y() < h.y + h.h)
            return h.node;
    int best = -1, depth = -1;
    for (const auto &g : m_physical.groups)
        if (m.x() >= g.x && m.x() < g.x + g.w && m.y() >= g.y && m.y() < g.y + g.h && g.depth > depth) {
            best = g.node;
            depth = g.depth;
        }
    return best;
}

QString TopologyCanvas::describe(int node) const {
    if (!m_graph || node < 0)
        return {};
    const auto &n = m_graph->node(node);
    const auto *h = static_cast<std::size_t>(node) < m_health.size()
                        ? &m_health[static_cast<std::size_t>(node)]
                        : nullptr;
    QString text = QStringLiteral("<b>%1</b> (%2)")
                       .arg(QString::fromStdString(n.name).toHtmlEscaped(),
                            QString::fromUtf8(m_graph->levelName(node).data(),
                                              static_cast<int>(m_graph->levelName(node).size())));
    if (n.kind == NodeKind::Group)
        text += QStringLiteral("<br>") + QString::fromStdString(m_graph->path(node)).toHtmlEscaped();
    if (h) {
        text += QStringLiteral("<br>") +
                tr("%L1 hosts · %L2 up · %L3 down").arg(h->hosts).arg(h->up).arg(h->down);
        if (h->alerts)
            text += QStringLiteral("<br>") + tr("%n active alert(s), worst %1", nullptr, h->alerts)
                                                 .arg(IncidentModel::severityName(h->severity));
    }
    if (n.kind == NodeKind::Service) {
        QStringList callees, callers;
        for (int c : n.callees)
            callees << QString::fromStdString(m_graph->node(c).name);
        for (int c : n.callers)
            callers << QString::fromStdString(m_graph->node(c).name);
        text +=
            QStringLiteral("<br>") +
            tr("depends on: %1").arg(callees.isEmpty() ? tr("nothing") : callees.join(QStringLiteral(", ")));
        text += QStringLiteral("<br>") +
                tr("depended on by: %1")
                    .arg(callers.isEmpty() ? tr("nothing") : callers.join(QStringLiteral(", ")));
        const auto down = m_graph->dependentsOf(node);
        text += QStringLiteral("<br>") +
                tr("%n service(s) depend on it, directly or not", nullptr, static_cast<int>(down.size()));
    }
    if (m_blast.cause == node)
        text += QStringLiteral("<br><b style='color:#c00080'>") + tr("root cause of the selected incident") +
                QStringLiteral("</b>");
    else if (m_blast.nodes.count(node))
        text += QStringLiteral("<br><b style='color:#c00080'>") + tr("in the blast radius") +
                QStringLiteral("</b>");
    return text;
}

bool TopologyCanvas::event(QEvent *e) {
    // Touchpad pinch (macOS, Wayland, X11 with XInput 2.4): zoom about the fingers.
    if (e->type() == QEvent::NativeGesture) {
        auto *g = static_cast<QNativeGestureEvent *>(e);
        if (g->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(g->position(), 1 + g->value());
            return true;
        }
        if (g->gestureType() == Qt::SmartZoomNativeGesture) {
            m_userMoved = false;
            fit();
            return true;
        }
    }
    // Touchscreen pinch.
    if (e->type() == QEvent::Gesture) {
        auto *g = static_cast<QGestureEvent *>(e);
        if (auto *pinch = static_cast<QPinchGesture *>(g->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomAt(mapFromGlobal(pinch->centerPoint()), pinch->scaleFactor());
            g->accept(pinch);
            return true;
        }
    }
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const int n = nodeAt(help->pos());
        if (n >= 0)
            QToolTip::showText(help->globalPos(), describe(n), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void TopologyCanvas::wheelEvent(QWheelEvent *e) {
    // A touchpad's two-finger scroll (pixel deltas) pans, as maps do; a mouse wheel, or Ctrl with
    // either, zooms.
    if (!e->pixelDelta().isNull() && !(e->modifiers() & Qt::ControlModifier)) {
        m_offset += QPointF(e->pixelDelta());
        m_userMoved = true;
        update();
    } else {
        zoomAt(e->position(), std::pow(1.2, e->angleDelta().y() / 120.0));
    }
    e->accept();
}

void TopologyCanvas::mousePressEvent(QMouseEvent *e) {
    m_pressAt = m_lastMouse = e->position();
    m_dragging = true;
    m_dragNode = -1;
    if (m_mode == Mode::Services && e->button() == Qt::LeftButton) {
        const int n = nodeAt(e->position());
        if (n >= 0)
            m_dragNode = n;
    }
}

void TopologyCanvas::mouseMoveEvent(QMouseEvent *e) {
    if (!m_dragging)
        return;
    const QPointF d = e->position() - m_lastMouse;
    m_lastMouse = e->position();
    if (m_dragNode >= 0) {
        m_servicePos[static_cast<std::size_t>(m_dragNode)] += d / m_scale;
    } else {
        m_offset += d;
    }
    m_userMoved = true;
    update();
}

void TopologyCanvas::mouseReleaseEvent(QMouseEvent *e) {
    m_dragging = false;
    const bool click = (e->position() - m_pressAt).manhattanLength() < 4;
    if (m_dragNode >= 0 && !click) {
        // Dropped: pinned there, now and after a restart.
        const auto &name = m_graph->node(m_dragNode).name;
        const QPointF p = m_servicePos[static_cast<std::size_t>(m_dragNode)];
        m_services.positions[name] = {p.x(), p.y()};
        setPinned(QString::fromStdString(name), true);
        m_dragNode = -1;
        return;
    }
    m_dragNode = -1;
    if (!click || e->button() != Qt::LeftButton)
        return;
    const int n = nodeAt(e->position());
    m_selected = n;
    refreshBlast();
    if (n < 0) {
        // A click on empty map clears the selection here and in the other views.
        Q_EMIT hostsSelected(QString(), QStringList());
        m_highlight.clear();
        update();
        return;
    }
    const auto &node = m_graph->node(n);
    Q_EMIT nodeSelected(QString::fromStdString(node.name), node.kind == NodeKind::Service);
    Q_EMIT hostsSelected(
        QStringLiteral("%1 %2").arg(QString::fromUtf8(m_graph->levelName(n).data(),
                                                      static_cast<qsizetype>(m_graph->levelName(n).size())),
                                    QString::fromStdString(node.name)),
        hostsOf(n));
    if (node.kind == NodeKind::Host)
        Q_EMIT hostActivated(QString::fromStdString(node.name));
    update();
}

void TopologyCanvas::mouseDoubleClickEvent(QMouseEvent *e) {
    const int n = nodeAt(e->position());
    if (n >= 0 && m_mode == Mode::Physical && m_graph->node(n).kind == NodeKind::Group)
        toggleCollapsed(n);
    if (n >= 0 && m_graph->node(n).kind == NodeKind::Service)
        Q_EMIT serviceActivated(QString::fromStdString(m_graph->node(n).name));
}

bool TopologyCanvas::flyTo(const QString &text) {
    if (!m_graph || text.trimmed().isEmpty())
        return false;
    const std::string t = text.trimmed().toStdString();
    int found = -1;
    if (m_mode == Mode::Services) {
        found = m_graph->service(t);
        for (std::size_t i = 0; found < 0 && i < m_graph->nodes().size(); ++i)
            if (m_graph->node(static_cast<int>(i)).kind == NodeKind::Service &&
                m_graph->node(static_cast<int>(i)).name.find(t) != std::string::npos)
                found = static_cast<int>(i);
    } else {
        found = m_graph->host(t);
        if (found < 0) {
            std::string err;
            const auto filter = LabelFilter::parse(t, &err);
            if (filter && m_snapshot)
                for (const auto &h : m_snapshot->hosts)
                    if (filter->matches(h.labels, h.name)) {
                        found = m_graph->host(h.name);
                        break;
                    }
        }
        for (std::size_t i = 0; found < 0 && i < m_graph->nodes().size(); ++i)
            if (m_graph->node(static_cast<int>(i)).kind == NodeKind::Group &&
                m_graph->node(static_cast<int>(i)).name == t)
                found = static_cast<int>(i);
    }
    if (found < 0)
        return false;
    QPointF at;
    double zoom = m_scale;
    if (m_mode == Mode::Services) {
        at = servicePos(found);
        zoom = std::max(m_scale, 40.0);
    } else if (const int hi = m_physical.hostBoxOf(found); hi >= 0) {
        at = QPointF(m_physical.hosts[static_cast<std::size_t>(hi)].x,
                     m_physical.hosts[static_cast<std::size_t>(hi)].y);
        zoom = std::max(m_scale, 12.0);
    } else if (const int gi = m_physical.groupBoxOf(found); gi >= 0) {
        const auto &g = m_physical.groups[static_cast<std::size_t>(gi)];
        at = QPointF(g.x + g.w / 2, g.y + g.h / 2);
        zoom = std::min(width() / (g.w * 1.5), height() / (g.h * 1.5));
    }
    m_scale = zoom;
    m_offset = QPointF(width() / 2.0, height() / 2.0) - at * m_scale;
    m_userMoved = true;
    m_highlight = {found};
    update();
    return true;
}

} // namespace vigil
