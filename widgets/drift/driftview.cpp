#include "drift/driftview.h"
#include "common/viewcontrols.h"
#include "common/whenshown.h"
#include "drift/compliancechart.h"
#include "drift/driftproxies.h"
#include "drift/driftwording.h"
#include "item/driftmodels.h"

#include "support/guard.h"

#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace vigil {

// A host's menu in the cluster's host list: its detail, and the host or the cluster in the other views.
void DriftView::hostMenu(const QPoint &at) {
    const QModelIndex index = m_hosts->indexAt(at);
    if (!index.isValid())
        return;
    const QString host = index.data().toString();
    QStringList cluster;
    for (const auto &h : selectedHosts())
        cluster << QString::fromStdString(h);
    QMenu menu;
    connect(menu.addAction(tr("Host detail")), &QAction::triggered, this,
            [this, host] { Q_EMIT hostActivated(host); });
    connect(menu.addAction(tr("Show in the topology")), &QAction::triggered, this,
            [this, host] { Q_EMIT showHosts(QStringLiteral("topology"), host, {host}); });
    connect(menu.addAction(tr("Show the cluster in the heatmap")), &QAction::triggered, this,
            [this, cluster] { Q_EMIT showHosts(QStringLiteral("heatmap"), clusterTitle(), cluster); });
    connect(menu.addAction(tr("Show the cluster on the service map")), &QAction::triggered, this,
            [this, cluster] { Q_EMIT showHosts(QStringLiteral("services"), clusterTitle(), cluster); });
    menu.exec(m_hosts->viewport()->mapToGlobal(at));
}

// The export button's menu: the report in four formats, and the consensus as a baseline.
void DriftView::fillExportMenu(QMenu *menu) {
    auto exporter = [this](const QString &filter, const QString &suffix, bool consensus) {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the drift report"),
            (consensus ? QStringLiteral("baseline.") : QStringLiteral("vigil-drift.")) + suffix, filter);
        if (path.isEmpty())
            return;
        QString err;
        if (!(consensus ? writeConsensus(path, &err) : exportTo(path, &err)))
            QMessageBox::warning(this, tr("Export failed"), err);
        else if (!consensus)
            markReported(); // an exported report is the last report
    };
    connect(menu->addAction(tr("HTML report…")), &QAction::triggered, this,
            [exporter] { exporter(tr("HTML (*.html)"), QStringLiteral("html"), false); });
    connect(menu->addAction(tr("PDF report…")), &QAction::triggered, this,
            [exporter] { exporter(tr("PDF (*.pdf)"), QStringLiteral("pdf"), false); });
    connect(menu->addAction(tr("CSV (one line per drifted fact)…")), &QAction::triggered, this,
            [exporter] { exporter(tr("CSV (*.csv)"), QStringLiteral("csv"), false); });
    connect(menu->addAction(tr("JSON…")), &QAction::triggered, this,
            [exporter] { exporter(tr("JSON (*.json)"), QStringLiteral("json"), false); });
    menu->addSeparator();
    connect(menu->addAction(tr("Write the consensus as a baseline YAML…")), &QAction::triggered, this,
            [exporter] { exporter(tr("YAML (*.yaml)"), QStringLiteral("yaml"), true); });
}

