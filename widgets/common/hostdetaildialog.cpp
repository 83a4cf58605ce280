#include "common/hostdetaildialog.h"

#include "analysis/fleetgraph.h"
#include "common/format.h"
#include "common/viewcontrols.h"
#include "item/hostdetailmodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace vigil {

namespace {
using Model = HostDetailModel;

// Headers for the three parts and the alerts' age.
class Proxy final : public QIdentityProxyModel {
public:
    Proxy(Model *model, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_part(model->part()) {
        setSourceModel(model);
    }

    QVariant data(const QModelIndex &index, int role) const override {
        if (m_part == Model::Part::Alerts && index.column() == Model::SinceColumn && role == Qt::DisplayRole)
            return format::age(QIdentityProxyModel::data(index, role).toLongLong(),
                               QIdentityProxyModel::data(index, Model::NowRole).toLongLong());
        return QIdentityProxyModel::data(index, role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        const QStringList titles =
            m_part == Model::Part::Alerts
                ? QStringList{HostDetailDialog::tr("Alert"), HostDetailDialog::tr("Severity"),
                              HostDetailDialog::tr("State"), HostDetailDialog::tr("Since")}
            : m_part == Model::Part::Labels
                ? QStringList{HostDetailDialog::tr("Label"), HostDetailDialog::tr("Value")}
                : QStringList{HostDetailDialog::tr("Fact"), HostDetailDialog::tr("Value")};
        const QVariant title = controls::columnTitle(titles, section, orientation, role);
        return title.isValid() ? title : QIdentityProxyModel::headerData(section, orientation, role);
    }

private:
    Model::Part m_part;
};

QTreeView *makeTree(Model *model, QObject *owner) {
    return controls::flatList(new QTreeView, new Proxy(model, owner));
}
} // namespace

HostDetailDialog::HostDetailDialog(HistoryFetch fetch, QWidget *parent)
    : QDialog(parent)
    , m_fetch(std::move(fetch))
    , m_title(new QLabel)
    , m_metric(new QComboBox)
    , m_range(new QComboBox)
    , m_chartView(new QChartView)
    , m_chartNote(new QLabel)
    , m_models{new Model(Model::Part::Alerts, this), new Model(Model::Part::Labels, this),
               new Model(Model::Part::Facts, this)}
    , m_tabs(new QTabWidget)
    , m_alerts(makeTree(m_models[0], this)) {
    setWindowTitle(tr("Host detail"));
    resize(980, 680);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    controls::addTimeRanges(m_range);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(280);
    m_chartNote->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Metric")));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("Range")));
    bar->addWidget(m_range);
    bar->addStretch(1);
    m_tabs->addTab(m_alerts, tr("Alerts"));
    m_tabs->addTab(makeTree(m_models[1], this), tr("Labels"));
    m_tabs->addTab(makeTree(m_models[2], this), tr("Facts"));
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_chartView, 1);
    topLayout->addWidget(m_chartNote);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(split, 1);
    m_alerts->setObjectName(QStringLiteral("alerts"));
    m_alerts->setToolTip(tr("Double-click: show the host's alerts in triage"));

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_alerts, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT triageRequested(index.data(Model::FilterRole).toString());
    });
}

QAbstractItemModel *HostDetailDialog::alerts() const {
    return m_alerts->model();
}

QChart *HostDetailDialog::chart() const {
    return m_chartView->chart();
}

void HostDetailDialog::showHost(FleetSnapshotPtr snapshot, const QString &host) {
    m_host = host;
    m_loaded = false;
    setSnapshot(std::move(snapshot));
    reload();
}

void HostDetailDialog::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    if (!m_snapshot)
        return;
    if (m_metric->count() != static_cast<int>(m_snapshot->metrics.size())) {
        const QSignalBlocker block(m_metric);
        const QString current = m_metric->currentData().toString();
        m_metric->clear();
        for (const auto &m : m_snapshot->metrics)
            m_metric->addItem(QString::fromStdString(m.title), QString::fromStdString(m.key));
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(current)));
    }
    refreshTexts();
    if (isVisible() && m_loaded && nowMs() - m_loadedAt >= 60'000)
        reload();
}

void HostDetailDialog::setMetric(const QString &key) {
    const int i = m_metric->findData(key);
    if (i >= 0)
        m_metric->setCurrentIndex(i);
}

void HostDetailDialog::refreshTexts() {
    const std::string name = m_host.toStdString();
    const Host *h = m_snapshot->host(name);
    setWindowTitle(tr("Host %1").arg(m_host));
    for (auto *m : m_models) // empty when the host has gone
        m->setHost(m_snapshot, name);
    const int alerts = m_models[0]->rowCount();
    m_tabs->setTabText(0, alerts ? tr("Alerts (%1)").arg(alerts) : tr("Alerts (none name this host)"));
    if (!h) {
        m_title->setText(tr("<b>%1</b> is no longer in the fleet.").arg(m_host.toHtmlEscaped()));
        return;
    }
    const QString state = h->up == UpState::Down
                              ? QStringLiteral("<span style='color:#c03030'>%1</span>").arg(tr("down"))
                          : h->up == UpState::Up ? tr("up")
                                                 : tr("unknown");
    QString text =
        QStringLiteral("<b style='font-size:large'>%1</b> · %2").arg(m_host.toHtmlEscaped(), state);
    QStringList figures;
    for (std::size_t m = 0; m < m_snapshot->metrics.size() && m < h->metrics.size(); ++m)
        if (!std::isnan(h->metrics[m]))
            figures << QStringLiteral("%1 %2").arg(
                QString::fromStdString(m_snapshot->metrics[m].title).toHtmlEscaped(),
                format::metric(h->metrics[m], m_snapshot->metrics[m].unit));
    text += QStringLiteral("<br>") + figures.join(QStringLiteral(" · "));
    if (m_snapshot->anyStale(m_snapshot->now()))
        text += QStringLiteral("<br><span style='color:#c03030'>") +
                tr("STALE: the data is older than two poll intervals") + QStringLiteral("</span>");
    m_title->setText(text);
}

