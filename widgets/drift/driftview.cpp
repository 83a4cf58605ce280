#include "drift/driftview.h"
#include "drift/compliancechart.h"

#include "analysis/baselineloader.h"
#include "support/csv.h"
#include "support/guard.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLinearGradient>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <set>

namespace vigil {

namespace {
QString sev(analysis::DriftSeverity s) {
    switch (s) {
    case analysis::DriftSeverity::Info:
        return DriftView::tr("info");
    case analysis::DriftSeverity::Warning:
        return DriftView::tr("warning");
    case analysis::DriftSeverity::Critical:
        return DriftView::tr("critical");
    }
    return {};
}

QString when(TimeMs t) {
    return t ? QDateTime::fromMSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
             : DriftView::tr("—");
}

} // namespace

DriftView::DriftView(DriftFetch fetch, QString roleLabel, QWidget *parent)
    : QWidget(parent)
    , m_fetch(std::move(fetch))
    , m_roleLabel(std::move(roleLabel))
    , m_headline(new QLabel)
    , m_chart(new QChartView)
    , m_clusters(new QTreeWidget)
    , m_hosts(new QListWidget)
    , m_diff(new QTreeWidget)
    , m_diffTitle(new QLabel)
    , m_filter(new QLineEdit)
    , m_filterSummary(new QLabel)
    , m_values(new QTreeWidget)
    , m_valuesTitle(new QLabel) {
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(170); // title, plot and both axes' labels without eliding
    // Lists shrink to a few rows on a small screen (the window must still fit a 1024 x 600 laptop).
    for (QWidget *w : std::initializer_list<QWidget *>{m_clusters, m_hosts, m_diff, m_values})
        w->setMinimumHeight(40);
    m_chart->setMaximumHeight(230);
    m_clusters->setHeaderLabels({tr("Severity"), tr("Hosts"), tr("Where"), tr("Fact"), tr("Is"),
                                 tr("Expected"), tr("First seen"), tr("New (24 h)"), tr("New since report")});
    m_lastReportAt = QSettings().value(QStringLiteral("drift/lastReportAt"), 0).toLongLong();
    m_clusters->setRootIsDecorated(false);
    m_clusters->setAlternatingRowColors(true);
    m_clusters->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_diff->setHeaderLabels({tr("Fact"), tr("Is"), tr("Expected"), tr("Rule")});
    m_diff->setRootIsDecorated(false);
    m_diff->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hosts->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hosts->setContextMenuPolicy(Qt::CustomContextMenu);
    m_values->setHeaderLabels({tr("Value"), tr("Hosts"), tr("Share"), tr("Baseline")});
    m_values->setRootIsDecorated(false);
    m_values->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
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

    connect(m_clusters, &QTreeWidget::currentItemChanged, this, [this] { showCluster(); });
    connect(m_hosts, &QListWidget::currentTextChanged, this, [this](const QString &h) { showHost(h); });
    connect(m_hosts, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { Q_EMIT hostActivated(item->text()); });
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
    connect(m_hosts, &QListWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        auto *item = m_hosts->itemAt(at);
        if (!item)
            return;
        const QString host = item->text();
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
    });
    connect(copyHosts, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(hostsText()); });
    connect(copyMatcher, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(matcherText()); });
    connect(copyAnsible, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(ansibleText()); });
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
    connect(reviewed, &QPushButton::clicked, this, [this] { markReported(); });
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
    QString head = tr("<b style='font-size:large'>%1</b> — %2 of %3 hosts, against %4")
                       .arg(figure)
                       .arg(r.hostsCompliant)
                       .arg(r.hostsChecked)
                       .arg(QString::fromStdString(m_summary->against).toHtmlEscaped());
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
                                             .arg(when(m_summary->since))
                                             .arg(m_summary->newSince)
                                             .arg(m_summary->fixedSince);
    else if (m_lastReportAt)
        head += QStringLiteral("<br>") + tr("The last report (%1) cannot be compared: the cache holds no "
                                            "facts from then")
                                             .arg(when(m_lastReportAt));
    if (!m_summary->error.empty())
        head += QStringLiteral("<br><span style='color:#c03030'>") +
                tr("The baseline could not be used (%1); judging against the consensus instead.")
                    .arg(QString::fromStdString(m_summary->error).toHtmlEscaped()) +
                QStringLiteral("</span>");
    for (const auto &n : r.notes)
        head +=
            QStringLiteral("<br><i>") + QString::fromStdString(n).toHtmlEscaped() + QStringLiteral("</i>");
    if (r.hostsChecked == 0) { // why, from the counts
        const bool consensus = m_summary->baseline && m_summary->baseline->file.empty();
        const auto why =
            analysis::nothingJudgedReason(r, consensus ? m_roleLabel.toStdString() : std::string());
        head += QStringLiteral("<br>") +
                tr("No host could be judged: %1.").arg(QString::fromStdString(why).toHtmlEscaped());
    }
    m_headline->setText(head);

    // Compliance over time.
    QChart *chart = complianceChart(*m_summary);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;

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
    m_filteredHosts.assign(r.clusters.size(), {});
    std::set<std::string> drifted, shown;
    for (std::size_t i = 0; i < r.clusters.size(); ++i)
        for (const auto &h : r.clusters[i].hosts) {
            drifted.insert(h);
            const Host *host = m_snapshot ? m_snapshot->host(h) : nullptr;
            if (!m_filterMatchers || m_filterMatchers->matches(host ? host->labels : LabelSet(), h)) {
                m_filteredHosts[i].push_back(h);
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

    const QString selected =
        m_clusters->currentItem() ? m_clusters->currentItem()->data(0, Qt::UserRole).toString() : QString();
    m_clusters->clear();
    for (std::size_t i = 0; i < r.clusters.size(); ++i) {
        const auto &c = r.clusters[i];
        const auto &hosts = m_filteredHosts[i];
        if (hosts.empty())
            continue;
        auto *item = new QTreeWidgetItem({sev(c.severity), QString::number(hosts.size()),
                                          QString::fromStdString(c.layer), QString::fromStdString(c.fact),
                                          QString::fromStdString(c.actual),
                                          QString::fromStdString(c.expected), when(c.firstSeen),
                                          c.newLastDay ? QStringLiteral("+%1").arg(c.newLastDay) : QString(),
                                          c.newSince ? QStringLiteral("+%1").arg(c.newSince) : QString()});
        item->setData(0, Qt::UserRole, QString::fromStdString(c.layer + "\x1f" + c.fact + "\x1f" + c.actual));
        item->setData(1, Qt::UserRole, static_cast<int>(i));
        if (hosts.size() != c.hosts.size())
            item->setToolTip(
                1, tr("%1 of the cluster's %2 hosts match the filter").arg(hosts.size()).arg(c.hosts.size()));
        if (c.severity == analysis::DriftSeverity::Critical)
            item->setForeground(0, QColor(0xc0, 0x30, 0x30));
        item->setToolTip(3, QString::fromStdString(c.origin));
        m_clusters->addTopLevelItem(item);
        if (item->data(0, Qt::UserRole).toString() == selected)
            m_clusters->setCurrentItem(item);
    }
    if (!m_clusters->currentItem() && m_clusters->topLevelItemCount() > 0)
        m_clusters->setCurrentItem(m_clusters->topLevelItem(0));
    if (!m_clusters->currentItem()) {
        m_hosts->clear();
        m_diff->clear();
        m_values->clear();
        m_valuesTitle->clear();
    } else {
        showCluster(); // the filter may have changed its hosts even when the cluster stayed current
    }
}

QString DriftView::clusterTitle() const {
    if (!m_summary || !m_clusters->currentItem())
        return {};
    const int i = m_clusters->currentItem()->data(1, Qt::UserRole).toInt();
    const auto &c = m_summary->report.clusters[static_cast<std::size_t>(i)];
    return tr("drift %1 = %2").arg(QString::fromStdString(c.fact), QString::fromStdString(c.actual));
}

void DriftView::showValues(const QString &factName) {
    m_values->clear();
    m_jobs.cancel(QStringLiteral("values")); // a count under way is for another fact
    if (!m_summary || !m_snapshot || factName.isEmpty())
        return;
    const std::string fact = factName.toStdString();
    // The rule the cluster's hosts are judged by, to say which values it accepts and whose hosts count.
    const analysis::FactRule *rule = nullptr;
    if (m_clusters->currentItem() && m_clusters->currentItem()->text(3) == factName) {
        const auto i = static_cast<std::size_t>(m_clusters->currentItem()->data(1, Qt::UserRole).toInt());
        const auto &c = m_summary->report.clusters[i];
        for (const auto &v : m_summary->report.violations)
            if (v.rule->fact == fact && v.rule->origin == c.origin && v.host == c.hosts.front()) {
                rule = v.rule;
                break;
            }
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
            fillValues(factName, *values, rule);
        });
}

