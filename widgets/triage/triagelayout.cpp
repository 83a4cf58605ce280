// TriageView's widgets, built and wired: the filter box, the ranked incidents beside Alertmanager's own
// groups, an incident's detail (reason, notes, timeline, member alerts, the alert), the dense table of
// every alert, the top bar, the acknowledgement question. What they do is in triageview.cpp.
#include "triage/triageview.h"

#include "common/viewcontrols.h"
#include "item/alerttablemodel.h"
#include "item/amgroupmodel.h"
#include "item/incidentalertsmodel.h"
#include "item/incidentmodel.h"
#include "triage/alerttimeline.h"
#include "triage/incidentfilterproxy.h"
#include "triage/incidentnotifier.h"

#include <QCheckBox>
#include <QComboBox>
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
#include <QVBoxLayout>

namespace vigil {

void TriageView::setUpFilter() {
    m_headline->setObjectName(QStringLiteral("triageHeadline"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->hide();
    m_filter->setPlaceholderText(
        tr("Filter (/): rack=\"eu1-a-r07\" alertname=~\"Host.*\" @state=active @age>10m text"));
    m_filter->setClearButtonEnabled(true);
    // Filtering 100,000 alerts takes ~20 ms: typed text is applied once typing pauses.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(debounce, &QTimer::timeout, this, &TriageView::applyFilter);
    connect(m_filter, &QLineEdit::textEdited, debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::textChanged, this, [this, debounce] {
        if (!debounce->isActive()) // set from code (saved filter, tests): at once
            applyFilter();
    });
}

void TriageView::setUpIncidentTable() {
    m_table->setModel(m_proxy);
    controls::readOnlyRows(m_table);
    m_table->setSortingEnabled(false); // ranked by the correlator; headers still sort on click
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int section) {
        m_table->setSortingEnabled(true);
        m_table->sortByColumn(section, m_table->horizontalHeader()->sortIndicatorOrder());
    });
    m_table->setAlternatingRowColors(true);
    // Its columns are fitted to the first incidents (sizeIncidentColumns): the top 200 and those on
    // screen, as the host table's. A storm's thousands measured cell by cell held the first show 50 ms.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
}

QWidget *TriageView::buildDetail() {
    m_title->setTextFormat(Qt::RichText);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setModel(m_members);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alertDetail->setWordWrap(true);
    m_alertDetail->setTextFormat(Qt::RichText);
    m_alertDetail->setOpenExternalLinks(true);
    m_alertDetail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_alertDetail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_alertDetail->setMinimumHeight(40);

    auto *detail = new QWidget;
    auto *dl = new QVBoxLayout(detail);
    dl->setContentsMargins(6, 0, 0, 0);
    dl->addWidget(m_title);
    dl->addWidget(m_reason);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::RichText);
    dl->addWidget(m_notes);
    dl->addWidget(m_timeline);
    dl->addWidget(m_tree, 1);
    dl->addWidget(m_alertDetail);
    return detail;
}

// Alertmanager's groups as routed, beside Vigil's regrouping: clicking one opens the incident that
// holds most of its alerts.
QWidget *TriageView::buildIncidentList() {
    m_amGroupTable->setModel(m_amGroupModel);
    controls::readOnlyRows(m_amGroupTable);
    connect(m_amGroupModel, &QAbstractItemModel::modelReset, this, [this] { // a reset resets the widths
        controls::sizeColumnsInChars(m_amGroupTable->horizontalHeader(), 10,
                                     {{AmGroupModel::GroupColumn, 30}});
    });
    connect(m_amGroupTable, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const QString key = m_amGroupModel->data(index, AmGroupModel::TopIncidentKeyRole).toString();
        const QModelIndex idx = m_proxy->mapFromSource(m_model->index(m_model->rowOfKey(key), 0));
        if (idx.isValid())
            m_table->setCurrentIndex(idx);
    });
    auto *amBox = new QWidget;
    auto *amLayout = new QVBoxLayout(amBox);
    amLayout->setContentsMargins(0, 4, 0, 0);
    amLayout->addWidget(new QLabel(tr("<b>Alertmanager's groups</b>, as its route tree formed them")));
    amLayout->addWidget(m_amGroupTable);
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_table);
    left->addWidget(amBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    return left;
}

