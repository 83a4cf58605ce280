#pragma once
// File > Export snapshot, and "Export snapshot of this incident" in triage: the window (UTC), where to
// write, then the export on a worker with a progress bar and Cancel. A cancelled or failed export leaves
// no file behind; the reason is said in the dialog.
#include "support/jobrunner.h"
#include "support/timeutil.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QCheckBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace vigil {

class FleetService;

class SnapshotExportDialog final : public QDialog {
    Q_OBJECT
public:
    SnapshotExportDialog(FleetService *service, TimeMs from, TimeMs to, QString incident, QString title,
                         QWidget *parent = nullptr);
    ~SnapshotExportDialog() override;

    void setOutPath(const QString &path);
    // Starts the export as if Export was pressed (tests).
    void start();
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] QString message() const;

Q_SIGNALS:
    void finished(bool ok, const QString &path);

private:
    void done(bool ok, bool cancelled, const QString &text, const QString &path);

    FleetService *m_service;
    QString m_incident, m_title;
    QDateTimeEdit *m_from, *m_to;
    QLineEdit *m_path;
    QCheckBox *m_redactHosts, *m_redactLabels, *m_dropAnnotations;
    QLineEdit *m_labels;
    QProgressBar *m_progress;
    QLabel *m_message;
    QPushButton *m_export;
    QPushButton *m_cancel;
    QTimer *m_poll;
    std::shared_ptr<std::atomic<int>> m_permille = std::make_shared<std::atomic<int>>(0);
    CancelToken m_token;
    bool m_running = false;
    JobRunner m_jobs;
};

} // namespace vigil
