#include "hostmapview.h"

#include "analysis/imbalance.h"
#include "colorscale.h"
#include "format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

namespace {
constexpr QRgb kDown = 0xff000000;    // black: not answering
constexpr QRgb kNoValue = 0xffb0b0b0; // grey: no value for this metric
constexpr QRgb kBackground = 0xfff4f4f4;
constexpr int kLegendHeight = 28;

// The layout depends on the hosts and their labels only; the analyzer keeps the same graph while
// those hold, so the graph's identity (and the host count) says when to lay out again.
std::uint64_t identity(const FleetSnapshot &s) {
    return reinterpret_cast<std::uintptr_t>(s.graph.get()) ^
           (static_cast<std::uint64_t>(s.hosts.size()) << 48);
}

// Ratios map 0..1; other units scale to the fleet's 95th percentile so one outlier does not wash out
// the rest.
double scaleMax(const FleetSnapshot &s, int metric) {
    if (metric < 0 || static_cast<std::size_t>(metric) >= s.metrics.size())
        return 1;
    if (s.metrics[static_cast<std::size_t>(metric)].unit == MetricUnit::Ratio)
        return 1;
    std::vector<double> v;
    for (const auto &h : s.hosts)
        if (static_cast<std::size_t>(metric) < h.metrics.size() &&
            !std::isnan(h.metrics[static_cast<std::size_t>(metric)]))
            v.push_back(h.metrics[static_cast<std::size_t>(metric)]);
    if (v.empty())
        return 1;
    const auto k = v.size() * 95 / 100;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return std::max(v[k], 1e-9);
}
} // namespace

HostMapCanvas::HostMapCanvas(QWidget *parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(200, 120);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void HostMapCanvas::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    m_stale = m_snapshot && m_snapshot->anyStale(nowMs());
    if (!m_snapshot || identity(*m_snapshot) != m_laidOutFor)
        relayout();
    else
        recolor();
}

void HostMapCanvas::setMetric(int metric) {
    m_metric = metric;
    recolor();
}

void HostMapCanvas::setLevel(int level) {
    m_level = level;
    relayout();
}

void HostMapCanvas::resizeEvent(QResizeEvent *) {
    relayout();
}

void HostMapCanvas::relayout() {
    if (!m_snapshot || !m_snapshot->graph) {
        m_layout = {};
        m_image = QImage();
        update();
        return;
    }
    const auto &g = *m_snapshot->graph;
    const int level = m_level >= 0 ? m_level : std::max(0, static_cast<int>(g.hierarchy().size()) - 1);
    m_layout = analysis::layoutHostMap(g, m_snapshot->hosts, level, std::max(1, width()),
                                       std::max(1, height() - kLegendHeight));
    m_laidOutFor = identity(*m_snapshot);
    recolor();
}

void HostMapCanvas::recolor() {
    // Every tile's colour, once per data change, into one image; paint only blits it.
    const QSize size(std::max(1, width()), std::max(1, height() - kLegendHeight));
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_RGB32);
    m_image.fill(kBackground);
    if (!m_snapshot) {
        update();
        return;
    }
    const auto &scale = ColorScale::viridis();
    const double max = scaleMax(*m_snapshot, m_metric);
    const int tile = m_layout.tile;
    const int edge = tile > 2 ? tile - 1 : tile; // a one-pixel gap between tiles when there is room
    const auto &hosts = m_snapshot->hosts;
    for (std::size_t i = 0; i < hosts.size() && i < m_layout.tileX.size(); ++i) {
        const int x0 = m_layout.tileX[i], y0 = m_layout.tileY[i];
        if (x0 < 0 || y0 < 0)
            continue;
        const Host &h = hosts[i];
        QRgb c;
        if (h.up == UpState::Down) {
            c = kDown;
        } else {
            const double v = static_cast<std::size_t>(m_metric) < h.metrics.size()
                                 ? h.metrics[static_cast<std::size_t>(m_metric)]
                                 : std::nan("");
            c = std::isnan(v) ? kNoValue : scale.at(v / max);
        }
        if (m_stale) // dimmed toward grey: old data
            c = qRgb((qRed(c) + 2 * 0xb0) / 3, (qGreen(c) + 2 * 0xb0) / 3, (qBlue(c) + 2 * 0xb0) / 3);
        for (int y = y0; y < y0 + edge && y < m_image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            for (int x = x0; x < x0 + edge && x < m_image.width(); ++x)
                line[x] = c;
        }
    }
    update();
}

