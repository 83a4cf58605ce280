#include "hostmapview.h"

#include "analysis/imbalance.h"
#include "analysis/wear.h"
#include "colorscale.h"
#include "format.h"
#include "support/guard.h"
#include "viewcontrols.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

namespace {
constexpr QRgb kDown = 0xff000000;    // black: not answering
constexpr QRgb kNoValue = 0xffb0b0b0; // grey: no value for this metric
constexpr QRgb kBackground = 0xfff4f4f4;
constexpr QRgb kFilteredOut = 0xffe2e2e2; // not matched by the filter: faint, still in place
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

void HostMapCanvas::setMarkedHosts(std::vector<std::string> hosts) {
    std::sort(hosts.begin(), hosts.end());
    m_marked = std::move(hosts);
    indexMarks();
    update();
}

void HostMapCanvas::indexMarks() {
    m_markedIdx.clear();
    if (!m_snapshot)
        return;
    for (const auto &name : m_marked) // hosts are sorted by name: a binary search each
        if (const Host *h = m_snapshot->host(name))
            m_markedIdx.push_back(static_cast<int>(h - m_snapshot->hosts.data()));
}

void HostMapCanvas::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    indexMarks();
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

void HostMapCanvas::setSizeMetric(int metric) {
    m_sizeMetric = metric;
    recolor();
}

void HostMapCanvas::setFilter(std::optional<LabelFilter> filter) {
    m_filter = std::move(filter);
    recolor();
}

void HostMapCanvas::setRange(double lo, double hi) {
    m_lo = lo;
    m_hi = hi;
    recolor();
}

double HostMapCanvas::rangeHi() const {
    if (!std::isnan(m_hi))
        return m_hi;
    return m_snapshot ? scaleMax(*m_snapshot, m_metric) : 1.0;
}

void HostMapCanvas::recolor() {
    // Every tile's colour, once per data change, into one image; paint only blits it.
    const QSize size(std::max(1, width()), std::max(1, height() - kLegendHeight));
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_RGB32);
    m_image.fill(kBackground);
    m_matching = 0;
    if (!m_snapshot) {
        update();
        return;
    }
    const auto &scale = ColorScale::viridis();
    const double lo = m_lo, hi = rangeHi();
    const double span = hi > lo ? hi - lo : 1;
    const int tile = m_layout.tile;
    const int edge = tile > 2 ? tile - 1 : tile; // a one-pixel gap between tiles when there is room
    const bool sized = m_sizeMetric >= 0 && edge >= 4;
    const double sizeMax = sized ? scaleMax(*m_snapshot, m_sizeMetric) : 1;
    const bool filtering = m_filter && !m_filter->empty();
    const auto &hosts = m_snapshot->hosts;
    if (m_layout.hostsPerTile > 1) {
        recolorFolded(lo, span);
        return;
    }
    for (std::size_t i = 0; i < hosts.size() && i < m_layout.tileX.size(); ++i) {
        const int x0 = m_layout.tileX[i], y0 = m_layout.tileY[i];
        if (x0 < 0 || y0 < 0)
            continue;
        const Host &h = hosts[i];
        const bool match = !filtering || m_filter->matches(h.labels, h.name);
        m_matching += match;
        QRgb c;
        if (!match) {
            c = kFilteredOut;
        } else if (h.up == UpState::Down) {
            c = kDown;
        } else {
            const double v = static_cast<std::size_t>(m_metric) < h.metrics.size()
                                 ? h.metrics[static_cast<std::size_t>(m_metric)]
                                 : std::nan("");
            c = std::isnan(v) ? kNoValue : scale.at((v - lo) / span);
        }
        if (m_stale) // dimmed toward grey: old data
            c = qRgb((qRed(c) + 2 * 0xb0) / 3, (qGreen(c) + 2 * 0xb0) / 3, (qBlue(c) + 2 * 0xb0) / 3);
        // Sized by a second metric: the square's area follows it (a tenth of the tile at least).
        int inner = edge, off = 0;
        if (sized && match && h.up != UpState::Down) {
            const double sv = static_cast<std::size_t>(m_sizeMetric) < h.metrics.size()
                                  ? h.metrics[static_cast<std::size_t>(m_sizeMetric)]
                                  : std::nan("");
            const double frac = std::isnan(sv) ? 0.3 : std::sqrt(std::clamp(sv / sizeMax, 0.1, 1.0));
            inner = std::max(2, static_cast<int>(std::lround(edge * frac)));
            off = (edge - inner) / 2;
        }
        for (int y = y0 + off; y < y0 + off + inner && y < m_image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            for (int x = x0 + off; x < x0 + off + inner && x < m_image.width(); ++x)
                line[x] = c;
        }
    }
    update();
}