void DriftView::fillValues(const QString &factName, const analysis::FactValues &v,
                           const analysis::FactRule *rule) {
    const QLocale l;
    const int shown = std::min<int>(static_cast<int>(v.values.size()), 200);
    for (int k = 0; k < shown; ++k) {
        const auto &value = v.values[static_cast<std::size_t>(k)];
        const double share = v.hosts ? static_cast<double>(value.hosts) / v.hosts : 0;
        const QString verdict = rule ? (value.accepted ? tr("complies") : tr("drift")) : QString();
        auto *item = new QTreeWidgetItem({QString::fromStdString(value.value), l.toString(value.hosts),
                                          l.toString(share * 100, 'f', 1) + QStringLiteral(" %"), verdict});
        // The share as a bar behind its number.
        QLinearGradient bar(0, 0, 120, 0);
        const QColor fill = value.accepted ? QColor(0x9c, 0xd3, 0xa8) : QColor(0xf2, 0xa0, 0x90);
        bar.setColorAt(0, fill);
        bar.setColorAt(std::clamp(share, 0.001, 0.999), fill);
        bar.setColorAt(std::clamp(share + 0.001, 0.002, 1.0), Qt::transparent);
        item->setBackground(2, QBrush(bar));
        if (!value.accepted)
            item->setForeground(3, QColor(0xc0, 0x30, 0x30));
        m_values->addTopLevelItem(item);
    }
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
    if (!m_summary || !m_clusters->currentItem())
        return {};
    const auto i = static_cast<std::size_t>(m_clusters->currentItem()->data(1, Qt::UserRole).toInt());
    return i < m_filteredHosts.size() ? m_filteredHosts[i] : std::vector<std::string>();
}

