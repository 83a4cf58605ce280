#include "triage/triageview.h"

#include "support/qtext.h"

#include "analysis/incidentsilence.h"
#include "common/viewcontrols.h"
#include "fleet/silencematch.h"
#include "item/alerttablemodel.h"
#include "item/amgroupmodel.h"
#include "item/incidentalertsmodel.h"
#include "item/incidentmodel.h"
#include "item/triageexport.h"
#include "triage/alerttimeline.h"
#include "triage/incidentfilterproxy.h"
#include "triage/incidentnotifier.h"
#include "triage/silencedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <set>

namespace vigil {

using analysis::CauseKind;
using analysis::Incident;

namespace {
QString esc(std::string_view s) {
    return toQString(s).toHtmlEscaped();
}
// The Alertmanager source that reported the incident's first alert (silences go there).
QString sourceOf(const FleetSnapshot &snap, const Incident &inc) {
    return QString::fromStdString(analysis::alertmanagerSourceOf(snap, inc));
}
} // namespace

TriageView::TriageView(IncidentModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new IncidentFilterProxy(this))
    , m_alertModel(new AlertTableModel(this))
    , m_amGroupModel(new AmGroupModel(this))
    , m_amGroupTable(new QTableView)
    , m_stack(new QStackedWidget)
    , m_alertTable(new QTableView)
    , m_modeButton(new QToolButton)
    , m_saved(new QComboBox)
    , m_members(new IncidentAlertsModel(this))
    , m_headline(new QLabel)
    , m_summary(new QLabel)
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
    , m_title(new QLabel)
    , m_reason(new QLabel)
    , m_timeline(new AlertTimeline)
    , m_tree(new QTreeView)
    , m_alertDetail(new QLabel)
    , m_notes(new QLabel)
    , m_keys(new QLabel) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(IncidentModel::SortRole);
    setUpFilter();
    setUpIncidentTable();
    QWidget *detail = buildDetail();
    QWidget *left = buildIncidentList();
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    setUpAlertTable(split);
    QHBoxLayout *top = buildTopBar();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(buildSelectionNote());
    layout->addWidget(buildAcknowledgeBar());
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_keys);

    sizeRows();
    followModel();
    setUpKeys();
    m_table->setFocus();
    onModelReset();
}

void TriageView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        sizeRows();
        m_sized = false; // the incidents' columns to their contents in the new type
        sizeIncidentColumns();
        updateHeadline(); // its type is relative to the view's
    } else if (event->type() == QEvent::PaletteChange) {
        updateHeadline(); // and its colour follows the view's
    }
}

void TriageView::sizeRows() {
    // Rows as tall as the type, and columns as wide (a wall display scales it with the screen).
    using A = IncidentAlertsModel; // where an alert fires ("ingest-00056:9100") reads whole
    controls::sizeColumnsInChars(
        m_tree->header(), 11,
        {{A::NameColumn, 22}, {A::InstanceColumn, 20}, {A::StateColumn, 10}, {A::StartedColumn, 10}});
    controls::sizeColumnsInChars(m_amGroupTable->horizontalHeader(), 10, {{AmGroupModel::GroupColumn, 30}});
    const int h = fontMetrics().height();
    m_table->verticalHeader()->setDefaultSectionSize(h + 8);
    m_amGroupTable->verticalHeader()->setDefaultSectionSize(h + 6);
    m_alertTable->verticalHeader()->setDefaultSectionSize(h + 6);
}

QString TriageView::selectedKey() const {
    const QModelIndex cur = m_table->currentIndex();
    return cur.isValid() ? m_proxy->data(cur, IncidentModel::KeyRole).toString() : QString();
}

void TriageView::setFilterText(const QString &text) {
    m_filter->setText(text);
}

void TriageView::syncAlertModel() {
    if (!m_alertTableStale)
        return;
    m_alertModel->setSnapshot(m_model->snapshot());
    m_alertTableStale = false;
}

void TriageView::followSnapshot() {
    // The dense table and the filter follow the snapshot only when in use: a quiet GUI thread.
    m_amGroupModel->setSnapshot(m_model->snapshot());
    m_alertTableStale = true;
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    if (alertTableMode() || filtering)
        syncAlertModel();
    if (filtering)
        refreshIncidentFilter();
}