void HostDetailDialog::reload() {
    if (!m_fetch || !m_snapshot || m_host.isEmpty() || m_metric->currentIndex() < 0)
        return;
    const int hours = m_range->currentData().toInt();
    const TimeMs to = m_snapshot->now();
    m_loadedAt = nowMs();
    m_chartNote->setText(tr("Loading…"));
    m_fetch(QStringLiteral("detail"), m_metric->currentData().toString().toStdString(),
            to - static_cast<TimeMs>(hours) * 3'600'000, to,
            hours <= 6    ? hours * 60
            : hours <= 24 ? 288
                          : 336,
            this, [this](GridPtr grid) { plot(grid); });
}

void HostDetailDialog::plot(const GridPtr &grid) {
    const int row = grid->row(m_host.toStdString());
    const int mi = m_metric->currentIndex();
    const MetricUnit unit = m_snapshot && mi >= 0 && static_cast<std::size_t>(mi) < m_snapshot->metrics.size()
                                ? m_snapshot->metrics[static_cast<std::size_t>(mi)].unit
                                : MetricUnit::Number;
    const double scale = unit == MetricUnit::Ratio ? 100.0 : 1.0; // ratios are drawn in percent
    // The group: the host's siblings under its deepest hierarchy group (its rack).
    std::vector<int> groupRows;
    QString groupName;
    if (m_snapshot && m_snapshot->graph) {
        const auto &g = *m_snapshot->graph;
        const int hn = g.host(m_host.toStdString());
        if (hn >= 0 && g.node(hn).parent > 0) {
            const int parent = g.node(hn).parent;
            groupName = QString::fromStdString(g.path(parent));
            for (int c : g.node(parent).children)
                if (const int r = grid->row(g.node(c).name); r >= 0)
                    groupRows.push_back(r);
        }
    }
    const auto groupMedian = groupRows.size() > 1 ? grid->median(groupRows) : std::vector<float>();
    const auto fleetMedian = grid->median();

    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto series = [&](const QString &title, const QPen &pen, auto valueOf) {
        auto *s = new QLineSeries;
        s->setName(title);
        s->setPen(pen);
        for (int b = 0; b < grid->buckets; ++b) {
            const float v = valueOf(b);
            if (!std::isnan(v))
                s->append(static_cast<qreal>(grid->bucketStart(b) + grid->stepMs / 2), v * scale);
        }
        chart->addSeries(s);
        return s;
    };
    QPen hostPen(QColor(0x21, 0x66, 0xac), 2);
    QPen groupPen(QColor(0xd9, 0x5f, 0x02), 1.5, Qt::DashLine);
    QPen fleetPen(QColor(0x66, 0x66, 0x66), 1.5, Qt::DotLine);
    std::vector<QLineSeries *> all;
    if (row >= 0)
        all.push_back(
            series(m_host, hostPen, [&](int b) { return grid->at(static_cast<std::size_t>(row), b); }));
    if (!groupMedian.empty())
        all.push_back(series(tr("median of %1").arg(groupName), groupPen,
                             [&](int b) { return groupMedian[static_cast<std::size_t>(b)]; }));
    all.push_back(series(tr("fleet median"), fleetPen,
                         [&](int b) { return fleetMedian[static_cast<std::size_t>(b)]; }));
    auto *x = new QDateTimeAxis;
    x->setFormat(grid->buckets * grid->stepMs > 2 * 86'400'000 ? QStringLiteral("MM-dd HH:mm")
                                                               : QStringLiteral("HH:mm"));
    x->setRange(QDateTime::fromMSecsSinceEpoch(grid->from),
                QDateTime::fromMSecsSinceEpoch(grid->bucketStart(grid->buckets)));
    auto *y = new QValueAxis;
    if (unit == MetricUnit::Ratio) {
        y->setRange(0, 100);
        y->setTitleText(tr("%"));
    } else {
        double hi = 0;
        for (auto *s : all)
            for (const auto &p : s->points())
                hi = std::max(hi, p.y());
        y->setRange(0, hi > 0 ? hi * 1.1 : 1);
    }
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : all) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
    QString note;
    if (row < 0 || all.front()->count() == 0)
        note = tr("No history for this host in the range.");
    for (const auto &w : grid->warnings)
        note += (note.isEmpty() ? QString() : QStringLiteral("\n")) + QString::fromStdString(w);
    m_chartNote->setText(note);
    m_chartNote->setVisible(!note.isEmpty());
    m_loaded = true;
    Q_EMIT loaded();
}

} // namespace vigil
