#include "snapshotreview.h"

#include "analysis/correlation.h"
#include "common/timelinescrubber.h"
#include "item/incidentmodel.h"
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
#include <algorithm>
#include <map>

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
    findIncidentEvents();
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

void SnapshotReview::findIncidentEvents() {
    // Triage over the window, at most 240 moments: where an incident starts, escalates or ends.
    const auto &info = m_file->info();
    const TimeMs step = std::max<TimeMs>(60'000, (info.to - info.from) / 240 / 60'000 * 60'000);
    m_jobs.run(
        JobRunner::Pool::Bulk, QStringLiteral("incidents"), "finding the incidents' changes", this,
        [build = m_source->builder(), from = info.from, to = info.to, step](const CancelToken &cancel) {
            std::vector<TimelineScrubber::Event> out;
            std::map<std::string, std::pair<int, QString>> before; // key -> (alerts, title)
            for (TimeMs t = from;; t = std::min(to, t + step)) {
                if (cancel.cancelled())
                    return out;
                const auto snap = build(t);
                std::map<std::string, std::pair<int, QString>> now;
                if (snap && snap->triage)
                    for (const auto &inc : snap->triage->incidents) {
                        const int n = static_cast<int>(inc.alerts.size());
                        const QString title = IncidentModel::causeTitle(inc);
                        now[inc.key] = {n, title};
                        const auto was = before.find(inc.key);
                        if (t == from)
                            continue;
                        if (was == before.end())
                            out.push_back({t, tr("incident starts: %1 (%n alert(s))", nullptr, n).arg(title),
                                           QColor(140, 20, 20)});
                        else if (n >= was->second.first + std::max(5, was->second.first / 5))
                            out.push_back({t,
                                           tr("incident escalates: %1 (%n alert(s))", nullptr, n).arg(title),
                                           QColor(140, 20, 20)});
                    }
                for (const auto &[key, was] : before)
                    if (!now.count(key))
                        out.push_back({t, tr("incident ends: %1").arg(was.second), QColor(46, 139, 87)});
                before = std::move(now);
                if (t >= to)
                    break;
            }
            return out;
        },
        [this](std::vector<TimelineScrubber::Event> found) {
            const int count = static_cast<int>(found.size());
            auto events = scrubberEvents(*m_file);
            events.insert(events.end(), std::make_move_iterator(found.begin()),
                          std::make_move_iterator(found.end()));
            std::stable_sort(events.begin(), events.end(),
                             [](const TimelineScrubber::Event &a, const TimelineScrubber::Event &b) {
                                 return a.time < b.time;
                             });
            m_scrubber->setWindow(m_file->info().from, m_file->info().to, std::move(events),
                                  m_file->activeAlertsPerMinute());
            Q_EMIT incidentEventsFound(count);
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
    m_jobs.cancelAll();
    m_jobs.waitForWork(30'000);
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
