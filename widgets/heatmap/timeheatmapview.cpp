#include "heatmap/timeheatmapview.h"

#include "analysis/fleetgraph.h"
#include "analysis/heatrows.h"
#include "common/canvaskeys.h"
#include "common/format.h"
#include "common/viewcontrols.h"
#include "heatmap/timeheatmapcanvas.h"
#include "support/guard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
// Columns drawn per range: one per minute up to a day, 5-minute buckets over a week.
int columnsFor(int hours) {
    return hours <= 24 ? hours * 60 : hours * 12;
}
} // namespace

TimeHeatmapView::TimeHeatmapView(HistoryFetch fetch, QWidget *parent)
    : QWidget(parent)
    , m_fetch(std::move(fetch))
    , m_canvas(new TimeHeatmapCanvas)
    , m_metric(new QComboBox)
    , m_range(new QComboBox)
    , m_sort(new QComboBox)
    , m_filter(new QLineEdit)
    , m_autoRange(new QCheckBox)
    , m_lo(new QDoubleSpinBox)
    , m_hi(new QDoubleSpinBox)
    , m_status(new QLabel)
    , m_selectionBar(new QWidget)
    , m_selectionLabel(new QLabel)
    , m_onlySelection(new QCheckBox(tr("Only these")))
    , m_filterDebounce(new QTimer(this)) {
    controls::addTimeRanges(m_range);
    m_sort->addItem(tr("by group"), static_cast<int>(analysis::HeatSort::Group));
    m_sort->addItem(tr("by current value"), static_cast<int>(analysis::HeatSort::Current));
    m_sort->addItem(tr("by peak"), static_cast<int>(analysis::HeatSort::Peak));
    m_filter->setPlaceholderText(tr("Filter hosts: service=\"web\" rack=~\"eu1-.*\" or a name"));
    m_filter->setClearButtonEnabled(true);
    m_status->setTextFormat(Qt::RichText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Metric")));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("Range")));
    bar->addWidget(m_range);
    bar->addWidget(new QLabel(tr("Rows")));
    bar->addWidget(m_sort);
    bar->addWidget(m_filter, 1);
    controls::addColourRange(bar, m_autoRange, m_lo, m_hi);
    auto *selection = new QHBoxLayout(m_selectionBar);
    selection->setContentsMargins(0, 0, 0, 0);
    auto *clearSelection = new QPushButton(tr("Clear"));
    selection->addWidget(m_selectionLabel, 1);
    selection->addWidget(m_onlySelection);
    selection->addWidget(clearSelection);
    m_selectionBar->setStyleSheet(QStringLiteral("background:#fff1d6"));
    m_selectionBar->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_selectionBar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);
    auto *help =
        new QLabel(tr("Drag: zoom to a time range · Ctrl+wheel / + −: zoom time · Shift+wheel / ← →: pan "
                      "time · wheel / ↑ ↓: scroll hosts · Alt+wheel / [ ]: zoom hosts · right-drag: pan · "
                      "Esc: show all · click: host detail"));
    help->setWordWrap(true);
    help->setObjectName(QStringLiteral("keysHint")); // the wall display hides it: nobody types there
    QFont f = help->font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    help->setFont(f);
    layout->addWidget(help);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] { prepare(); });
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(200);
    connect(m_filterDebounce, &QTimer::timeout, this, [this] { prepare(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_filterDebounce->start(); });
    connect(m_autoRange, &QCheckBox::toggled, this, [this](bool on) {
        m_lo->setEnabled(!on);
        m_hi->setEnabled(!on);
        prepare();
    });
    connect(m_lo, &QDoubleSpinBox::valueChanged, this, [this] { prepare(); });
    connect(m_hi, &QDoubleSpinBox::valueChanged, this, [this] { prepare(); });
    connect(m_canvas, &TimeHeatmapCanvas::hostClicked, this, &TimeHeatmapView::hostActivated);
    controls::addCanvasKeys(this, m_canvas,
                            {{tr("Zoom in on time"), QKeySequence(Qt::Key_Plus)},
                             {tr("Zoom out in time"), QKeySequence(Qt::Key_Minus)},
                             {tr("Earlier"), QKeySequence(Qt::Key_Left)},
                             {tr("Later"), QKeySequence(Qt::Key_Right)},
                             {tr("Scroll hosts up"), QKeySequence(Qt::Key_Up)},
                             {tr("Scroll hosts down"), QKeySequence(Qt::Key_Down)},
                             {tr("Bigger rows"), QKeySequence(Qt::Key_BracketRight)},
                             {tr("Smaller rows"), QKeySequence(Qt::Key_BracketLeft)},
                             {tr("Show everything"), QKeySequence(Qt::Key_Escape)}});
    connect(m_onlySelection, &QCheckBox::toggled, this, [this] { prepare(); });
    connect(clearSelection, &QPushButton::clicked, this, [this] { setSelection({}, {}); });
    connect(m_canvas, &TimeHeatmapCanvas::windowChanged, this, [this] { m_status->setText(statusText()); });
}