void TriageView::applyFilter() {
    syncAlertModel();
    QString error;
    if (!m_alertModel->setFilterText(m_filter->text(), &error)) {
        m_filterError = error;
        m_filter->setStyleSheet(QStringLiteral("QLineEdit { border: 1px solid #d03030; }"));
        m_filter->setToolTip(error);
        return;
    }
    m_filterError.clear();
    m_filter->setStyleSheet(QString());
    m_filter->setToolTip(QString());
    refreshIncidentFilter();
    if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
        selectFollowing(m_proxy->index(0, 0));
}

void TriageView::selectFollowing(const QModelIndex &index) {
    m_following = !m_chosen;
    m_table->setCurrentIndex(index);
    m_following = false;
}

void TriageView::refreshIncidentFilter() {
    // An incident stays when any of its alerts passes the filter (the alert model already knows).
    const auto snap = m_model->snapshot();
    const bool active = !m_filter->text().trimmed().isEmpty() && snap && snap->triage;
    if (active && m_alertModel->shownSnapshot() != snap)
        return; // the alert rows of this snapshot are still being filtered: rowsReady comes back here
    std::vector<char> allowed;
    if (active) {
        allowed.assign(snap->triage->incidents.size(), 0);
        for (int r = 0; r < m_alertModel->rowCount(); ++r) {
            const auto i = static_cast<std::size_t>(m_alertModel->alertIndex(r));
            if (i < snap->triage->incidentOf.size() && snap->triage->incidentOf[i] >= 0)
                allowed[static_cast<std::size_t>(snap->triage->incidentOf[i])] = 1;
        }
    }
    m_proxy->setAllowed(std::move(allowed), active);
}

void TriageView::setAlertTableMode(bool on) {
    if (on)
        syncAlertModel();
    m_stack->setCurrentIndex(on ? 1 : 0);
    if (m_modeButton->isChecked() != on)
        m_modeButton->setChecked(on);
    (on ? static_cast<QWidget *>(m_alertTable) : m_table)->setFocus();
}

bool TriageView::alertTableMode() const {
    return m_stack->currentIndex() == 1;
}

void TriageView::openAlertInIncident() {
    const auto snap = m_model->snapshot();
    const int i = m_alertModel->alertIndex(m_alertTable->currentIndex().row());
    if (!snap || !snap->triage || i < 0 || i >= static_cast<int>(snap->triage->incidentOf.size()))
        return;
    const int k = snap->triage->incidentOf[static_cast<std::size_t>(i)];
    if (k < 0)
        return;
    const std::string fp = snap->alerts[static_cast<std::size_t>(i)].fingerprint;
    const QModelIndex idx = m_proxy->mapFromSource(m_model->index(
        m_model->rowOfKey(QString::fromStdString(snap->triage->incidents[static_cast<std::size_t>(k)].key)),
        0));
    setAlertTableMode(false);
    if (idx.isValid())
        m_table->setCurrentIndex(idx);
    for (int g = 0; g < m_members->rowCount(); ++g) {
        const QModelIndex group = m_members->index(g, 0);
        for (int r = 0; r < m_members->rowCount(group); ++r)
            if (const Alert *a = m_members->alertAt(m_members->index(r, 0, group));
                a && a->fingerprint == fp) {
                m_tree->expand(group);
                m_tree->setCurrentIndex(m_members->index(r, 0, group));
                m_tree->setFocus();
                return;
            }
    }
}

bool TriageView::exportCsv(const QString &base, QString *error) {
    const auto snap = m_model->snapshot();
    if (!snap) {
        *error = tr("Nothing to export yet.");
        return false;
    }
    return writeTriageCsv(*snap, base, error);
}

bool TriageView::selectIncident(const QString &key) {
    if (alertTableMode())
        setAlertTableMode(false);
    const int row = m_model->rowOfKey(key);
    const QModelIndex idx = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    if (!idx.isValid())
        return false;
    m_table->setCurrentIndex(idx);
    m_table->scrollTo(idx);
    return true;
}

void TriageView::moveSelection(int delta) {
    const int rows = m_proxy->rowCount();
    if (rows == 0)
        return;
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + delta : 0;
    m_table->setCurrentIndex(m_proxy->index(std::clamp(row, 0, rows - 1), 0));
    m_table->setFocus();
}

