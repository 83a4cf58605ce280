#include "screenshotter.h"

#include "common/hostdetaildialog.h"
#include "common/servicedetaildialog.h"
#include "mainwindow.h"
#include "service/fleetsource.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace vigil {

Screenshotter::Screenshotter(MainWindow *window, FleetSource *service, QString file, QString view, QSize size,
                             int timeoutS, QString host, QString serviceName, QObject *parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_serviceName(std::move(serviceName))
    , m_window(window)
    , m_service(service)
    , m_file(std::move(file))
    , m_view(std::move(view))
    , m_size(size)
    , m_timeoutS(timeoutS)
    , m_timeout(new QTimer(this)) {}

void Screenshotter::start() {
    if (!m_window->showView(m_view)) {
        std::fprintf(stderr, "vigil: %s\n",
                     qPrintable(tr("unknown view \"%1\" (views: %2)")
                                    .arg(m_view, m_window->views().names().join(QStringLiteral(", ")))));
        QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(2); });
        m_done = true;
        return;
    }
    m_startedAt = nowMs();
    m_window->resize(m_size);
    m_window->show();
    connect(m_service, &FleetSource::snapshotReady, this, &Screenshotter::check);
    // A snapshot file has its fleet from the start: nothing to wait for but the views.
    if (!m_service->isLive())
        QTimer::singleShot(0, this, &Screenshotter::check);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { render(true); });
    m_timeout->start(m_timeoutS * 1000);
}

bool Screenshotter::firstRoundLanded(const FleetSnapshot *s, TimeMs startedAt) {
    if (!s || s->sources.empty())
        return false;
    for (const auto &src : s->sources)
        if (src.lastAttempt < startedAt || (src.lastSuccess < startedAt && src.lastError.empty()))
            return false; // this source's first round has not come back yet
    return true;
}

int Screenshotter::reportFailedSources(const FleetSnapshot &s) {
    int code = 0;
    for (const auto &src : s.sources) {
        if (src.lastError.empty())
            continue;
        const bool never = src.lastSuccess == 0;
        std::fprintf(stderr, "vigil: %s: %s: %s\n", never ? "error" : "warning", src.id.c_str(),
                     never ? qPrintable(tr("never answered (%1)").arg(QString::fromStdString(src.lastError)))
                           : src.lastError.c_str());
        code = never ? 4 : code;
    }
    return code;
}

void Screenshotter::check() {
    if (m_done)
        return;
    if (m_service->isLive() && !firstRoundLanded(m_service->current().get(), m_startedAt))
        return;
    // Let the views take the snapshot and lay out before grabbing; a view that loads more (history)
    // says when it is ready.
    m_done = true;
    waitUntilReady();
}

void Screenshotter::waitUntilReady() {
    const ViewEntry *v = m_window->views().find(m_view);
    const bool ready = !m_host.isEmpty()
                           ? m_window->hostDetail()->isVisible() && m_window->hostDetail()->isLoaded()
                       : !m_serviceName.isEmpty() ? m_window->serviceDetail()->isVisible()
                                                  : !(v && v->ready && !v->ready());
    if (!ready) {
        QTimer::singleShot(100, this, [this] { waitUntilReady(); });
        return;
    }
    QTimer::singleShot(400, this, [this] { render(false); });
}

QWidget *Screenshotter::detail() const {
    if (!m_host.isEmpty())
        return m_window->hostDetail();
    if (!m_serviceName.isEmpty())
        return m_window->serviceDetail();
    return nullptr;
}

QString Screenshotter::subject() const {
    if (!m_host.isEmpty())
        return tr("host detail of %1").arg(m_host);
    if (!m_serviceName.isEmpty())
        return tr("service detail of %1").arg(m_serviceName);
    return m_view;
}

void Screenshotter::render(bool timedOut) {
    if (m_rendered)
        return;
    m_rendered = true;
    m_timeout->stop();
    m_window->resize(m_size);
    const QPixmap pixmap = detail() ? detail()->grab() : m_window->grab();
    const bool saved = !pixmap.isNull() && pixmap.save(m_file, "PNG");
    int code = 0;
    if (!saved) {
        std::fprintf(stderr, "vigil: %s\n",
                     qPrintable(tr("could not write the screenshot to %1").arg(m_file)));
        code = 1;
    } else if (timedOut) {
        std::fprintf(
            stderr, "vigil: %s\n",
            qPrintable(m_done ? tr("the %1 view had not finished loading within %2 s; %3 shows it as it was")
                                    .arg(m_view)
                                    .arg(m_timeoutS)
                                    .arg(m_file)
                              : tr("no poll landed within %1 s; %2 shows the cached or empty state")
                                    .arg(m_timeoutS)
                                    .arg(m_file)));
        code = 3;
    } else {
        // A source that never answered: the picture shows the cached or empty state, and says so.
        code = reportFailedSources(*m_service->current());
        std::printf("%s\n", qPrintable(tr("wrote %1 (%2x%3, view %4)")
                                           .arg(m_file)
                                           .arg(pixmap.width())
                                           .arg(pixmap.height())
                                           .arg(subject())));
    }
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

} // namespace vigil