MetricUnit TimeHeatmapView::unit() const {
    if (!m_snapshot)
        return MetricUnit::Ratio;
    const int i = m_metric->currentIndex();
    return i >= 0 && static_cast<std::size_t>(i) < m_snapshot->metrics.size()
               ? m_snapshot->metrics[static_cast<std::size_t>(i)].unit
               : MetricUnit::Ratio;
}

void TimeHeatmapView::refreshCombos() {
    if (!m_snapshot || m_metric->count() == static_cast<int>(m_snapshot->metrics.size()))
        return;
    const QSignalBlocker block(m_metric);
    const QString current = m_metric->currentData().toString();
    m_metric->clear();
    for (const auto &m : m_snapshot->metrics)
        m_metric->addItem(QString::fromStdString(m.title), QString::fromStdString(m.key));
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(current)));
}

void TimeHeatmapView::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    refreshCombos();
    if (!m_snapshot || m_snapshot->hosts.empty())
        return;
    m_canvas->setStale(m_snapshot->anyStale(m_snapshot->now()));
    m_canvas->setCursorTime(m_snapshot->asOf);
    // New minutes arrive once a minute: refresh the grid then, not on every poll.
    const bool hostsChanged = m_grid && m_grid->hosts.size() != m_snapshot->hosts.size();
    const bool due = !m_snapshot->replayTo && nowMs() - m_loadedAt >= 60'000; // a replay's history is fixed
    if (!m_loading && (!m_grid || hostsChanged || due))
        reload();
}

void TimeHeatmapView::setMetric(const QString &key) {
    const int i = m_metric->findData(key);
    if (i >= 0)
        m_metric->setCurrentIndex(i);
}

void TimeHeatmapView::setRangeHours(int hours) {
    const int i = m_range->findData(hours);
    if (i >= 0)
        m_range->setCurrentIndex(i);
}

void TimeHeatmapView::setFilterText(const QString &text) {
    m_filter->setText(text);
    m_filterDebounce->stop();
    prepare();
}

void TimeHeatmapView::setSelection(const QString &what, std::vector<std::string> hosts) {
    std::sort(hosts.begin(), hosts.end());
    m_selectionWhat = what;
    m_selection = std::move(hosts);
    m_canvas->setMarkedHosts(m_selection);
    m_selectionBar->setVisible(!m_selection.empty());
    m_selectionLabel->setText(selectionText());
    if (m_onlySelection->isChecked() || m_selection.empty())
        prepare();
    else
        m_canvas->revealMarked();
}

void TimeHeatmapView::setOnlySelection(bool only) {
    m_onlySelection->setChecked(only);
}

QString TimeHeatmapView::selectionText() const {
    if (m_selection.empty())
        return {};
    const QLocale l;
    return tr("Selected in another view: %1 — %n host(s), marked ▮ at the left", nullptr,
              static_cast<int>(m_selection.size()))
               .arg(m_selectionWhat) +
           (m_canvas->rows()
                ? QStringLiteral(" · ") + tr("%1 in these rows").arg(l.toString(m_canvas->markedRows()))
                : QString());
}