void TriageView::onModelReset() {
    followSnapshot();
    // Reselect the incident the operator chose, by key; else (nothing chosen yet, or it has gone) the top
    // one, whichever that is now: a storm's cause may rank first only once every source has answered.
    int sourceRow = m_chosen && !m_selectedKey.isEmpty() ? m_model->rowOfKey(m_selectedKey) : -1;
    if (sourceRow < 0) {
        m_chosen = false;
        sourceRow = m_model->rowCount() > 0 ? 0 : -1;
    }
    if (sourceRow >= 0) {
        const QModelIndex idx = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        if (idx.isValid())
            selectFollowing(idx);
    }
    sizeIncidentColumns();
    updateHeadline();
    showIncident();
}

void TriageView::sizeIncidentColumns() {
    if (m_sized || m_model->rowCount() == 0)
        return;
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(IncidentModel::CauseColumn,
                            std::max(m_table->columnWidth(IncidentModel::CauseColumn), 200));
    m_sized = true;
}

void TriageView::onDataChanged() {
    followSnapshot();
    updateHeadline();
    // Same incidents: refresh the detail only if its members changed.
    const auto *t = m_model->triage();
    if (!t)
        return;
    for (const auto &inc : t->incidents)
        if (QString::fromStdString(inc.key) == m_selectedKey) {
            showIncident();
            break;
        }
}

void TriageView::setSelection(const QString &what, std::vector<std::string> hosts,
                              const HostIdentity &identity) {
    m_selectionWhat = hosts.empty() ? QString() : what;
    m_scrollToMarked = true;
    m_model->setMarkedHosts(std::move(hosts), identity); // marksChanged: at once or once counted
    updateHeadline();
}

void TriageView::onMarksChanged() {
    updateHeadline();
    // After a new selection: the first marked incident in view.
    if (!std::exchange(m_scrollToMarked, false) || m_model->markedCount() == 0)
        return;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(IncidentModel::MarkedRole).toBool()) {
            m_table->scrollTo(m_proxy->index(r, 0));
            break;
        }
}

void TriageView::updateHeadline() {
    const auto *t = m_model->triage();
    m_storm = t && t->storm;
    const QString head = m_model->headline();
    if (m_selectionNote) {
        m_selectionNote->setVisible(!m_selectionWhat.isEmpty());
        m_selectionNote->setText(
            tr("Selected in another view: %1 — %n incident(s) have alerts on its hosts (tinted)", nullptr,
               m_model->markedCount())
                .arg(m_selectionWhat.toHtmlEscaped()) +
            QStringLiteral(" · <a href=\"clear\">%1</a>").arg(tr("clear")));
    }
    if (m_storm) {
        m_headline->setText(tr("ALERT STORM — %1").arg(head));
        m_headline->setStyleSheet(QStringLiteral("QLabel { background: #7a1f1f; color: white; padding: 6px; "
                                                 "font-size: %1pt; font-weight: bold; }")
                                      .arg(font().pointSizeF() * 1.6, 0, 'f', 1));
        // Summary layout: the top incidents in words, above the list.
        QString html;
        for (std::size_t k = 0; t && k < t->incidents.size() && k < 3; ++k) {
            const Incident &inc = t->incidents[k];
            html += QStringLiteral("<p style='margin:2px'><b>%1. %2</b> — %3 (%4 %)</p>")
                        .arg(k + 1)
                        .arg(IncidentModel::causeTitle(inc).toHtmlEscaped(),
                             IncidentModel::reason(inc).toHtmlEscaped())
                        .arg(std::lround(inc.confidence * 100));
        }
        m_summary->setText(html);
        m_summary->setVisible(!html.isEmpty());
    } else {
        m_headline->setText(head);
        // The colour in so many words: a label with a style sheet does not follow its window's palette
        // (the wall's dark one), and read dark on dark there.
        m_headline->setStyleSheet(
            QStringLiteral("QLabel { font-size: %1pt; font-weight: bold; padding: 4px; color: %2; }")
                .arg(font().pointSizeF() * 1.3, 0, 'f', 1)
                .arg(palette().color(QPalette::WindowText).name()));
        m_summary->hide();
    }
    if (m_model->rowCount() == 0)
        showIncident(); // the empty state follows what watches, snapshot by snapshot
}

