#include "hostmap/hostmapview.h"

#include "hostmap/hostmapcanvas.h"
#include "hostmap/imbalanceproxy.h"
#include "hostmap/wearproxy.h"
#include "item/imbalancemodel.h"
#include "item/wearmodel.h"

#include "analysis/imbalance.h"
#include "analysis/wear.h"
#include "common/canvaskeys.h"
#include "common/colorscale.h"
#include "common/format.h"
#include "common/viewcontrols.h"
#include "common/whenshown.h"
#include "support/guard.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSplitter>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>

#include <cmath>

namespace vigil {

// Beside the map, above: uneven load (pools whose hosts redline while others idle), ranked, and the
// chosen group's detail.
QWidget *HostMapView::buildLoadPage() {
    for (QLabel *label : {m_imbalance, m_imbalanceDetail}) {
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_imbalanceProxy->setSourceModel(m_imbalanceModel);
    controls::flatList(m_imbalanceList, m_imbalanceProxy)->setAllColumnsShowFocus(true);
    // The figures keep their width in the narrow side panel; a long group name is elided.
    m_imbalanceList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_imbalanceList->header()->setStretchLastSection(false);
    m_imbalanceList->header()->setMinimumSectionSize(24);
    m_imbalanceList->setToolTip(tr("Groups whose hosts redline while others idle, most uneven first. "
                                   "Click: the group's hosts and what to move."));
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_imbalanceDetail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *loadPage = new QWidget;
    auto *loadLayout = new QVBoxLayout(loadPage);
    loadLayout->setContentsMargins(2, 2, 2, 2);
    auto *byRow = new QHBoxLayout;
    byRow->addWidget(new QLabel(tr("Uneven load by")));
    byRow->addWidget(m_imbalanceBy, 1);
    loadLayout->addLayout(byRow);
    loadLayout->addWidget(m_imbalance);
    loadLayout->addWidget(m_imbalanceList, 3);
    loadLayout->addWidget(scroll, 2);
    connect(m_imbalanceList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_rankingImbalance) // the operator's choice, not a new ranking's
                    m_chosenGroup = current.siblingAtColumn(0).data().toString();
                showImbalanceDetail();
            });
    m_imbalanceBy->addItem(tr("pool (service)"), QString());
    return loadPage;
}

