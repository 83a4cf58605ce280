#include "snapshotreview.h"

#include "common/timelinescrubber.h"
#include "item/postmortem.h"
#include "mainwindow.h"
#include "service/snapshotsource.h"
#include "snapshot/snapshotfile.h"
#include "snapshotwriteup.h"
#include "triage/triageview.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QMenu>
#include <QStatusBar>

namespace vigil {

namespace {

QString utc(TimeMs t, const QString &format = QStringLiteral("yyyy-MM-dd HH:mm")) {
    return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(format);
}

std::vector<TimelineScrubber::Event> scrubberEvents(const snapshot::SnapshotFile &file) {
    using K = snapshot::SnapshotEvent::Kind;
    std::vector<TimelineScrubber::Event> out;
    for (const auto &e : file.events()) {
        const QString what = QString::fromStdString(e.what);
        switch (e.kind) {
        case K::AlertFired:
            out.push_back({e.time, SnapshotReview::tr("%n alert(s) fired: %1", nullptr, e.count).arg(what),
                           QColor(208, 48, 48)});
            break;
        case K::AlertResolved:
            out.push_back({e.time, SnapshotReview::tr("%n alert(s) resolved: %1", nullptr, e.count).arg(what),
                           QColor(46, 139, 87)});
            break;
        case K::SourceFailed:
            out.push_back({e.time, SnapshotReview::tr("source %1 failing").arg(what), QColor(230, 140, 0)});
            break;
        case K::SourceRecovered:
            out.push_back(
                {e.time, SnapshotReview::tr("source %1 answering again").arg(what), QColor(46, 139, 87)});
            break;
        case K::SilenceCreated:
            out.push_back(
                {e.time, SnapshotReview::tr("silence created: %1").arg(what), QColor(60, 110, 200)});
            break;
        case K::Note:
            out.push_back({e.time, SnapshotReview::tr("note: %1").arg(what), QColor(120, 80, 180)});
            break;
        }
    }
    return out;
}

} // namespace

SnapshotReview::SnapshotReview(std::shared_ptr<const snapshot::SnapshotFile> file, TimeMs cursor,
                               QObject *parent)
    : QObject(parent)
    , m_file(file)
    , m_source(std::make_unique<SnapshotSource>(file, cursor))
    , m_window(std::make_unique<MainWindow>(m_source.get(), nullptr))
    , m_scrubber(new TimelineScrubber) {
    const auto &info = file->info();
    const QString title = info.title.empty() ? tr("incident snapshot") : QString::fromStdString(info.title);
    m_window->setWindowTitle(tr("Vigil — snapshot: %1 (%2 to %3 UTC)")
                                 .arg(title, utc(info.from), utc(info.to, QStringLiteral("HH:mm"))));
    m_scrubber->setDescription(
        tr("Incident snapshot of %1 to %2 UTC%3, exported by %4 on %5 (Vigil %6). Read-only: nothing is "
           "polled, and silences and notes cannot be changed. Redacted: %7.")
            .arg(utc(info.from), utc(info.to, QStringLiteral("HH:mm")),
                 info.title.empty() ? QString() : tr(" (%1)").arg(title),
                 QString::fromStdString(info.createdBy), utc(info.createdAt),
                 QString::fromStdString(info.vigilVersion), QString::fromStdString(info.redacted)));
    m_scrubber->setWindow(info.from, info.to, scrubberEvents(*file), file->activeAlertsPerMinute());
    m_scrubber->setCursor(m_source->cursor());
    m_window->setBottomBar(m_scrubber);
    connect(m_scrubber, &TimelineScrubber::cursorRequested, m_source.get(), &SnapshotSource::setCursor);
    connect(m_source.get(), &FleetSource::snapshotReady, m_scrubber, [this](const FleetSnapshotPtr &snap) {
        if (snap)
            m_scrubber->setCursor(snap->asOf);
    });
    m_scrubber->setFocus();
    auto *draft = new QAction(tr("&Write up the incident…"), m_window.get());
    m_window->fileMenu()->insertAction(m_window->fileMenu()->actions().value(1), draft);
    connect(draft, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(m_window.get(), tr("Write the postmortem draft to"), QString(),
                                         tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"));
        if (!path.isEmpty())
            writeUp(path);
    });
}

void SnapshotReview::writeUp(const QString &path) {
    const QString key = m_window->triageView()->selectedKey();
    m_window->statusBar()->showMessage(tr("Drafting the postmortem…"));
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("writeup"), "drafting a postmortem", this,
        [file = m_file, key](const CancelToken &) {
            QString error;
            auto pm = draftPostmortem(file, key, &error);
            return std::make_pair(std::move(pm), error);
        },
        [this, path](std::pair<std::optional<Postmortem>, QString> result) {
            QString error = result.second;
            const bool ok = result.first && writePostmortem(m_file, *result.first, path, &error);
            const QString message = ok ? tr("Wrote the postmortem draft to %1.").arg(path)
                                       : tr("No postmortem draft: %1").arg(error);
            m_window->statusBar()->showMessage(message, 30000);
            Q_EMIT writtenUp(ok, message);
        });
}

SnapshotReview::~SnapshotReview() {
    m_window.reset(); // the views let go of the source first
}

std::optional<TimeMs> SnapshotReview::parseAt(const QString &text, TimeMs from, TimeMs to, QString *error) {
    std::optional<TimeMs> t;
    if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))) {
        if (const auto d = parseDurationMs(text.mid(1).toStdString()))
            t = text.startsWith(QLatin1Char('+')) ? from + *d : to - *d;
    } else if (const QDateTime dt = QDateTime::fromString(text, Qt::ISODate); dt.isValid()) {
        t = dt.toMSecsSinceEpoch();
    }
    if (!t) {
        if (error)
            *error = tr("--at: expected an RFC 3339 time, +DURATION or -DURATION");
        return std::nullopt;
    }
    if (*t < from || *t > to) {
        if (error)
            *error = tr("--at: %1 is outside the snapshot's window (%2 to %3 UTC)")
                         .arg(text, utc(from), utc(to, QStringLiteral("HH:mm")));
        return std::nullopt;
    }
    return t;
}

} // namespace vigil