void TriageView::showIncident() {
    const int row = m_model->rowOfKey(m_selectedKey);
    const Incident *inc = m_model->incidentAt(row);
    const FleetSnapshotPtr snap = m_model->snapshot();
    if (!inc || !snap) {
        m_title->setText(m_model->rowCount() == 0 ? IncidentModel::noAlertsTitle(snap.get()) : QString());
        m_reason->clear();
        m_notes->clear();
        m_notes->hide();
        m_timeline->setIncident(nullptr);
        m_members->setIncident(snap, {});
        m_alertDetail->clear();
        return;
    }
    if (QString::fromStdString(inc->key) != m_lastShownIncident) {
        m_lastShownIncident = QString::fromStdString(inc->key);
        Q_EMIT incidentSelected(m_lastShownIncident);
    }
    m_title->setText(tr("<b>%1</b> · %2 · confidence %3 %")
                         .arg(IncidentModel::causeTitle(*inc).toHtmlEscaped(),
                              IncidentModel::severityName(analysis::urgencyOf(*inc)))
                         .arg(std::lround(inc->confidence * 100)));
    m_reason->setText(IncidentModel::reason(*inc));
    QString notes;
    if (const Acknowledgement *ack = snap->ack(inc->key))
        notes += tr("<b>Acknowledged</b> by %1 at %2; the silence runs to %3 and is extended while the "
                    "incident lasts.")
                     .arg(QString::fromStdString(ack->author).toHtmlEscaped(),
                          QDateTime::fromMSecsSinceEpoch(ack->since).toString(QStringLiteral("HH:mm")),
                          QDateTime::fromMSecsSinceEpoch(ack->endsAt).toString(QStringLiteral("HH:mm")));
    for (const auto &n : snap->notes)
        if (n.incident == inc->key)
            notes += QStringLiteral("<br>%1 <b>%2</b>: %3")
                         .arg(QDateTime::fromMSecsSinceEpoch(n.time).toString(QStringLiteral("MM-dd HH:mm")),
                              QString::fromStdString(n.author).toHtmlEscaped(),
                              QString::fromStdString(n.text).toHtmlEscaped());
    m_notes->setText(notes);
    m_notes->setVisible(!notes.isEmpty());
    m_timeline->setIncident(inc);
    // Rebuilding the members keeps what the operator opened and the alert they were on.
    const bool sameIncident = m_members->key() == inc->key;
    QStringList expanded;
    std::string currentFp;
    if (sameIncident) {
        for (int g = 0; g < m_members->rowCount(); ++g)
            if (m_tree->isExpanded(m_members->index(g, 0)))
                expanded << m_members->data(m_members->index(g, 0)).toString();
        if (const Alert *a = currentAlert())
            currentFp = a->fingerprint;
    }
    m_members->setIncident(snap, inc->key);
    if (!sameIncident && m_members->rowCount() > 0)
        expanded << m_members->data(m_members->index(0, 0)).toString();
    for (int g = 0; g < m_members->rowCount(); ++g) {
        const QModelIndex group = m_members->index(g, 0);
        if (!expanded.contains(m_members->data(group).toString()))
            continue;
        m_tree->expand(group);
        for (int r = 0; !currentFp.empty() && r < m_members->rowCount(group); ++r)
            if (const Alert *a = m_members->alertAt(m_members->index(r, 0, group));
                a && a->fingerprint == currentFp) {
                m_tree->setCurrentIndex(m_members->index(r, 0, group));
                currentFp.clear();
            }
    }
    if (!sameIncident) {
        m_tree->resizeColumnToContents(0);
        m_alertDetail->clear();
    }
}

const Alert *TriageView::currentAlert() const {
    return m_members->alertAt(m_tree->currentIndex());
}