void DriftView::showCluster() {
    m_hosts->clear();
    for (const auto &h : selectedHosts())
        m_hosts->addItem(QString::fromStdString(h));
    if (m_hosts->count() > 0)
        m_hosts->setCurrentRow(0);
    if (m_clusters->currentItem())
        showValues(m_clusters->currentItem()->text(3));
}

void DriftView::showHost(const QString &host) {
    m_diff->clear();
    if (!m_summary || !m_snapshot || host.isEmpty())
        return;
    const Host *h = m_snapshot->host(host.toStdString());
    m_diffTitle->setText(tr("<b>%1</b> against its baseline").arg(host.toHtmlEscaped()));
    if (!h)
        return;
    // The snapshot keeps facts by host: this host's are one run, found by binary search.
    std::map<std::string, std::string> mine;
    auto it = std::lower_bound(m_snapshot->facts.begin(), m_snapshot->facts.end(), h->name,
                               [](const Fact &f, const std::string &n) { return f.host < n; });
    for (; it != m_snapshot->facts.end() && it->host == h->name; ++it) {
        auto &v = mine[it->name];
        v += (v.empty() ? "" : ",") + it->value;
    }
    for (const auto &[fact, rule] : m_summary->baseline->rulesFor(h->labels)) {
        std::optional<std::string> value;
        if (auto it = mine.find(fact); it != mine.end())
            value = it->second;
        const bool ok = rule->accepts(value);
        auto *item = new QTreeWidgetItem(
            {QString::fromStdString(fact), value ? QString::fromStdString(*value) : tr("(absent)"),
             QString::fromStdString(rule->expected()), QString::fromStdString(rule->origin)});
        if (!ok) {
            for (int c = 0; c < 3; ++c)
                item->setForeground(c, QColor(0xc0, 0x30, 0x30));
            m_diff->insertTopLevelItem(0, item); // what differs first
        } else {
            m_diff->addTopLevelItem(item);
        }
    }
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
    if (!m_summary || !m_clusters->currentItem())
        return {};
    const int i = m_clusters->currentItem()->data(1, Qt::UserRole).toInt();
    const auto &c = m_summary->report.clusters[static_cast<std::size_t>(i)];
    const auto hosts = selectedHosts();
    QString group = QString::fromStdString("drift_" + c.fact + "_" + c.actual);
    group.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    QString out = QStringLiteral("[%1]\n").arg(group);
    for (const auto &h : hosts) {
        QString name = QString::fromStdString(h);
        name = name.section(QLatin1Char(':'), 0, 0); // inventory names are hosts, not host:port
        out += name + QLatin1Char('\n');
    }
    return out;
}