void HostMapCanvas::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), QColor::fromRgb(kBackground));
    p.drawImage(0, 0, m_image);
    // Group titles where there is room for them.
    if (m_layout.titleHeight > 0) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.8);
        p.setFont(f);
        p.setPen(QColor(0x33, 0x33, 0x33));
        const QFontMetrics fm(f);
        for (const auto &g : m_layout.groups)
            p.drawText(QRect(g.x, g.y, std::max(g.w, 40), m_layout.titleHeight),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(QString::fromStdString(g.title), Qt::ElideLeft, std::max(g.w, 40)));
    }
    // Legend: the scale, its range, and the special colours.
    const int y = height() - kLegendHeight + 6;
    const auto &scale = ColorScale::viridis();
    for (int x = 0; x < 200; ++x) {
        p.setPen(QColor::fromRgb(scale.at(x / 199.0)));
        p.drawLine(8 + x, y, 8 + x, y + 12);
    }
    p.setPen(palette().color(QPalette::WindowText));
    QString range = QStringLiteral("0 – 100 %");
    if (m_snapshot && static_cast<std::size_t>(m_metric) < m_snapshot->metrics.size() &&
        m_snapshot->metrics[static_cast<std::size_t>(m_metric)].unit != MetricUnit::Ratio)
        range = tr("0 – %1 (95th percentile)")
                    .arg(format::metric(scaleMax(*m_snapshot, m_metric),
                                        m_snapshot->metrics[static_cast<std::size_t>(m_metric)].unit));
    p.drawText(QPoint(216, y + 11), range);
    p.fillRect(QRect(420, y, 12, 12), QColor::fromRgb(kDown));
    p.drawText(QPoint(436, y + 11), tr("down"));
    p.fillRect(QRect(490, y, 12, 12), QColor::fromRgb(kNoValue));
    p.drawText(QPoint(506, y + 11), tr("no value"));
    if (m_stale) {
        p.setPen(QColor(0xc0, 0x30, 0x30));
        p.drawText(QPoint(590, y + 11), tr("STALE: the data is older than two poll intervals"));
    }
}

const Host *HostMapCanvas::hostAt(QPoint pt) const {
    if (!m_snapshot)
        return nullptr;
    const int i = m_layout.hostAt(pt.x(), pt.y());
    return i >= 0 && static_cast<std::size_t>(i) < m_snapshot->hosts.size()
               ? &m_snapshot->hosts[static_cast<std::size_t>(i)]
               : nullptr;
}

QString HostMapCanvas::describe(const Host &h) const {
    QString text = QStringLiteral("<b>%1</b>").arg(QString::fromStdString(h.name).toHtmlEscaped());
    if (h.up == UpState::Down)
        text += QStringLiteral(" — ") + tr("down");
    for (std::size_t m = 0; m < m_snapshot->metrics.size() && m < h.metrics.size(); ++m)
        text += QStringLiteral("<br>%1: %2")
                    .arg(QString::fromStdString(m_snapshot->metrics[m].title).toHtmlEscaped(),
                         format::metric(h.metrics[m], m_snapshot->metrics[m].unit));
    if (h.activeAlerts > 0)
        text += QStringLiteral("<br>") + tr("%n active alert(s)", nullptr, h.activeAlerts);
    return text;
}

bool HostMapCanvas::event(QEvent *e) {
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        if (const Host *h = hostAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(*h), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void HostMapCanvas::mouseDoubleClickEvent(QMouseEvent *e) {
    if (const Host *h = hostAt(e->position().toPoint()))
        Q_EMIT hostActivated(QString::fromStdString(h->name));
}

HostMapView::HostMapView(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new HostMapCanvas)
    , m_metric(new QComboBox)
    , m_level(new QComboBox)
    , m_summary(new QLabel)
    , m_imbalance(new QLabel) {
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Colour by")));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("Group by")));
    bar->addWidget(m_level);
    bar->addWidget(m_summary, 1);
    // Uneven load beside the map: the pools whose hosts redline while others idle.
    m_imbalance->setTextFormat(Qt::RichText);
    m_imbalance->setWordWrap(true);
    m_imbalance->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_imbalance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_imbalance);
    scroll->setWidgetResizable(true);
    scroll->setFixedWidth(330);
    auto *body = new QHBoxLayout;
    body->addWidget(m_canvas, 1);
    body->addWidget(scroll);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(body, 1);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            m_canvas->setMetric(i);
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            m_canvas->setLevel(i);
    });
    connect(m_canvas, &HostMapCanvas::hostActivated, this, &HostMapView::hostActivated);
}