void TriageView::showAlert() {
    const Alert *a = currentAlert();
    if (!a) {
        m_alertDetail->clear();
        return;
    }
    QString html = QStringLiteral("<b>%1</b> ").arg(esc(a->name()));
    QStringList labels;
    for (const auto &l : a->labels.labels())
        if (l.name != "alertname")
            labels << QStringLiteral("%1=<i>%2</i>").arg(esc(l.name), esc(l.value));
    html += labels.join(QStringLiteral(" "));
    for (const auto &an : a->annotations.labels()) {
        if (an.name == "runbook_url")
            html += QStringLiteral("<br>%1: <a href=\"%2\">%2</a>").arg(tr("Runbook"), esc(an.value));
        else
            html += QStringLiteral("<br>%1: %2").arg(esc(an.name), esc(an.value));
    }
    // The rule from /api/v1/rules, with its health; else the expression Prometheus puts in the
    // generator URL (g0.expr).
    const auto snap = m_model->snapshot();
    if (const AlertRule *rule = snap ? snap->rule(a->name()) : nullptr) {
        html += QStringLiteral("<br>%1: <code>%2</code>").arg(tr("Rule expression"), esc(rule->query));
        if (rule->health == "ok")
            html += QStringLiteral(" · ") + tr("rule healthy");
        else
            html += QStringLiteral(" · <span style='color:#c03030'>%1</span>")
                        .arg(tr("rule health %1: %2").arg(esc(rule->health), esc(rule->lastError)));
    } else {
        const QUrl gen(QString::fromStdString(a->generatorUrl));
        const QString expr = QUrlQuery(gen).queryItemValue(QStringLiteral("g0.expr"), QUrl::FullyDecoded);
        if (!expr.isEmpty())
            html +=
                QStringLiteral("<br>%1: <code>%2</code>").arg(tr("Rule expression"), expr.toHtmlEscaped());
    }
    if (!a->silencedBy.empty())
        html += QStringLiteral("<br>") + tr("Silenced by %1").arg(esc(a->silencedBy.front()));
    if (!a->inhibitedBy.empty())
        html += QStringLiteral("<br>") + tr("Inhibited by %1").arg(esc(a->inhibitedBy.front()));
    QStringList seen;
    for (const auto &s : a->seenBy)
        seen << toQString(s);
    html += QStringLiteral("<br>") + tr("Seen by: %1").arg(seen.join(QStringLiteral(", ")).toHtmlEscaped());
    m_alertDetail->setText(html);
}

std::vector<SilenceMatcher> TriageView::silenceMatchers() const {
    const auto snap = m_model->snapshot();
    if (!snap || !snap->triage)
        return {};
    if (const Alert *a = currentAlert())
        return analysis::alertSilence(*a, *snap->triage);
    const Incident *inc = m_model->incidentAt(m_model->rowOfKey(m_selectedKey));
    if (!inc)
        return {};
    return analysis::incidentSilence(*inc, *snap->triage, snap->alerts).matchers;
}

void TriageView::openSilenceDialog() {
    const auto snap = m_model->snapshot();
    const Incident *inc = m_model->incidentAt(m_model->rowOfKey(m_selectedKey));
    if (!snap || !inc)
        return;
    const QString source = sourceOf(*snap, *inc);
    SilenceDialog dialog(snap, silenceMatchers(), tr("Vigil triage: %1").arg(IncidentModel::causeTitle(*inc)),
                         this);
    // A silenced alert selected: edit the silence that holds it.
    if (const Alert *a = currentAlert(); a && !a->silencedBy.empty())
        for (const auto &s : snap->silences)
            if (s.id == a->silencedBy.front())
                dialog.editSilence(s);
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT silenceRequested(source, dialog.silence());
}

void TriageView::addNote(const QString &text) {
    if (!m_selectedKey.isEmpty() && !text.trimmed().isEmpty())
        Q_EMIT noteRequested(m_selectedKey, text.trimmed());
}

void TriageView::showShortcuts() {
    m_keys->setText(
        m_keys->text().startsWith(QLatin1String("<table"))
            ? tr("j/k move · Enter members · / filter · t all alerts · s silence · a acknowledge · n note · "
                 "e expire · ? keys")
            : tr("<table><tr><td><b>j</b> / <b>k</b></td><td>next / previous incident</td></tr>"
                 "<tr><td><b>Enter</b></td><td>open the members of the incident</td></tr>"
                 "<tr><td><b>Esc</b></td><td>back to the incident list</td></tr>"
                 "<tr><td><b>/</b></td><td>filter: label matchers, @state=, @age&gt;10m, text</td></tr>"
                 "<tr><td><b>t</b></td><td>all alerts as one table (Enter opens its incident)</td></tr>"
                 "<tr><td><b>s</b></td><td>silence the selected alert or incident (edit the silence of a "
                 "silenced alert)</td></tr>"
                 "<tr><td><b>e</b></td><td>expire the silences holding the selection</td></tr>"
                 "<tr><td><b>a</b></td><td>acknowledge the incident (or take it back)</td></tr>"
                 "<tr><td><b>n</b></td><td>add a note to the incident</td></tr>"
                 "<tr><td><b>?</b></td><td>show or hide this list</td></tr></table>"));
}

} // namespace vigil