// Beside the map, below: hardware wear, soonest to fail first.
QWidget *HostMapView::buildWearPage() {
    auto *wearProxy = new WearProxy(this);
    wearProxy->setSourceModel(m_wearModel);
    m_wear->setModel(wearProxy);
    m_wear->setRootIsDecorated(false);
    m_wear->setUniformRowHeights(true);
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
    wearLayout->insertWidget(0, new QLabel(tr("<b>Hardware wear</b> (soonest to fail first)")));
    return wearPage;
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
    , m_imbalanceModel(new ImbalanceModel(this))
    , m_imbalanceProxy(new ImbalanceProxy(this))
    , m_imbalanceList(new QTreeView)
    , m_imbalanceDetail(new QLabel)
    , m_wearModel(new WearModel(this))
    , m_wear(new QTreeView)
    , m_wearNote(new QLabel)
    , m_exportWear(new QPushButton(tr("Export CSV…")))
    , m_whenShown(new WhenShown(this)) {
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
    // Both at once (a wall display has no one to switch tabs): uneven load above, wear below.
    auto *side = new QSplitter(Qt::Vertical);
    side->addWidget(buildLoadPage());
    side->addWidget(buildWearPage());
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
        m_chosenGroup.clear(); // another grouping: its most uneven group
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
    connect(m_canvas, &HostMapCanvas::recoloured, this, [this] {
        refreshSummary();               // its match count, groups and tile size
        if (m_autoRange->isChecked()) { // the automatic range's top, found with the tiles
            const QSignalBlocker b(m_hi);
            m_hi->setValue(m_canvas->rangeHi() / (isRatio() ? 0.01 : 1.0));
        }
    });
    controls::addCanvasKeys(this, m_canvas,
                            {{tr("Next host"), QKeySequence(Qt::Key_Right)},
                             {tr("Previous host"), QKeySequence(Qt::Key_Left)},
                             {tr("Host above"), QKeySequence(Qt::Key_Up)},
                             {tr("Host below"), QKeySequence(Qt::Key_Down)},
                             {tr("First host"), QKeySequence(Qt::Key_Home)},
                             {tr("Last host"), QKeySequence(Qt::Key_End)},
                             {tr("Open the host"), QKeySequence(Qt::Key_Return)}});
    connect(m_wear, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        const QString host = index.data(WearModel::HostRole).toString();
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
        const QSignalBlocker b1(m_lo), b2(m_hi);
        m_lo->setValue(0);
        m_canvas->setRange(0, std::numeric_limits<double>::quiet_NaN()); // m_hi follows on recoloured
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
    m_whenShown->run([this, snapshot = std::move(snapshot)] { applySnapshot(snapshot); });
}

void HostMapView::applySnapshot(FleetSnapshotPtr snapshot) {
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
    const int down = m_snapshot->summary.hostsDown; // counted with the snapshot
    QString text = tr("%L1 hosts in %2 groups · %L3 down · tile %4 px")
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
    m_wearModel->setReport(m_wearReport);
    if (!m_wearReport)
        return;
    const auto &r = *m_wearReport;
    const int soon = m_wearModel->replaceSoon();
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
    const int metric = snap ? snap->metricIndexOf(snap->load.metric) : -1;
    const QScopedValueRollback ranking_(m_rankingImbalance, true);
    m_imbalanceModel->setRanking(metric >= 0 ? snap : nullptr, ranking, metric);
    if (metric < 0) {
        m_imbalance->setText(
            tr("<b>Uneven load</b><br>Needs the metric <i>%1</i> in the query profile "
               "(profile.load.metric).")
                .arg(snap ? QString::fromStdString(snap->load.metric).toHtmlEscaped() : QString()));
        showImbalanceDetail();
        return;
    }
    m_loadTitle = QString::fromStdString(snap->metrics[static_cast<std::size_t>(metric)].title);
    const QString title = m_loadTitle.toHtmlEscaped();
    if (!ranking)
        m_imbalance->setText(tr("<b>Uneven load</b><br>Computing…"));
    else if (ranking->empty())
        m_imbalance->setText(tr("<b>Uneven load</b> (%1)").arg(title) + QStringLiteral("<br>") +
                             tr("No group of at least four hosts with a %1 figure.").arg(title));
    else
        m_imbalance->setText(
            by.isEmpty()
                ? tr("<b>Uneven load</b> (%1 by pool, most uneven first)").arg(title)
                : tr("<b>Uneven load</b> (%1 by %2, most uneven first)").arg(title, by.toHtmlEscaped()));
    // The group the operator chose stays current while it is ranked; otherwise (nobody chose, as on a
    // wall) the most uneven one, whichever it is after this poll.
    const int row = std::max(m_chosenGroup.isEmpty() ? 0 : m_imbalanceModel->rowOfGroup(m_chosenGroup), 0);
    if (row < m_imbalanceModel->rowCount())
        m_imbalanceList->setCurrentIndex(m_imbalanceProxy->index(row, 0));
    showImbalanceDetail();
}

void HostMapView::showImbalanceDetail() {
    m_imbalanceDetail->setText(m_imbalanceProxy->detail(m_imbalanceList->currentIndex(), m_loadTitle));
}

QString HostMapView::imbalanceText() const {
    return m_imbalance->text() + QStringLiteral("<br>") + m_imbalanceDetail->text();
}

void HostMapView::computeImbalance() {
    const QString by = m_imbalanceBy->currentData().toString();
    if (by.isEmpty() || !m_snapshot)
        return;
    const int metric = m_snapshot->metricIndexOf(m_snapshot->load.metric);
    if (metric < 0)
        return;
    // A pass over every host: off the GUI thread.
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("imbalance"), "ranking uneven load", this,
        [snap = m_snapshot, metric, label = by.toStdString()](const CancelToken &) {
            analysis::ImbalanceOptions o;
            o.groupLabel = label;
            o.hot = snap->load.hot;
            o.idle = snap->load.idle;
            return std::make_shared<const std::vector<analysis::GroupImbalance>>(
                analysis::rankImbalance(snap->hosts, metric, o));
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