DriftView::DriftView(DriftFetch fetch, QString roleLabel, QWidget *parent)
    : QWidget(parent)
    , m_fetch(std::move(fetch))
    , m_roleLabel(std::move(roleLabel))
    , m_clusterModel(new DriftClusterModel(this))
    , m_valueModel(new FactValuesModel(this))
    , m_checkModel(new HostCheckModel(this))
    , m_hostModel(new QStringListModel(this))
    , m_headline(new QLabel)
    , m_chart(new QChartView)
    , m_compliance(new ComplianceChart)
    , m_chartShown(new WhenShown(m_chart))
    , m_clusters(new QTreeView)
    , m_hosts(new QListView)
    , m_diff(new QTreeView)
    , m_diffTitle(new QLabel)
    , m_filter(new QLineEdit)
    , m_filterSummary(new QLabel)
    , m_values(new QTreeView)
    , m_valuesTitle(new QLabel) {
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setAccessibleName(tr("Compliance over the last day"));
    // QChartView starts with a chart of its own and setChart() releases it without deleting it.
    QChart *initial = m_chart->chart();
    m_chart->setChart(m_compliance);
    delete initial;
    m_chart->setMinimumHeight(170); // title, plot and both axes' labels without eliding
    // Lists shrink to a few rows on a small screen (the window must still fit a 1024 x 600 laptop).
    for (QWidget *w : std::initializer_list<QWidget *>{m_clusters, m_hosts, m_diff, m_values})
        w->setMinimumHeight(40);
    m_chart->setMaximumHeight(230);
    m_lastReportAt = QSettings().value(QStringLiteral("drift/lastReportAt"), 0).toLongLong();
    auto present = [this](QTreeView *view, QIdentityProxyModel *proxy, QAbstractItemModel *model) {
        proxy->setParent(this);
        proxy->setSourceModel(model);
        controls::flatList(view, proxy)->setAllColumnsShowFocus(true);
    };
    present(m_clusters, new DriftClusterProxy, m_clusterModel);
    present(m_diff, new HostCheckProxy, m_checkModel);
    present(m_values, new FactValuesProxy, m_valueModel);
    m_hosts->setModel(m_hostModel);
    m_hosts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hosts->setUniformItemSizes(true);
    m_hosts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hosts->setContextMenuPolicy(Qt::CustomContextMenu);
    m_filter->setPlaceholderText(tr("Filter hosts: role=\"api\" region=~\"eu.*\" or a name"));
    m_filter->setClearButtonEnabled(true);
    m_filterSummary->setTextFormat(Qt::RichText);

    auto *copyHosts = new QPushButton(tr("Copy hosts"));
    auto *copyMatcher = new QPushButton(tr("Copy matcher"));
    auto *copyAnsible = new QPushButton(tr("Copy Ansible group"));
    auto *markElsewhere = new QPushButton(tr("Mark in other views"));
    markElsewhere->setToolTip(tr("Mark these hosts in the heatmap, the topology maps and triage"));
    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    exportButton->setMenu(menu);

    auto *reviewed = new QPushButton(tr("Mark reviewed"));
    reviewed->setToolTip(tr("This report becomes the last report: later ones count what drifted and what "
                            "was fixed since"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(reviewed, 0, Qt::AlignTop);
    top->addWidget(exportButton, 0, Qt::AlignTop);
    auto *handoff = new QHBoxLayout;
    handoff->addWidget(copyHosts);
    handoff->addWidget(copyMatcher);
    handoff->addWidget(copyAnsible);
    handoff->addWidget(markElsewhere);
    auto *hostsPane = new QWidget;
    auto *hostsLayout = new QVBoxLayout(hostsPane);
    hostsLayout->setContentsMargins(0, 0, 0, 0);
    hostsLayout->addWidget(new QLabel(tr("Hosts in the cluster")));
    hostsLayout->addWidget(m_hosts, 1);
    hostsLayout->addLayout(handoff);
    auto *diffPane = new QWidget;
    auto *diffLayout = new QVBoxLayout(diffPane);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(m_diffTitle);
    diffLayout->addWidget(m_diff, 1);
    auto *valuesPane = new QWidget;
    auto *valuesLayout = new QVBoxLayout(valuesPane);
    valuesLayout->setContentsMargins(0, 0, 0, 0);
    valuesLayout->addWidget(m_valuesTitle);
    valuesLayout->addWidget(m_values, 1);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(diffPane);
    right->addWidget(valuesPane);
    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(hostsPane);
    lower->addWidget(right);
    lower->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_clusters);
    split->addWidget(lower);
    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filter, 1);
    filterBar->addWidget(m_filterSummary);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_chart);
    layout->addLayout(filterBar);
    layout->addWidget(split, 1);

    connect(m_clusters->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { showCluster(); });
    connect(m_hosts->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showHost(current.data().toString()); });
    connect(m_hosts, &QListView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT hostActivated(index.data().toString()); });
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { applyFilter(); });
    connect(markElsewhere, &QPushButton::clicked, this, [this] {
        QStringList hosts;
        for (const auto &h : selectedHosts())
            hosts << QString::fromStdString(h);
        Q_EMIT showHosts(QString(), clusterTitle(), hosts);
    });
    connect(m_hosts, &QListView::customContextMenuRequested, this, &DriftView::hostMenu);
    connect(copyHosts, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(hostsText()); });
    connect(copyMatcher, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(matcherText()); });
    connect(copyAnsible, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(ansibleText()); });
    connect(reviewed, &QPushButton::clicked, this, [this] { markReported(); });
    fillExportMenu(menu);
    m_headline->setText(tr("<b>Drift</b>: waiting for the fleet's facts…"));
}