void HostMapCanvas::recolorFolded(double lo, double span) {
    // Several hosts per pixel: each pixel shows its worst host (down, else the highest value), so a
    // redlining or dead host is never hidden by its neighbours.
    const int w = m_image.width(), h = m_image.height();
    std::vector<float> key(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), -3.0F);
    const bool filtering = m_filter && !m_filter->empty();
    const auto &hosts = m_snapshot->hosts;
    for (std::size_t i = 0; i < hosts.size() && i < m_layout.tileX.size(); ++i) {
        const int x = m_layout.tileX[i], y = m_layout.tileY[i];
        if (x < 0 || y < 0 || x >= w || y >= h)
            continue;
        const Host &host = hosts[i];
        const bool match = !filtering || m_filter->matches(host.labels, host.name);
        m_matching += match;
        float k;
        if (!match) {
            k = -2;
        } else if (host.up == UpState::Down) {
            k = 2;
        } else {
            const double v = static_cast<std::size_t>(m_metric) < host.metrics.size()
                                 ? host.metrics[static_cast<std::size_t>(m_metric)]
                                 : std::nan("");
            k = std::isnan(v) ? -1.0F : static_cast<float>(std::clamp((v - lo) / span, 0.0, 1.0));
        }
        float &cell =
            key[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
        cell = std::max(cell, k);
    }
    const auto &scale = ColorScale::viridis();
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(m_image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const float k =
                key[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)];
            if (k <= -3)
                continue;
            QRgb c = k >= 2 ? kDown : k == -2 ? kFilteredOut : k == -1 ? kNoValue : scale.at(k);
            if (m_stale)
                c = qRgb((qRed(c) + 2 * 0xb0) / 3, (qGreen(c) + 2 * 0xb0) / 3, (qBlue(c) + 2 * 0xb0) / 3);
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
    // Hosts selected elsewhere: an amber ring around each tile (around the shared pixel when folded).
    if (!m_markedIdx.empty() && m_layout.tile > 0) {
        p.setPen(QPen(QColor(0xf0, 0x90, 0x00), m_layout.tile >= 6 ? 2 : 1));
        p.setBrush(Qt::NoBrush);
        const int t = m_layout.tile;
        for (const int i : m_markedIdx) {
            const auto k = static_cast<std::size_t>(i);
            if (k >= m_layout.tileX.size() || m_layout.tileX[k] < 0)
                continue;
            p.drawRect(QRect(m_layout.tileX[k] - 1, m_layout.tileY[k] - 1, t + 1, t + 1));
        }
    }
    // Legend: the scale, its range, and the special colours.
    const int y = height() - kLegendHeight + 6;
    const auto &scale = ColorScale::viridis();
    for (int x = 0; x < 200; ++x) {
        p.setPen(QColor::fromRgb(scale.at(x / 199.0)));
        p.drawLine(8 + x, y, 8 + x, y + 12);
    }
    p.setPen(palette().color(QPalette::WindowText));
    QString range;
    if (m_snapshot && static_cast<std::size_t>(m_metric) < m_snapshot->metrics.size()) {
        const MetricUnit unit = m_snapshot->metrics[static_cast<std::size_t>(m_metric)].unit;
        range = QStringLiteral("%1 – %2").arg(format::metric(m_lo, unit), format::metric(rangeHi(), unit));
        if (std::isnan(m_hi) && unit != MetricUnit::Ratio)
            range += QStringLiteral(" ") + tr("(95th percentile)");
    }
    p.drawText(QPoint(216, y + 11), range);
    p.fillRect(QRect(420, y, 12, 12), QColor::fromRgb(kDown));
    p.drawText(QPoint(436, y + 11), tr("down"));
    p.fillRect(QRect(490, y, 12, 12), QColor::fromRgb(kNoValue));
    p.drawText(QPoint(506, y + 11), tr("no value"));
    int x = 590;
    if (m_layout.hostsPerTile > 1) {
        const QString fold = tr("1 px = %1 hosts (worst shown)").arg(m_layout.hostsPerTile);
        p.drawText(QPoint(x, y + 11), fold);
        x += p.fontMetrics().horizontalAdvance(fold) + 16;
    }
    if (m_stale) {
        p.setPen(QColor(0xc0, 0x30, 0x30));
        p.drawText(QPoint(x, y + 11), tr("STALE: the data is older than two poll intervals"));
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

void HostMapCanvas::mouseReleaseEvent(QMouseEvent *e) {
    if (e->button() != Qt::LeftButton)
        return;
    if (const Host *h = hostAt(e->position().toPoint()))
        Q_EMIT hostActivated(QString::fromStdString(h->name));
}

HostMapView::HostMapView(WearFetch wearFetch, QWidget *parent)
    : QWidget(parent)
    , m_wearFetch(std::move(wearFetch))
    , m_canvas(new HostMapCanvas)
    , m_metric(new QComboBox)
    , m_size(new QComboBox)
    , m_level(new QComboBox)
    , m_imbalanceBy(new QComboBox)
    , m_filter(new QLineEdit)
    , m_autoRange(new QCheckBox)
    , m_lo(new QDoubleSpinBox)
    , m_hi(new QDoubleSpinBox)
    , m_summary(new QLabel)
    , m_imbalance(new QLabel)
    , m_wear(new QTreeWidget)
    , m_wearNote(new QLabel)
    , m_exportWear(new QPushButton(tr("Export CSV…"))) {
    m_filter->setPlaceholderText(tr("Filter: service=\"web\" rack=~\"eu1-.*\" or a name"));
    m_filter->setClearButtonEnabled(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Colour by")));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("Size by")));
    bar->addWidget(m_size);
    bar->addWidget(new QLabel(tr("Group by")));
    bar->addWidget(m_level);
    bar->addWidget(m_filter, 1);
    controls::addColourRange(bar, m_autoRange, m_lo, m_hi);
    // Beside the map: uneven load (pools whose hosts redline while others idle) and hardware wear.
    m_imbalance->setTextFormat(Qt::RichText);
    m_imbalance->setWordWrap(true);
    m_imbalance->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_imbalance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_imbalance);
    scroll->setWidgetResizable(true);
    auto *loadPage = new QWidget;
    auto *loadLayout = new QVBoxLayout(loadPage);
    loadLayout->setContentsMargins(2, 2, 2, 2);
    auto *byRow = new QHBoxLayout;
    byRow->addWidget(new QLabel(tr("Uneven load by")));
    byRow->addWidget(m_imbalanceBy, 1);
    loadLayout->addLayout(byRow);
    loadLayout->addWidget(scroll, 1);
    m_imbalanceBy->addItem(tr("pool (service)"), QString());
    m_wear->setHeaderLabels({tr("Host"), tr("Fails in"), tr("Why")});
    m_wear->setRootIsDecorated(false);
    m_wear->setAlternatingRowColors(true);
    m_wear->setToolTip(tr("Hosts whose wear signals trend toward their failure threshold, soonest first. "
                          "Click: host detail."));
    m_wearNote->setWordWrap(true);
    m_wearNote->setTextFormat(Qt::RichText);
    auto *wearPage = new QWidget;
    auto *wearLayout = new QVBoxLayout(wearPage);
    wearLayout->setContentsMargins(2, 2, 2, 2);
    wearLayout->addWidget(m_wearNote);
    wearLayout->addWidget(m_wear, 1);
    wearLayout->addWidget(m_exportWear);
    // Both at once (a wall display has no one to switch tabs): uneven load above, wear below.
    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(loadPage);
    auto *wearTitle = new QLabel(tr("<b>Hardware wear</b> (soonest to fail first)"));
    wearLayout->insertWidget(0, wearTitle);
    side->addWidget(wearPage);
    side->setSizes({400, 500});
    side->setFixedWidth(380);
    auto *body = new QHBoxLayout;
    body->addWidget(m_canvas, 1);
    body->addWidget(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(body, 1);
    // The summary under the map (it had been built but never placed: found by the leak checker).
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0)
            return;
        m_canvas->setMetric(i);
        applyRange();
    });
    connect(m_size, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            m_canvas->setSizeMetric(i - 1);
        refreshSummary();
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            m_canvas->setLevel(i);
        refreshSummary();
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        std::string err;
        auto f = text.trimmed().isEmpty() ? std::optional<LabelFilter>()
                                          : LabelFilter::parse(text.toStdString(), &err);
        m_filterError = f || text.trimmed().isEmpty() ? QString() : QString::fromStdString(err);
        if (f || text.trimmed().isEmpty())
            m_canvas->setFilter(std::move(f));
        refreshSummary();
    });
    connect(m_imbalanceBy, &QComboBox::currentIndexChanged, this, [this] {
        m_customImbalance.reset();
        computeImbalance();
        refreshImbalance();
    });
    connect(m_autoRange, &QCheckBox::toggled, this, [this](bool on) {
        m_lo->setEnabled(!on);
        m_hi->setEnabled(!on);
        applyRange();
    });
    connect(m_lo, &QDoubleSpinBox::valueChanged, this, [this] { applyRange(); });
    connect(m_hi, &QDoubleSpinBox::valueChanged, this, [this] { applyRange(); });
    connect(m_canvas, &HostMapCanvas::hostActivated, this, &HostMapView::hostActivated);
    connect(m_wear, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString host = item->data(0, Qt::UserRole).toString();
        if (!host.isEmpty())
            Q_EMIT hostActivated(host);
    });
    connect(m_exportWear, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export the hardware wear ranking"),
                                         QStringLiteral("vigil-replace-soon.csv"), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QString err;
        if (!exportWearCsv(path, &err))
            QMessageBox::warning(this, tr("Export failed"), err);
    });
    m_exportWear->setEnabled(false);
    m_wearNote->setText(m_wearFetch ? tr("Loading a day of wear history…") : tr("No wear history source."));
}