QString DriftView::html() const {
    if (!m_summary)
        return {};
    const auto &r = m_summary->report;
    QString h = QStringLiteral("<html><head><meta charset='utf-8'><title>%1</title>"
                               "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
                               "td,th{border:1px solid #bbb;padding:3px 6px;text-align:left}"
                               ".critical{color:#c03030;font-weight:bold}</style></head><body>")
                    .arg(tr("Vigil drift report"));
    h += QStringLiteral("<h1>%1</h1><p>%2</p>")
             .arg(tr("Drift report"), tr("%1 · compliance %2 % (%3 of %4 hosts) against %5")
                                          .arg(when(m_summary->at))
                                          .arg(r.compliance() * 100, 0, 'f', 1)
                                          .arg(r.hostsCompliant)
                                          .arg(r.hostsChecked)
                                          .arg(QString::fromStdString(m_summary->against).toHtmlEscaped()));
    if (m_summary->since)
        h += QStringLiteral("<p>%1</p>")
                 .arg(tr("Since the last report (%1): %2 newly drifted, %3 fixed")
                          .arg(when(m_summary->since))
                          .arg(m_summary->newSince)
                          .arg(m_summary->fixedSince));
    h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</"
                        "th><th>%7</th><th>%8</th>"
                        "<th>%9</th></tr>")
             .arg(tr("Drift clusters"), tr("Severity"), tr("Hosts"), tr("Where"), tr("Fact"), tr("Is"),
                  tr("Expected"), tr("First seen"), tr("Which hosts"));
    for (const auto &c : r.clusters) {
        QStringList hosts;
        for (const auto &x : c.hosts)
            hosts << QString::fromStdString(x).toHtmlEscaped();
        h +=
            QStringLiteral(
                "<tr><td class='%1'>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td><td>%8</td>"
                "<td>%9</td></tr>")
                .arg(QString::fromLatin1(analysis::severityName(c.severity)), sev(c.severity))
                .arg(c.hosts.size())
                .arg(QString::fromStdString(c.layer).toHtmlEscaped(),
                     QString::fromStdString(c.fact).toHtmlEscaped(),
                     QString::fromStdString(c.actual).toHtmlEscaped(),
                     QString::fromStdString(c.expected).toHtmlEscaped(), when(c.firstSeen),
                     hosts.join(QStringLiteral(", ")));
    }
    h += QStringLiteral("</table>");
    if (r.clusters.empty())
        h += QStringLiteral("<p>") + tr("No drift.") + QStringLiteral("</p>");
    // Compliance by role and by fact, and what could not be judged.
    auto table = [&](const QString &title, const QString &what,
                     const std::map<std::string, std::pair<int, int>> &rows) {
        if (rows.empty())
            return;
        h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
                 .arg(title, what, tr("Compliant"), tr("Compliance"));
        for (const auto &[name, c] : rows)
            h += QStringLiteral("<tr><td>%1</td><td>%2 / %3</td><td>%4 %</td></tr>")
                     .arg(QString::fromStdString(name).toHtmlEscaped())
                     .arg(c.first)
                     .arg(c.second)
                     .arg(c.second ? 100.0 * c.first / c.second : 100.0, 0, 'f', 1);
        h += QStringLiteral("</table>");
    };
    table(tr("By %1").arg(m_roleLabel.toHtmlEscaped()), m_roleLabel.toHtmlEscaped(), m_summary->byRole);
    table(tr("By fact"), tr("Fact"), r.byFact);
    if (!r.notes.empty()) {
        h += QStringLiteral("<h2>%1</h2><ul>").arg(tr("Notes"));
        for (const auto &n : r.notes)
            h += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(n).toHtmlEscaped());
        h += QStringLiteral("</ul>");
    }
    return h + QStringLiteral("</body></html>");
}

bool DriftView::exportTo(const QString &path, QString *error) const {
    if (!m_summary) {
        *error = tr("The drift report has not been computed yet.");
        return false;
    }
    QByteArray data;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(path);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(96); // the document's units are screen pixels: text at its point size
        pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        pdf.setTitle(tr("Vigil drift report"));
        QTextDocument doc;
        doc.setHtml(html());
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        doc.print(&pdf);
        if (!QFile::exists(path)) {
            *error = tr("Could not write %1").arg(path);
            return false;
        }
        return true;
    }
    if (path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive)) {
        data = html().toUtf8();
    } else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        data = QByteArray::fromStdString(
            analysis::formatReport(m_summary->report, analysis::DriftFormat::Json,
                                   "Drift report against " + m_summary->against, m_summary->at));
    } else {
        QString out = QStringLiteral("host,fact,is,expected,severity,rule\n");
        for (const auto &v : m_summary->report.violations)
            out += csv::row({QString::fromStdString(v.host), QString::fromStdString(v.rule->fact),
                             v.actual ? QString::fromStdString(*v.actual) : QStringLiteral("(absent)"),
                             QString::fromStdString(v.rule->expected()),
                             QString::fromLatin1(analysis::severityName(v.rule->severity)),
                             QString::fromStdString(v.rule->origin)});
        data = out.toUtf8();
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()) {
        *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void DriftView::markReported() {
    if (!m_summary)
        return;
    m_lastReportAt = m_summary->at;
    QSettings().setValue(QStringLiteral("drift/lastReportAt"), static_cast<qlonglong>(m_lastReportAt));
    if (!m_loading)
        request();
}

bool DriftView::writeConsensus(const QString &path, QString *error) const {
    if (!m_summary) {
        *error = tr("The drift report has not been computed yet.");
        return false;
    }
    analysis::DriftReport consensus;
    consensus.baseline = m_summary->consensus;
    const std::string yaml = BaselineLoader::fromConsensus(consensus, m_roleLabel.toStdString());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(yaml.data(), static_cast<qint64>(yaml.size())) != static_cast<qint64>(yaml.size())) {
        *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace vigil