void TimeHeatmapView::reload() {
    if (!m_fetch || !m_snapshot || m_metric->currentIndex() < 0)
        return;
    const int hours = m_range->currentData().toInt();
    // A replay shows its recorded window, a minute per column; live, the range chosen up to now.
    const bool replay = m_snapshot->replayTo > 0;
    m_range->setEnabled(!replay);
    const TimeMs to = replay ? m_snapshot->replayTo : nowMs();
    const TimeMs from = replay ? m_snapshot->replayFrom : to - static_cast<TimeMs>(hours) * 3'600'000;
    const int columns = replay ? static_cast<int>(std::clamp<TimeMs>((to - from) / 60'000 + 1, 1, 24 * 60))
                               : columnsFor(hours);
    m_loading = true;
    m_loadedAt = nowMs();
    m_status->setText(replay ? tr("Loading the snapshot's history…")
                             : tr("Loading %1 of history…").arg(m_range->currentText()));
    m_fetch(QStringLiteral("heatmap"), m_metric->currentData().toString().toStdString(), from, to, columns,
            this, [this](GridPtr grid) {
                m_loading = false;
                m_grid = std::move(grid);
                prepare();
            });
}

void TimeHeatmapView::prepare() {
    if (!m_grid || !m_snapshot)
        return;
    analysis::HeatRowsOptions o;
    o.sort = static_cast<analysis::HeatSort>(m_sort->currentData().toInt());
    m_filterError.clear();
    if (!m_filter->text().trimmed().isEmpty()) {
        std::string err;
        o.filter = LabelFilter::parse(m_filter->text().toStdString(), &err);
        if (!o.filter)
            m_filterError = QString::fromStdString(err);
    }
    if (m_onlySelection->isChecked())
        o.only = m_selection;
    const bool ratio = unit() == MetricUnit::Ratio;
    if (m_autoRange->isChecked()) {
        o.lo = 0;
        o.hi = ratio ? 1.0 : std::nan("");
    } else {
        const double scale = ratio ? 0.01 : 1.0; // ratios are entered in percent
        o.lo = m_lo->value() * scale;
        o.hi = std::max(m_hi->value() * scale, o.lo + 1e-9);
    }
    // The whole grid is walked: off the GUI thread.
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("rows"), "preparing heatmap rows", this,
        [grid = m_grid, snap = m_snapshot, o](const CancelToken &) {
            return std::make_shared<const analysis::HeatRows>(
                analysis::prepareHeatRows(grid, snap->hosts, snap->graph.get(), o));
        },
        [this](std::shared_ptr<const analysis::HeatRows> rows) {
            m_canvas->setRows(rows, unit());
            if (!m_selection.empty()) {
                m_selectionLabel->setText(selectionText());
                m_canvas->revealMarked();
            }
            if (m_autoRange->isChecked()) {
                const QSignalBlocker b1(m_lo), b2(m_hi);
                const double scale = unit() == MetricUnit::Ratio ? 100.0 : 1.0;
                m_lo->setValue(rows->lo * scale);
                m_hi->setValue(rows->hi * scale);
            }
            m_status->setText(statusText());
            if (!m_ready) {
                m_ready = true;
                Q_EMIT ready();
            }
        });
}

QString TimeHeatmapView::statusText() const {
    const auto &rows = m_canvas->rows();
    if (!rows || !rows->grid)
        return {};
    const auto &g = *rows->grid;
    const QLocale l;
    QString s = tr("%1 of %2 hosts × %3 buckets of %4")
                    .arg(l.toString(rows->rows()), l.toString(static_cast<qulonglong>(g.hosts.size())))
                    .arg(g.buckets)
                    .arg(tr("%n min", nullptr, static_cast<int>(g.stepMs / 60'000)));
    s += QStringLiteral(" · ") +
         tr("from the cache: %1 buckets, from the source: %2").arg(g.storeBuckets).arg(g.rangeBuckets);
    s += QStringLiteral(" · ") +
         tr("history %1").arg(format::bytes(static_cast<double>(g.bytes() + rows->bytes())));
    if (!m_filterError.isEmpty())
        s += QStringLiteral(" · <span style='color:#c03030'>") +
             tr("filter: %1").arg(m_filterError.toHtmlEscaped()) + QStringLiteral("</span>");
    for (const auto &w : g.warnings)
        s += QStringLiteral("<br><span style='color:#c03030'>") + QString::fromStdString(w).toHtmlEscaped() +
             QStringLiteral("</span>");
    return s;
}

} // namespace vigil