bool HostMapView::isRatio() const {
    const int i = m_metric->currentIndex();
    return m_snapshot && i >= 0 && static_cast<std::size_t>(i) < m_snapshot->metrics.size() &&
           m_snapshot->metrics[static_cast<std::size_t>(i)].unit == MetricUnit::Ratio;
}

void HostMapView::applyRange() {
    const double scale = isRatio() ? 0.01 : 1.0; // ratios are entered in percent
    if (m_autoRange->isChecked()) {
        m_canvas->setRange(0, std::numeric_limits<double>::quiet_NaN());
        const QSignalBlocker b1(m_lo), b2(m_hi);
        m_lo->setValue(0);
        m_hi->setValue(m_canvas->rangeHi() / scale);
    } else {
        m_canvas->setRange(m_lo->value() * scale, std::max(m_hi->value(), m_lo->value() + 1e-6) * scale);
    }
}

void HostMapView::refreshCombos() {
    if (!m_snapshot)
        return;
    if (m_metric->count() != static_cast<int>(m_snapshot->metrics.size())) {
        const QSignalBlocker block(m_metric), block2(m_size);
        m_metric->clear();
        m_size->clear();
        m_size->addItem(tr("(equal)"), QString());
        for (const auto &m : m_snapshot->metrics) {
            m_metric->addItem(QString::fromStdString(m.title), QString::fromStdString(m.key));
            m_size->addItem(QString::fromStdString(m.title), QString::fromStdString(m.key));
        }
    }
    if (m_snapshot->graph && m_level->count() != static_cast<int>(m_snapshot->graph->hierarchy().size())) {
        const QSignalBlocker block(m_level);
        m_level->clear();
        for (const auto &l : m_snapshot->graph->hierarchy())
            m_level->addItem(QString::fromStdString(l));
        m_level->setCurrentIndex(m_level->count() - 1);
        const QSignalBlocker block2(m_imbalanceBy);
        while (m_imbalanceBy->count() > 1)
            m_imbalanceBy->removeItem(1);
        for (const auto &l : m_snapshot->graph->hierarchy())
            m_imbalanceBy->addItem(QString::fromStdString(l), QString::fromStdString(l));
        m_imbalanceBy->addItem(QStringLiteral("role"), QStringLiteral("role"));
    }
}

