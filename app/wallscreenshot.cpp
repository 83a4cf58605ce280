#include "wallscreenshot.h"

#include "screenshotter.h"
#include "service/fleetsource.h"
#include "wallcontroller.h"
#include "wallwindow.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace vigil {

WallScreenshot::WallScreenshot(WallController *wall, FleetSource *source, QString file, int timeoutS,
                               QObject *parent)
    : QObject(parent)
    , m_wall(wall)
    , m_source(source)
    , m_file(std::move(file))
    , m_timeoutS(timeoutS)
    , m_timeout(new QTimer(this)) {}

QString WallScreenshot::fileFor(const QString &file, int screen) {
    if (screen == 0)
        return file;
    const int dot = file.lastIndexOf(QLatin1Char('.'));
    const int slash = file.lastIndexOf(QLatin1Char('/'));
    const QString suffix = QStringLiteral("-%1").arg(screen + 1);
    if (dot > slash)
        return file.left(dot) + suffix + file.mid(dot);
    return file + suffix;
}

void WallScreenshot::start() {
    m_startedAt = nowMs();
    connect(m_source, &FleetSource::snapshotReady, this, &WallScreenshot::check);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] { render(true); });
    m_timeout->start(m_timeoutS * 1000);
}

void WallScreenshot::check() {
    if (m_landed || !Screenshotter::firstRoundLanded(m_source->current().get(), m_startedAt))
        return;
    m_landed = true;
    waitUntilReady();
}

void WallScreenshot::waitUntilReady() {
    for (const WallWindow *w : m_wall->windows())
        if (w->isVisible() && !w->currentViewReady()) {
            QTimer::singleShot(100, this, [this] { waitUntilReady(); });
            return;
        }
    QTimer::singleShot(400, this, [this] { render(false); });
}

void WallScreenshot::render(bool timedOut) {
    if (m_rendered)
        return;
    m_rendered = true;
    m_timeout->stop();
    m_wall->refresh();
    int code = 0;
    const auto &windows = m_wall->windows();
    for (std::size_t i = 0; i < windows.size(); ++i) {
        const QString file = fileFor(m_file, static_cast<int>(i));
        if (!windows[i]->isVisible()) {
            std::fprintf(
                stderr, "vigil: %s\n",
                qPrintable(
                    tr("wall screen %1 has no screen to show on; %2 not written").arg(i + 1).arg(file)));
            code = 1;
            continue;
        }
        const QPixmap pixmap = windows[i]->grab();
        if (pixmap.isNull() || !pixmap.save(file, "PNG")) {
            std::fprintf(stderr, "vigil: %s\n",
                         qPrintable(tr("could not write the screenshot to %1").arg(file)));
            code = 1;
            continue;
        }
        std::printf("%s\n", qPrintable(tr("wrote %1 (%2x%3, wall screen %4, view %5)")
                                           .arg(file)
                                           .arg(pixmap.width())
                                           .arg(pixmap.height())
                                           .arg(i + 1)
                                           .arg(windows[i]->currentView())));
    }
    if (code == 0 && timedOut) {
        std::fprintf(stderr, "vigil: %s\n",
                     qPrintable(tr("no poll landed within %1 s, or a view had not finished loading; the "
                                   "screenshots show the wall as it was")
                                    .arg(m_timeoutS)));
        code = 3;
    } else if (code == 0) {
        code = Screenshotter::reportFailedSources(*m_source->current());
    }
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}

} // namespace vigil
