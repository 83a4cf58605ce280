#pragma once
// The "triage" view: a storm collapsed into ranked incidents, each with its probable root cause and the
// reason, its members as a tree (cause, then affected alerts by name), a timeline, and the selected
// alert's labels, annotations, runbook and rule expression. Keyboard first: j/k move, Enter opens the
// members, / filters, s silences, e expires the silences holding the selection, ? lists the keys.
// During a storm (alert rate over the threshold) it switches to a summary layout.
#include "fleet/fleetsnapshot.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QComboBox;
class QHBoxLayout;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTableView;
class QTreeView;

namespace vigil {

class AlertTableModel;
class AmGroupModel;
class AlertTimeline;
class IncidentAlertsModel;
class IncidentFilterProxy;
class IncidentModel;

class TriageView final : public QWidget {
    Q_OBJECT
public:
    // Reads the saved filters again (after the settings changed them).
    void reloadSavedFilters();
    explicit TriageView(IncidentModel *model, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    [[nodiscard]] QString filterError() const { return m_filterError; }
    // Hosts selected in another view (a map node, a drift cluster): the incidents with alerts on them
    // are tinted and counted in the headline. An empty list clears it.
    void setSelection(const QString &what, std::vector<std::string> hosts, const HostIdentity &identity);
    // The dense table of every alert (t), or the incidents (t again / Enter on an alert).
    void setAlertTableMode(bool on);
    [[nodiscard]] bool alertTableMode() const;
    [[nodiscard]] QTableView *alertTable() const { return m_alertTable; }
    [[nodiscard]] AlertTableModel *alertModel() const { return m_alertModel; }
    [[nodiscard]] QTableView *amGroups() const { return m_amGroupTable; }
    // Writes BASE-incidents.csv and BASE-alerts.csv; false and *error on failure.
    bool exportCsv(const QString &base, QString *error);
    [[nodiscard]] QTableView *incidents() const { return m_table; }
    [[nodiscard]] QTreeView *members() const { return m_tree; }
    [[nodiscard]] QString selectedKey() const;
    [[nodiscard]] bool stormLayout() const { return m_storm; }
    [[nodiscard]] QLabel *headline() const { return m_headline; }
    [[nodiscard]] QLabel *selectionNote() const { return m_selectionNote; }
    [[nodiscard]] AlertTimeline *timeline() const { return m_timeline; }
    // The matchers `s` prefills: the selected alert's identity, or the incident's cause.
    [[nodiscard]] std::vector<SilenceMatcher> silenceMatchers() const;

    // Shows the incident with this key (the wall display's interruption); false when the list (as
    // filtered) has none.
    bool selectIncident(const QString &key);
    void moveSelection(int delta);
    void openAlertInIncident();
    void openSilenceDialog();
    void expireSelected();
    void showShortcuts();
    // `a`: shows what acknowledging will silence (matchers, alerts matched now, how long) and asks;
    // `a` again (or the bar's button) confirms. "Don't ask again" holds for the session.
    void toggleAcknowledge();
    void confirmAcknowledge();
    // Shown in the question: each silence's length, and how long extensions may run.
    void setAcknowledgePolicy(std::int64_t durationMs, std::int64_t maxMs, bool ask);
    [[nodiscard]] QLabel *acknowledgeQuestion() const { return m_ackQuestion; }
    void addNote(const QString &text);
    // Saved filters (user settings): save one, apply one by name.
    void saveFilter(const struct SavedFilter &filter);
    bool applySavedFilter(const QString &name);

Q_SIGNALS:
    // Carried out by the owner (FleetService); the source is the Alertmanager source's name.
    void silenceRequested(const QString &source, const vigil::Silence &silence);
    void expireRequested(const QString &source, const QString &silenceId);
    void acknowledgeRequested(const QString &incident, const QString &source,
                              const std::vector<vigil::SilenceMatcher> &matchers);
    void unacknowledgeRequested(const QString &incident);
    void noteRequested(const QString &incident, const QString &text);
    void savedFiltersChanged();
    // The incident on screen changed (its key), for the topology maps' overlay.
    void incidentSelected(const QString &key);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The widgets, built and wired (triagelayout.cpp).
    void setUpFilter();
    void setUpIncidentTable();
    [[nodiscard]] QWidget *buildDetail();
    [[nodiscard]] QWidget *buildIncidentList();
    void setUpAlertTable(QWidget *incidents);
    [[nodiscard]] QHBoxLayout *buildTopBar();
    [[nodiscard]] QLabel *buildSelectionNote();
    [[nodiscard]] QWidget *buildAcknowledgeBar();
    void followModel();
    void setUpKeys(); // triagekeys.cpp
    void sizeRows();
    // The incidents' columns as wide as their contents, once there are incidents (and again in a new type).
    void sizeIncidentColumns();
    void onModelReset();
    // Selects a row for the operator: the selection stays "not chosen" unless it was (m_chosen).
    void selectFollowing(const QModelIndex &index);
    void onDataChanged();
    void showIncident();
    void showAlert();
    void updateHeadline();
    void applyFilter();
    const Alert *currentAlert() const;

    void refreshIncidentFilter();
    void onMarksChanged();
    bool m_scrollToMarked = false; // a new selection: scroll to its first incident once marked
    void syncAlertModel();         // give the dense table the current snapshot if it lags
    void followSnapshot();         // what every new snapshot updates besides the incident list

    IncidentModel *m_model;
    IncidentFilterProxy *m_proxy;
    AlertTableModel *m_alertModel;
    AmGroupModel *m_amGroupModel;
    QTableView *m_amGroupTable;
    QStackedWidget *m_stack;
    QTableView *m_alertTable;
    QToolButton *m_modeButton;
    QComboBox *m_saved;
    QString m_filterError;
    bool m_alertTableStale = true;
    IncidentAlertsModel *m_members;
    QLabel *m_headline;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_title;
    QLabel *m_reason;
    AlertTimeline *m_timeline;
    QTreeView *m_tree;
    QLabel *m_alertDetail;
    QLabel *m_notes;
    QLabel *m_keys;
    QString m_selectedKey;
    // The operator chose the selected incident (a click, j/k, one opened from another view). Until then,
    // and once it has gone, the selection follows the top incident as polls re-rank them.
    bool m_chosen = false;
    bool m_following = false; // the view is selecting the top incident itself
    bool m_storm = false;
    bool m_sized = false;
    QString m_lastShownIncident;
    QString m_selectionWhat;
    QLabel *m_selectionNote = nullptr;
    QWidget *m_ackBar = nullptr;
    QLabel *m_ackQuestion = nullptr;
    QCheckBox *m_ackSkip = nullptr;
    QString m_pendingAck; // the incident the question is about
    std::vector<SilenceMatcher> m_pendingMatchers;
    std::int64_t m_ackDurationMs = 30 * 60'000;
    std::int64_t m_ackMaxMs = 12 * 3600'000;
    bool m_ackAsk = true;
    void hideAcknowledgeQuestion();
};

} // namespace vigil