void HostMapView::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    refreshCombos();
    m_canvas->setSnapshot(m_snapshot);
    if (m_autoRange->isChecked())
        applyRange();
    computeImbalance();
    refreshImbalance();
    refreshSummary();
    // Wear moves over hours: a fresh ranking every ten minutes is plenty.
    if (m_snapshot && !m_snapshot->hosts.empty() && !m_snapshot->fromCache &&
        (!m_wearLoading && nowMs() - m_wearRequestedAt >= 10 * 60'000))
        requestWear();
}

void HostMapView::refreshSummary() {
    if (!m_snapshot)
        return;
    int down = 0;
    for (const auto &h : m_snapshot->hosts)
        down += h.up == UpState::Down;
    QString text = tr("%1 hosts in %2 groups · %3 down · tile %4 px")
                       .arg(QLocale().toString(static_cast<qulonglong>(m_snapshot->hosts.size())))
                       .arg(m_canvas->layout().groups.size())
                       .arg(down)
                       .arg(m_canvas->layout().tile);
    if (!m_filter->text().trimmed().isEmpty())
        text += QStringLiteral(" · ") + (m_filterError.isEmpty()
                                             ? tr("%1 match the filter").arg(m_canvas->matchingHosts())
                                             : tr("filter: %1").arg(m_filterError));
    if (!m_selectionWhat.isEmpty())
        text +=
            QStringLiteral(" · ") +
            tr("ringed: %1 (%n host(s) on the map)", nullptr, m_canvas->markedTiles()).arg(m_selectionWhat);
    if (m_size->currentIndex() > 0 && m_canvas->layout().tile < 5)
        text += QStringLiteral(" · ") + tr("tiles too small to show size: filter or group coarser");
    m_summary->setText(text);
}

void HostMapView::requestWear() {
    if (!m_wearFetch)
        return;
    m_wearLoading = true;
    m_wearRequestedAt = nowMs();
    m_wearFetch(this, [this](WearPtr report) {
        m_wearLoading = false;
        setWearReport(std::move(report));
    });
}

void HostMapView::setWearReport(WearPtr report) {
    m_wearReport = std::move(report);
    m_wear->clear();
    if (!m_wearReport)
        return;
    const auto &r = *m_wearReport;
    const analysis::WearOptions options;
    int soon = 0;
    for (const auto &h : r.ranking) {
        if (m_wear->topLevelItemCount() >= 500)
            break;
        QStringList why;
        for (const auto &t : h.trends) {
            const auto k = static_cast<std::size_t>(t.input);
            why << tr("%1 %2 (+%3/h)")
                       .arg(QString::fromStdString(r.titles[k]))
                       .arg(t.current, 0, 'f', t.current < 100 ? 1 : 0)
                       .arg(t.slopePerHour, 0, 'f', 2);
        }
        const QString when = h.hoursToFailure <= 0 ? tr("now")
                             : std::isfinite(h.hoursToFailure)
                                 ? (h.hoursToFailure < 48 ? tr("%1 h").arg(h.hoursToFailure, 0, 'f', 0)
                                                          : tr("%1 d").arg(h.hoursToFailure / 24, 0, 'f', 1))
                                 : tr("—");
        auto *item =
            new QTreeWidgetItem({QString::fromStdString(h.host), when, why.join(QStringLiteral("; "))});
        item->setData(0, Qt::UserRole, QString::fromStdString(h.host));
        item->setToolTip(2, why.join(QLatin1Char('\n')));
        if (h.hoursToFailure <= options.replaceWithinHours) {
            ++soon;
            item->setForeground(1, QColor(0xc0, 0x30, 0x30));
        }
        m_wear->addTopLevelItem(item);
    }
    for (int c = 0; c < 2; ++c)
        m_wear->resizeColumnToContents(c);
    QString note = tr("<b>%1 to replace soon</b> (projected to fail within 14 days) of %2 hosts judged on "
                      "%3 h of history.")
                       .arg(soon)
                       .arg(r.hostsJudged)
                       .arg((r.to - r.from) / 3'600'000);
    if (r.keys.empty())
        note = tr("The query profile has no wear metrics (a metric with <i>fail_at</i>).");
    for (const auto &w : r.warnings)
        note += QStringLiteral("<br><span style='color:#c03030'>") +
                QString::fromStdString(w).toHtmlEscaped() + QStringLiteral("</span>");
    m_wearNote->setText(note);
    m_exportWear->setEnabled(!r.ranking.empty());
    Q_EMIT wearLoaded();
}

bool HostMapView::exportWearCsv(const QString &path, QString *error) const {
    if (!m_wearReport) {
        if (error)
            *error = tr("The wear ranking has not been loaded yet.");
        return false;
    }
    QFile f(path);
    const std::string csv = analysis::wearCsv(*m_wearReport);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(csv.data(), static_cast<qint64>(csv.size())) != static_cast<qint64>(csv.size())) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void HostMapView::setSelection(const QString &what, std::vector<std::string> hosts) {
    m_selectionWhat = hosts.empty() ? QString() : what;
    m_canvas->setMarkedHosts(std::move(hosts));
    refreshSummary();
}

void HostMapView::setFilterText(const QString &text) {
    m_filter->setText(text);
}

void HostMapView::setSizeMetric(const QString &key) {
    const int i = m_size->findData(key);
    if (i >= 0)
        m_size->setCurrentIndex(i);
}

void HostMapView::refreshImbalance() {
    const QString by = m_imbalanceBy->currentData().toString();
    const FleetSnapshotPtr snap = by.isEmpty() ? m_snapshot : m_customFor;
    const auto ranking = by.isEmpty() ? (m_snapshot ? m_snapshot->imbalance : nullptr) : m_customImbalance;
    if (!snap || snap->metrics.empty() || snap->metricIndexOf("cpu") < 0) {
        m_imbalance->setText(tr("<b>Uneven load</b><br>Needs a <i>cpu</i> metric in the query profile."));
        return;
    }
    if (!ranking) {
        m_imbalance->setText(tr("<b>Uneven load</b><br>Computing…"));
        return;
    }
    const auto &groups = *ranking;
    const QLocale l;
    auto names = [&](const std::vector<int> &idx) {
        QStringList out;
        for (std::size_t k = 0; k < idx.size() && k < 3; ++k)
            out << QString::fromStdString(snap->hosts[static_cast<std::size_t>(idx[k])].name).toHtmlEscaped();
        if (idx.size() > 3)
            out << tr("+%1 more").arg(idx.size() - 3);
        return out.join(QStringLiteral(", "));
    };
    QString html = by.isEmpty()
                       ? tr("<b>Uneven load</b> (CPU by pool, most uneven first)")
                       : tr("<b>Uneven load</b> (CPU by %1, most uneven first)").arg(by.toHtmlEscaped());
    if (groups.empty())
        html += QStringLiteral("<br>") + tr("No group of at least four hosts with a CPU figure.");
    int shown = 0;
    for (const auto &g : groups) {
        if (shown++ == 6)
            break;
        html += QStringLiteral("<p style='margin-top:6px'><b>%1</b> · ")
                    .arg(QString::fromStdString(g.group).toHtmlEscaped()) +
                tr("%1 hosts · mean %2 · max %3 (%4× the mean) · CV %5 · %6 % hot, %7 % idle")
                    .arg(g.hosts)
                    .arg(format::metric(g.mean, MetricUnit::Ratio), format::metric(g.max, MetricUnit::Ratio))
                    .arg(l.toString(g.maxOverMean, 'f', 1), l.toString(g.cv, 'f', 2))
                    .arg(l.toString(g.hotShare * 100, 'f', 0), l.toString(g.idleShare * 100, 'f', 0));
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

void HostMapView::computeImbalance() {
    const QString by = m_imbalanceBy->currentData().toString();
    if (by.isEmpty() || !m_snapshot)
        return;
    const int cpu = m_snapshot->metricIndexOf("cpu");
    if (cpu < 0)
        return;
    // A pass over every host: off the GUI thread.
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("imbalance"), "ranking uneven load", this,
        [snap = m_snapshot, cpu, label = by.toStdString()](const CancelToken &) {
            analysis::ImbalanceOptions o;
            o.groupLabel = label;
            return std::make_shared<const std::vector<analysis::GroupImbalance>>(
                analysis::rankImbalance(snap->hosts, cpu, o));
        },
        [this, snap = m_snapshot](std::shared_ptr<const std::vector<analysis::GroupImbalance>> ranking) {
            m_customImbalance = std::move(ranking);
            m_customFor = snap;
            refreshImbalance();
            Q_EMIT imbalanceShown();
        });
}

void HostMapView::setImbalanceGrouping(const QString &label) {
    const int i = m_imbalanceBy->findData(label);
    if (i >= 0)
        m_imbalanceBy->setCurrentIndex(i);
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
