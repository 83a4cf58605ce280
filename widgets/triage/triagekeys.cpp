// Triage's keys, each a QAction of the view (so the main window lists them in the view's menu with
// their shortcuts) that fires while the focus is anywhere in the view, as the keys line says.
#include "triage/triageview.h"

#include "item/incidentalertsmodel.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTreeView>

namespace vigil {

void TriageView::setUpKeys() {
    auto key = [this](const QString &text, const QKeySequence &seq, auto fn) {
        auto *a = new QAction(text, this);
        a->setShortcut(seq);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, fn);
        addAction(a);
    };
    key(tr("Next incident"), QKeySequence(Qt::Key_J), [this] { moveSelection(1); });
    key(tr("Previous incident"), QKeySequence(Qt::Key_K), [this] { moveSelection(-1); });
    key(tr("Open the incident's members"), QKeySequence(Qt::Key_Return), [this] {
        if (alertTableMode()) {
            openAlertInIncident();
            return;
        }
        if (m_members->rowCount() > 0) {
            m_tree->setFocus();
            m_tree->expand(m_members->index(0, 0));
            m_tree->setCurrentIndex(m_members->index(0, 0, m_members->index(0, 0)));
        }
    });
    // Back to the incident list: actions (s, e) apply to the whole incident again.
    key(tr("Back to the incident list"), QKeySequence(Qt::Key_Escape), [this] {
        hideAcknowledgeQuestion();
        m_tree->setCurrentIndex({});
        m_alertDetail->clear();
        m_table->setFocus();
    });
    key(tr("Filter…"), QKeySequence(Qt::Key_Slash), [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    key(tr("All alerts as one table"), QKeySequence(Qt::Key_T),
        [this] { setAlertTableMode(!alertTableMode()); });
    key(tr("Silence…"), QKeySequence(Qt::Key_S), [this] { openSilenceDialog(); });
    key(tr("Expire the selection's silences"), QKeySequence(Qt::Key_E), [this] { expireSelected(); });
    key(tr("Acknowledge the incident"), QKeySequence(Qt::Key_A), [this] { toggleAcknowledge(); });
    key(tr("Note on the incident…"), QKeySequence(Qt::Key_N), [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("Note on the incident"), tr("Note (kept in Vigil's cache):"), QString(), &ok);
        if (ok)
            addNote(text);
    });
    key(tr("Keys"), QKeySequence(Qt::Key_Question), [this] { showShortcuts(); });
}

} // namespace vigil
