#include "snapshotexportdialog.h"

#include "service/fleetservice.h"
#include "service/historyloader.h"
#include "snapshot/snapshotexport.h"
#include "store/store.h"
#include "triage/silencedialog.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {

namespace {
QDateTimeEdit *timeEdit(TimeMs t) {
    auto *e = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
    e->setTimeSpec(Qt::UTC);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    e->setCalendarPopup(true);
    return e;
}
} // namespace

SnapshotExportDialog::SnapshotExportDialog(FleetService *service, TimeMs from, TimeMs to, QString incident,
                                           QString title, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_incident(std::move(incident))
    , m_title(std::move(title))
    , m_from(timeEdit(from))
    , m_to(timeEdit(to))
    , m_path(new QLineEdit)
    , m_redactHosts(new QCheckBox(tr("Hash host names")))
    , m_redactLabels(new QCheckBox(tr("Hash the values of labels matching")))
    , m_dropAnnotations(new QCheckBox(tr("Leave annotations out")))
    , m_labels(new QLineEdit(QStringLiteral("rack|zone|pod|namespace|ip")))
    , m_progress(new QProgressBar)
    , m_message(new QLabel)
    , m_export(new QPushButton(tr("Export")))
    , m_cancel(new QPushButton(tr("Close")))
    , m_poll(new QTimer(this)) {
    setWindowTitle(m_incident.isEmpty() ? tr("Export snapshot") : tr("Export snapshot of %1").arg(m_title));
    const QString name = m_title.isEmpty() ? QStringLiteral("vigil") : m_title;
    QString fileName = name;
    fileName.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    m_path->setText(QDir::home().filePath(
        QStringLiteral("%1-%2.vigil")
            .arg(fileName,
                 QDateTime::fromMSecsSinceEpoch(to, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmm")))));
    auto *browse = new QToolButton;
    browse->setText(tr("…"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString p = QFileDialog::getSaveFileName(this, tr("Export snapshot to"), m_path->text(),
                                                       tr("Vigil snapshots (*.vigil)"));
        if (!p.isEmpty())
            setOutPath(p);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("File"), pathRow);
    // For a file that leaves the team: the same value becomes the same hash everywhere in it.
    auto *labelsRow = new QHBoxLayout;
    labelsRow->addWidget(m_redactLabels);
    labelsRow->addWidget(m_labels, 1);
    m_labels->setEnabled(false);
    connect(m_redactLabels, &QCheckBox::toggled, m_labels, &QWidget::setEnabled);
    form->addRow(tr("Redact"), m_redactHosts);
    form->addRow(QString(), labelsRow);
    form->addRow(QString(), m_dropAnnotations);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_message->setWordWrap(true);
    m_message->setText(tr("Hosts, every metric minute, alert changes, silences, notes and source health of "
                          "the window; minutes the cache lacks come from Prometheus. No credentials."));
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(m_export, &QPushButton::clicked, this, &SnapshotExportDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running)
            m_token.cancel();
        else
            reject();
    });
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] { m_progress->setValue(m_permille->load()); });
    resize(560, sizeHint().height());
}

SnapshotExportDialog::~SnapshotExportDialog() {
    m_token.cancel();
    m_jobs.cancelAll();
    m_jobs.waitForWork(30'000);
}

void SnapshotExportDialog::setOutPath(const QString &path) {
    m_path->setText(path.endsWith(QStringLiteral(".vigil")) ? path : path + QStringLiteral(".vigil"));
}

QString SnapshotExportDialog::message() const {
    return m_message->text();
}

void SnapshotExportDialog::start() {
    if (m_running)
        return;
    const auto store = m_service->store();
    if (!store) {
        done(false, false, tr("The cache is not open, and a snapshot is written from it."), {});
        return;
    }
    snapshot::ExportRequest req;
    req.cachePath = store->path();
    req.outPath = m_path->text().toStdString();
    req.from = m_from->dateTime().toMSecsSinceEpoch();
    req.to = m_to->dateTime().toMSecsSinceEpoch();
    req.incident = m_incident.toStdString();
    req.title = m_title.toStdString();
    req.createdBy = SilenceDialog::defaultAuthor().toStdString();
    req.vigilVersion = QCoreApplication::applicationVersion().toStdString();
    req.redaction.hostNames = m_redactHosts->isChecked();
    if (m_redactLabels->isChecked())
        req.redaction.labelNames = m_labels->text().trimmed().toStdString();
    req.redaction.dropAnnotations = m_dropAnnotations->isChecked();
    if (const std::string bad = req.redaction.check(); !bad.empty()) {
        done(false, false, tr("The redaction's pattern %1").arg(QString::fromStdString(bad)), {});
        return;
    }
    if (req.to <= req.from) {
        done(false, false, tr("The window is empty: To must come after From."), {});
        return;
    }
    m_running = true;
    m_token = CancelToken();
    m_permille->store(0);
    m_progress->setValue(0);
    m_export->setEnabled(false);
    m_cancel->setText(tr("Cancel"));
    m_message->setText(tr("Exporting…"));
    m_poll->start();
    const auto current = m_service->current();
    const Config config = m_service->config();
    auto client = m_service->client();
    const CancelToken token = m_token;
    req.fill = [config, current, client, token](const std::string &key, TimeMs f,
                                                TimeMs t) -> std::optional<analysis::MetricGrid> {
        HistoryJob job =
            historyJob(config, current.get(), key, f, t + 60'000, int((t + 60'000 - f) / 60'000));
        job.sources = config.sources;
        job.client = client;
        job.cancel = token;
        return loadHistory(job);
    };
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("export"), "exporting a snapshot", this,
        [req = std::move(req), config, current, store, permille = m_permille, token](const CancelToken &) {
            store->flush(); // what the last poll brought, in the file
            return snapshot::exportSnapshot(config, current.get(), req, [&](double f) {
                permille->store(static_cast<int>(f * 1000));
                return !token.cancelled();
            });
        },
        [this, path = m_path->text()](const snapshot::ExportResult &r) {
            if (r.ok)
                done(true, false,
                     tr("Wrote %1: %2 hosts, %3 alerts, %4 MB%5.")
                         .arg(path)
                         .arg(r.hosts)
                         .arg(r.alerts)
                         .arg(static_cast<double>(r.bytes) / 1e6, 0, 'f', 1)
                         .arg(r.missingRows > 0
                                  ? tr("; %1 metric minutes had no values anywhere").arg(r.missingRows)
                                  : QString()),
                     path);
            else
                done(false, r.cancelled,
                     r.cancelled ? tr("Cancelled: no file was written.")
                                 : tr("The export failed: %1").arg(QString::fromStdString(r.error)),
                     path);
        });
}

void SnapshotExportDialog::done(bool ok, bool cancelled, const QString &text, const QString &path) {
    m_running = false;
    m_poll->stop();
    m_progress->setValue(ok ? 1000 : 0);
    m_export->setEnabled(true);
    m_cancel->setText(tr("Close"));
    m_message->setText(text);
    if (!cancelled)
        Q_EMIT finished(ok, path);
}

} // namespace vigil