void HostMapView::refreshCombos() {
    if (!m_snapshot)
        return;
    if (m_metric->count() != static_cast<int>(m_snapshot->metrics.size())) {
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        for (const auto &m : m_snapshot->metrics)
            m_metric->addItem(QString::fromStdString(m.title), QString::fromStdString(m.key));
    }
    if (m_snapshot->graph && m_level->count() != static_cast<int>(m_snapshot->graph->hierarchy().size())) {
        const QSignalBlocker block(m_level);
        m_level->clear();
        for (const auto &l : m_snapshot->graph->hierarchy())
            m_level->addItem(QString::fromStdString(l));
        m_level->setCurrentIndex(m_level->count() - 1);
    }
}

void HostMapView::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    refreshCombos();
    m_canvas->setSnapshot(m_snapshot);
    refreshImbalance();
    if (!m_snapshot)
        return;
    int down = 0;
    for (const auto &h : m_snapshot->hosts)
        down += h.up == UpState::Down;
    m_summary->setText(tr("%1 hosts in %2 groups · %3 down · tile %4 px")
                           .arg(QLocale().toString(static_cast<qulonglong>(m_snapshot->hosts.size())))
                           .arg(m_canvas->layout().groups.size())
                           .arg(down)
                           .arg(m_canvas->layout().tile));
}

void HostMapView::refreshImbalance() {
    if (!m_snapshot || !m_snapshot->imbalance) {
        m_imbalance->setText(tr("<b>Uneven load</b><br>Needs a <i>cpu</i> metric in the query profile."));
        return;
    }
    const auto &groups = *m_snapshot->imbalance;
    const QLocale l;
    auto names = [&](const std::vector<int> &idx) {
        QStringList out;
        for (std::size_t k = 0; k < idx.size() && k < 3; ++k)
            out << QString::fromStdString(m_snapshot->hosts[static_cast<std::size_t>(idx[k])].name)
                       .toHtmlEscaped();
        if (idx.size() > 3)
            out << tr("+%1 more").arg(idx.size() - 3);
        return out.join(QStringLiteral(", "));
    };
    QString html = tr("<b>Uneven load</b> (CPU by pool, most uneven first)");
    int shown = 0;
    for (const auto &g : groups) {
        if (shown++ == 6)
            break;
        html += QStringLiteral("<p style='margin-top:6px'><b>%1</b> · %2 hosts · mean %3 · max %4 · CV %5")
                    .arg(QString::fromStdString(g.group).toHtmlEscaped())
                    .arg(g.hosts)
                    .arg(format::metric(g.mean, MetricUnit::Ratio), format::metric(g.max, MetricUnit::Ratio))
                    .arg(l.toString(g.cv, 'f', 2));
        if (!g.hot.empty())
            html +=
                QStringLiteral("<br>") + tr("%1 redlining (≥ 85 %): %2").arg(g.hot.size()).arg(names(g.hot));
        if (!g.idle.empty())
            html += QStringLiteral("<br>") + tr("%1 idle (≤ 20 %): %2").arg(g.idle.size()).arg(names(g.idle));
        if (!g.hot.empty() && !g.idle.empty())
            html += QStringLiteral("<br><i>") +
                    tr("Shifting about %1 hosts' worth of CPU from the redlining hosts to the %2 idle ones "
                       "brings them to the pool's mean (rebalance weights, or drain the hottest first).")
                        .arg(l.toString(g.excess, 'f', 1))
                        .arg(g.idle.size()) +
                    QStringLiteral("</i>");
        html += QStringLiteral("</p>");
    }
    m_imbalance->setText(html);
}

void HostMapView::setMetric(const QString &key) {
    const int i = m_metric->findData(key);
    if (i >= 0)
        m_metric->setCurrentIndex(i);
}

void HostMapView::setLevel(int level) {
    m_level->setCurrentIndex(level);
}

} // namespace vigil