// Dense mode: every alert in one virtualised table, sorted in the model.
void TriageView::setUpAlertTable(QWidget *incidents) {
    m_alertTable->setModel(m_alertModel);
    connect(m_alertModel, &AlertTableModel::rowsReady, this, [this] {
        if (!m_filter->text().trimmed().isEmpty())
            refreshIncidentFilter();
    });
    controls::readOnlyRows(m_alertTable);
    m_alertTable->setSortingEnabled(true);
    m_alertTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_alertTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    connect(m_alertTable, &QTableView::activated, this, [this] { openAlertInIncident(); });
    m_stack->addWidget(incidents);
    m_stack->addWidget(m_alertTable);
}

QHBoxLayout *TriageView::buildTopBar() {
    m_modeButton->setText(tr("All alerts (t)"));
    m_modeButton->setCheckable(true);
    connect(m_modeButton, &QToolButton::toggled, this, &TriageView::setAlertTableMode);
    auto *exportButton = new QToolButton;
    exportButton->setText(tr("Export CSV…"));
    connect(exportButton, &QToolButton::clicked, this, [this] {
        const QString base = QFileDialog::getSaveFileName(
            this, tr("Export triage as CSV"), QStringLiteral("vigil-triage"), tr("CSV base name (*)"));
        if (base.isEmpty())
            return;
        QString error;
        if (!exportCsv(base, &error))
            QMessageBox::warning(this, tr("Export failed"), error);
    });
    m_keys->setText(tr("j/k move · Enter members · / filter · t all alerts · s silence · a acknowledge · n "
                       "note · e expire · ? keys"));
    m_keys->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_keys->setObjectName(QStringLiteral("keysHint")); // the wall display hides it: nobody types there
    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_filter, 1);
    auto *saveButton = new QToolButton;
    saveButton->setText(tr("Save filter…"));
    connect(saveButton, &QToolButton::clicked, this, [this] {
        if (m_filter->text().trimmed().isEmpty() || !m_filterError.isEmpty())
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save filter"), tr("Name:"), QLineEdit::Normal,
                                                   m_filter->text().trimmed(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        const auto answer = QMessageBox::question(
            this, tr("Notify"),
            tr("Show a desktop notification when a new incident matches \"%1\"?").arg(name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        saveFilter({name.trimmed(), m_filter->text().trimmed(), answer == QMessageBox::Yes, false});
    });
    m_saved->setMinimumContentsLength(14);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applySavedFilter(m_saved->itemText(index));
    });
    reloadSavedFilters();
    top->addWidget(m_saved);
    top->addWidget(saveButton);
    top->addWidget(m_modeButton);
    top->addWidget(exportButton);
    return top;
}

QLabel *TriageView::buildSelectionNote() {
    m_selectionNote = new QLabel;
    m_selectionNote->setTextFormat(Qt::RichText);
    connect(m_selectionNote, &QLabel::linkActivated, this,
            [this] { setSelection({}, {}, HostIdentity{}); }); // "clear"
    m_selectionNote->setStyleSheet(QStringLiteral("QLabel { background: #ffe4a8; padding: 3px; }"));
    m_selectionNote->hide();
    return m_selectionNote;
}

QWidget *TriageView::buildAcknowledgeBar() {
    m_ackBar = new QWidget;
    {
        auto *bar = new QHBoxLayout(m_ackBar);
        bar->setContentsMargins(4, 2, 4, 2);
        m_ackQuestion = new QLabel;
        m_ackQuestion->setWordWrap(true);
        m_ackQuestion->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_ackSkip = new QCheckBox(tr("Don't ask again this session"));
        auto *yes = new QPushButton(tr("Acknowledge"));
        auto *no = new QPushButton(tr("Cancel"));
        connect(yes, &QPushButton::clicked, this, &TriageView::confirmAcknowledge);
        connect(no, &QPushButton::clicked, this, &TriageView::hideAcknowledgeQuestion);
        bar->addWidget(m_ackQuestion, 1);
        bar->addWidget(m_ackSkip);
        bar->addWidget(yes);
        bar->addWidget(no);
    }
    m_ackBar->setStyleSheet(QStringLiteral("QWidget { background: #dbe9ff; }"));
    m_ackBar->hide();
    return m_ackBar;
}

void TriageView::followModel() {
    connect(m_model, &QAbstractItemModel::modelReset, this, &TriageView::onModelReset);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TriageView::onDataChanged);
    connect(m_model, &IncidentModel::updated, this, &TriageView::updateHeadline);
    connect(m_model, &IncidentModel::marksChanged, this, &TriageView::onMarksChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_selectedKey = selectedKey();
                m_chosen = m_chosen || (current.isValid() && !m_following);
                if (!m_pendingAck.isEmpty() && m_pendingAck != m_selectedKey)
                    hideAcknowledgeQuestion(); // the question was about another incident
                showIncident();
            });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &TriageView::showAlert);
}

} // namespace vigil