void DriftView::setSnapshot(FleetSnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    if (!m_snapshot || m_snapshot->fromCache || m_snapshot->hosts.empty())
        return;
    // A new report when a poll changed some host's facts or labels (judged incrementally: only those
    // hosts), or every five minutes for the history.
    m_dirty = m_dirty || m_snapshot->allHostsChanged || !m_snapshot->changedHosts.empty();
    if (!m_loading && (m_dirty || nowMs() - m_requestedAt >= 5 * 60'000))
        request();
}

void DriftView::request() {
    if (!m_fetch)
        return;
    m_loading = true;
    m_requestedAt = nowMs();
    m_dirty = false;
    m_fetch(m_lastReportAt, this, [this](DriftPtr s) {
        m_loading = false;
        setSummary(std::move(s));
    });
}

void DriftView::setSummary(DriftPtr summary) {
    m_summary = std::move(summary);
    if (!m_summary)
        return;
    const auto &r = m_summary->report;
    const QLocale l;
    int fresh = 0;
    for (const auto &c : r.clusters)
        fresh += c.newLastDay > 0;
    const QString figure = r.hostsChecked
                               ? tr("Compliance %1 %").arg(l.toString(r.compliance() * 100, 'f', 1))
                               : tr("Nothing judged"); // never "100 %" of nothing
    QString head = tr("<b style='font-size:large'>%1</b> — %L2 of %L3 hosts, against %4")
                       .arg(figure)
                       .arg(r.hostsCompliant)
                       .arg(r.hostsChecked)
                       .arg(DriftWording::against(*m_summary, m_roleLabel).toHtmlEscaped());
    head += QStringLiteral("<br>") + tr("%n drift cluster(s)", nullptr, static_cast<int>(r.clusters.size())) +
            QStringLiteral(" · ") + tr("%n new or growing in the last 24 h", nullptr, fresh);
    QStringList roles;
    for (const auto &[role, counts] : m_summary->byRole)
        if (counts.first < counts.second)
            roles << QStringLiteral("%1 %2 %").arg(QString::fromStdString(role).toHtmlEscaped(),
                                                   l.toString(100.0 * counts.first / counts.second, 'f', 0));
    if (!roles.isEmpty())
        head += QStringLiteral("<br>") + tr("By %1: %2").arg(m_roleLabel, roles.join(QStringLiteral(" · ")));
    QStringList facts;
    for (const auto &[fact, counts] : r.byFact)
        if (counts.first < counts.second)
            facts << QStringLiteral("%1 %2 %").arg(QString::fromStdString(fact).toHtmlEscaped(),
                                                   l.toString(100.0 * counts.first / counts.second, 'f', 0));
    if (!facts.isEmpty())
        head += QStringLiteral("<br>") + tr("By fact: %1").arg(facts.join(QStringLiteral(" · ")));
    if (m_summary->since)
        head += QStringLiteral("<br>") + tr("Since the last report (%1): %2 newly drifted, %3 fixed")
                                             .arg(driftWhen(m_summary->since))
                                             .arg(m_summary->newSince)
                                             .arg(m_summary->fixedSince);
    else if (m_lastReportAt)
        head += QStringLiteral("<br>") + tr("The last report (%1) cannot be compared: the cache holds no "
                                            "facts from then")
                                             .arg(driftWhen(m_lastReportAt));
    if (!m_summary->error.empty())
        head += QStringLiteral("<br><span style='color:#c03030'>") +
                tr("The baseline could not be used (%1); judging against the consensus instead.")
                    .arg(QString::fromStdString(m_summary->error).toHtmlEscaped()) +
                QStringLiteral("</span>");
    for (const auto &n : r.notes)
        head += QStringLiteral("<br><i>") + DriftWording::note(n).toHtmlEscaped() + QStringLiteral("</i>");
    if (r.hostsChecked == 0) { // why, from the counts
        const bool consensus = m_summary->baseline && m_summary->baseline->file.empty();
        const QString why = DriftWording::nothingJudged(r, consensus ? m_roleLabel : QString());
        head += QStringLiteral("<br>") + tr("No host could be judged: %1.").arg(why.toHtmlEscaped());
    }
    m_headline->setText(head);

    // Compliance over time: on screen, or when the view is next shown.
    m_chartShown->run([this, summary = m_summary] { m_compliance->setSummary(*summary); });

    applyFilter();
    Q_EMIT ready();
}

void DriftView::setFilterText(const QString &text) {
    m_filter->setText(text);
    applyFilter();
}

void DriftView::applyFilter() {
    m_filterError.clear();
    m_filterMatchers.reset();
    if (!m_filter->text().trimmed().isEmpty()) {
        std::string err;
        m_filterMatchers = LabelFilter::parse(m_filter->text().toStdString(), &err);
        if (!m_filterMatchers)
            m_filterError = QString::fromStdString(err);
    }
    if (!m_summary)
        return;
    const auto &r = m_summary->report;
    std::vector<std::vector<std::string>> inFilter(r.clusters.size());
    std::set<std::string> drifted, shown;
    for (std::size_t i = 0; i < r.clusters.size(); ++i)
        for (const auto &h : r.clusters[i].hosts) {
            drifted.insert(h);
            const Host *host = m_snapshot ? m_snapshot->host(h) : nullptr;
            if (!m_filterMatchers || m_filterMatchers->matches(host ? host->labels : LabelSet(), h)) {
                inFilter[i].push_back(h);
                shown.insert(h);
            }
        }
    if (!m_filterError.isEmpty())
        m_filterSummary->setText(QStringLiteral("<span style='color:#c03030'>%1</span>")
                                     .arg(tr("filter: %1").arg(m_filterError.toHtmlEscaped())));
    else if (m_filterMatchers)
        m_filterSummary->setText(tr("%1 of %2 drifted hosts match").arg(shown.size()).arg(drifted.size()));
    else
        m_filterSummary->clear();

    // The cluster on screen stays current when it is still there (its hosts may have changed).
    const QString selected = m_clusters->currentIndex().data(DriftClusterModel::KeyRole).toString();
    m_clusterModel->setClusters(m_summary, std::move(inFilter)); // no current row after the reset
    const int row = std::max(m_clusterModel->rowOfKey(selected), 0);
    if (row < m_clusterModel->rowCount())
        m_clusters->setCurrentIndex(m_clusters->model()->index(row, 0)); // shows it
    else
        showCluster(); // nothing to show: empties the lists below
}

const analysis::BaselineCluster *DriftView::currentCluster() const {
    return m_summary ? m_clusterModel->cluster(m_clusters->currentIndex().row()) : nullptr;
}

QString DriftView::clusterTitle() const {
    const auto *c = currentCluster();
    return c ? tr("drift %1 = %2").arg(QString::fromStdString(c->fact), QString::fromStdString(c->actual))
             : QString();
}

void DriftView::showValues(const QString &factName) {
    m_valueModel->clear();
    m_valuesTitle->clear();
    m_jobs.cancel(QStringLiteral("values")); // a count under way is for another fact
    if (!m_summary || !m_snapshot || factName.isEmpty())
        return;
    const std::string fact = factName.toStdString();
    // The rule the cluster's hosts are judged by, to say which values it accepts and whose hosts count.
    const analysis::FactRule *rule = nullptr;
    if (const auto *c = currentCluster(); c && c->fact == fact)
        for (const auto &v : m_summary->report.violations)
            if (v.rule->fact == fact && v.rule->origin == c->origin && v.host == c->hosts.front()) {
                rule = v.rule;
                break;
            }
    m_valuesTitle->setText(tr("Counting the values of %1…").arg(factName.toHtmlEscaped()));
    // A pass over every host's facts (millions on a large fleet): off the GUI thread.
    m_jobs.run(
        JobRunner::Pool::Interactive, QStringLiteral("values"), "counting a fact's values", this,
        [summary = m_summary, snap = m_snapshot, rule, fact, filter = m_filterMatchers](const CancelToken &) {
            return std::make_shared<const analysis::FactValues>(
                analysis::factValues(*summary->baseline, rule, fact, snap->hosts, snap->facts, filter));
        },
        [this, rule, summary = m_summary, factName](std::shared_ptr<const analysis::FactValues> values) {
            fillValues(factName, std::move(values), rule);
        });
}

void DriftView::fillValues(const QString &factName, std::shared_ptr<const analysis::FactValues> values,
                           const analysis::FactRule *rule) {
    const QLocale l;
    m_valueModel->setValues(values, rule != nullptr);
    const auto &v = *values;
    const int shown = m_valueModel->rowCount();
    QString title = tr("<b>Values of %1</b> on %n host(s)", nullptr, v.hosts).arg(factName.toHtmlEscaped());
    if (!v.layer.empty())
        title +=
            QStringLiteral(" ") + tr("under layer %1").arg(QString::fromStdString(v.layer).toHtmlEscaped());
    if (m_filterMatchers)
        title += QStringLiteral(" ") + tr("in the filter");
    if (rule)
        title += QStringLiteral(" · ") +
                 tr("baseline: %1").arg(QString::fromStdString(rule->expected()).toHtmlEscaped());
    if (static_cast<int>(v.values.size()) > shown)
        title += QStringLiteral(" · ") + tr("%1 distinct values, the %2 most common shown")
                                             .arg(l.toString(static_cast<qulonglong>(v.values.size())))
                                             .arg(shown);
    m_valuesTitle->setText(title);
    Q_EMIT valuesShown();
}

std::vector<std::string> DriftView::selectedHosts() const {
    return m_summary ? m_clusterModel->hosts(m_clusters->currentIndex().row()) : std::vector<std::string>();
}

void DriftView::showCluster() {
    QStringList hosts;
    for (const auto &h : selectedHosts())
        hosts << QString::fromStdString(h);
    m_hostModel->setStringList(hosts); // resets the current host: its diff is cleared
    if (!hosts.isEmpty())
        m_hosts->setCurrentIndex(m_hostModel->index(0));
    else
        showHost({});
    const auto *c = currentCluster();
    showValues(c ? QString::fromStdString(c->fact) : QString());
}

void DriftView::showHost(const QString &host) {
    const Host *h =
        m_summary && m_snapshot && !host.isEmpty() ? m_snapshot->host(host.toStdString()) : nullptr;
    m_diffTitle->setText(host.isEmpty() ? QString()
                                        : tr("<b>%1</b> against its baseline").arg(host.toHtmlEscaped()));
    if (!h) {
        m_checkModel->setChecks(nullptr, {});
        return;
    }
    m_checkModel->setChecks(m_summary->baseline,
                            analysis::checkHost(*m_summary->baseline, *h, m_snapshot->facts));
}

QAbstractItemModel *DriftView::clusters() const {
    return m_clusters->model();
}

QAbstractItemModel *DriftView::values() const {
    return m_values->model();
}

QAbstractItemModel *DriftView::hostList() const {
    return m_hostModel;
}

QAbstractItemModel *DriftView::hostChecks() const {
    return m_diff->model();
}

QString DriftView::hostsText() const {
    QStringList out;
    for (const auto &h : selectedHosts())
        out << QString::fromStdString(h);
    return out.join(QLatin1Char('\n'));
}

QString DriftView::matcherText() const {
    // A matcher for Prometheus, Alertmanager and Vigil's own filters: regex metacharacters escaped,
    // then backslashes doubled for the quoted string.
    QStringList out;
    for (const auto &h : selectedHosts()) {
        QString e;
        for (const QChar c : QString::fromStdString(h)) {
            if (QStringLiteral(".^$*+?()[]{}|\\").contains(c))
                e += QLatin1Char('\\');
            e += c;
        }
        e.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        out << e;
    }
    return out.isEmpty() ? QString() : QStringLiteral("instance=~\"%1\"").arg(out.join(QLatin1Char('|')));
}

QString DriftView::ansibleText() const {
    const auto *c = currentCluster();
    if (!c)
        return {};
    const auto hosts = selectedHosts();
    QString group = QString::fromStdString("drift_" + c->fact + "_" + c->actual);
    group.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    QString out = QStringLiteral("[%1]\n").arg(group);
    for (const auto &h : hosts) {
        QString name = QString::fromStdString(h);
        name = name.section(QLatin1Char(':'), 0, 0); // inventory names are hosts, not host:port
        out += name + QLatin1Char('\n');
    }
    return out;
}

void DriftView::markReported() {
    if (!m_summary)
        return;
    m_lastReportAt = m_summary->at;
    QSettings().setValue(QStringLiteral("drift/lastReportAt"), static_cast<qlonglong>(m_lastReportAt));
    if (!m_loading)
        request();
}

} // namespace vigil
