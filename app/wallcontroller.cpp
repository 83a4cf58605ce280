#include "wallcontroller.h"

#include "analysis/correlation.h"
#include "service/fleetsource.h"
#include "wall/wallstrip.h"
#include "wallwindow.h"

#include <QApplication>
#include <QCursor>
#include <QDateTime>
#include <QKeyEvent>
#include <QScreen>
#include <QTimer>
#include <QWindow>

namespace vigil {

namespace {
constexpr TimeMs kForgetIncidentMs = 3'600'000; // an incident gone this long is new when it comes back
} // namespace

WallController::WallController(FleetSource *source, WallConfig config, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_config(std::move(config))
    , m_tick(new QTimer(this))
    , m_cursorTimer(new QTimer(this)) {
    for (const auto &screen : m_config.screens)
        m_windows.push_back(new WallWindow(source, m_config, screen.playlist));
    connect(source, &FleetSource::snapshotReady, this, &WallController::onSnapshot);
    // Staleness, the data's age and the clock move with time, not only with polls.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &WallController::refresh);
    m_cursorTimer->setSingleShot(true);
    m_cursorTimer->setInterval(static_cast<int>(m_config.cursorHideMs));
    connect(m_cursorTimer, &QTimer::timeout, this, [this] {
        if (!m_cursorHidden) {
            QGuiApplication::setOverrideCursor(Qt::BlankCursor);
            m_cursorHidden = true;
        }
    });
    // What the source holds at start (the cache of the last run) is known; what comes after is new.
    onSnapshot(source->current());
    m_primed = true;
}

WallController::~WallController() {
    qApp->removeEventFilter(this);
    if (m_cursorHidden)
        QGuiApplication::restoreOverrideCursor();
    for (WallWindow *w : m_windows)
        delete w;
}

void WallController::start(QSize windowed) {
    m_windowed = windowed;
    qApp->installEventFilter(this);
    connect(qApp, &QGuiApplication::screenAdded, this, [this](QScreen *s) {
        connect(s, &QScreen::geometryChanged, this, &WallController::placeWindows);
        placeWindows();
    });
    // Removed screens: placed again once Qt has moved their windows away.
    connect(qApp, &QGuiApplication::screenRemoved, this,
            [this] { QTimer::singleShot(0, this, &WallController::placeWindows); });
    for (QScreen *s : QGuiApplication::screens())
        connect(s, &QScreen::geometryChanged, this, &WallController::placeWindows);
    placeWindows();
    m_tick->start();
    m_cursorTimer->start();
    refresh();
}

bool WallController::startAt(const QString &view) {
    bool any = false;
    for (WallWindow *w : m_windows)
        any = w->startAt(view) || any;
    return any;
}

QScreen *WallController::screenFor(const WallScreen &screen) const {
    const auto screens = QGuiApplication::screens();
    if (!screen.name.empty()) {
        for (QScreen *s : screens)
            if (s->name() == QString::fromStdString(screen.name))
                return s;
        return nullptr;
    }
    if (screen.index >= 0)
        return screen.index < screens.size() ? screens[screen.index] : nullptr;
    return QGuiApplication::primaryScreen();
}

QScreen *WallController::screenOf(const WallWindow *window) const {
    for (std::size_t i = 0; i < m_windows.size(); ++i)
        if (m_windows[i] == window)
            return m_windows[i]->isVisible() ? screenFor(m_config.screens[i]) : nullptr;
    return nullptr;
}

void WallController::placeWindows() {
    for (std::size_t i = 0; i < m_windows.size(); ++i) {
        WallWindow *w = m_windows[i];
        QScreen *screen = screenFor(m_config.screens[i]);
        if (!screen) {
            w->hide(); // its screen is gone (unplugged, asleep): back when it is
            continue;
        }
        w->winId(); // creates the native window, so it can be put on a screen
        w->windowHandle()->setScreen(screen);
        // Never larger than its screen, whatever a view's layout asks for (a long text at wall-sized
        // type once widened a 1920 px window to 2476 px).
        if (m_windowed.isValid()) {
            w->setFixedSize(m_windowed);
            w->setGeometry(QRect(screen->geometry().topLeft(), m_windowed));
            w->show();
        } else {
            w->setMinimumSize(0, 0);
            w->setMaximumSize(screen->geometry().size());
            w->setGeometry(screen->geometry());
            w->showFullScreen();
        }
    }
}

void WallController::onSnapshot(const FleetSnapshotPtr &snapshot) {
    for (WallWindow *w : m_windows)
        w->setSnapshot(snapshot);
    if (snapshot && snapshot->triage) {
        const TimeMs now = nowMs();
        QString interruptWith;
        for (const auto &inc : snapshot->triage->incidents) {
            const bool known = m_known.count(inc.key) > 0;
            m_known[inc.key] = now;
            // urgency as triage ranks it: a node lost by a NotReady warning is as urgent as a critical
            if (!known && m_primed && interruptWith.isEmpty() && inc.active > 0 &&
                analysis::urgencyOf(inc) >= m_config.interruptSeverity && !snapshot->ack(inc.key))
                interruptWith = QString::fromStdString(inc.key); // ranked: the first is the most urgent
        }
        std::erase_if(m_known, [now](const auto &kv) { return now - kv.second > kForgetIncidentMs; });
        if (!interruptWith.isEmpty()) {
            for (WallWindow *w : m_windows)
                w->interrupt(interruptWith);
            Q_EMIT interrupted(interruptWith);
        }
    }
    refresh();
}

void WallController::refresh() {
    const TimeMs now = nowMs();
    const FleetSnapshotPtr snap = m_source->current();
    const WallHeadline headline = wallHeadline(snap.get(), now);
    if (m_noticeUntil && now > m_noticeUntil) {
        m_notice.clear();
        m_noticeUntil = 0;
    }
    for (WallWindow *w : m_windows) {
        w->setHeadline(headline, now);
        w->setNotice(m_quitAsked ? tr("Quit the wall display? Press Y to quit, any other key to stay.")
                                 : m_notice);
    }
}

void WallController::noteStall(double milliseconds) {
    if (milliseconds < 1000)
        return;
    setNotice(tr("The display stalled for %1 s at %2; it is running again.")
                  .arg(milliseconds / 1000.0, 0, 'f', 1)
                  .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
}

void WallController::setNotice(const QString &text, TimeMs forMs) {
    m_notice = text;
    m_noticeUntil = text.isEmpty() ? 0 : nowMs() + forMs;
    refresh();
}

bool WallController::ownsWindow(const QObject *object) const {
    const auto *widget = qobject_cast<const QWidget *>(object);
    if (!widget)
        return false;
    const QWidget *top = widget->window();
    for (const WallWindow *w : m_windows)
        if (w == top)
            return true;
    return false;
}

bool WallController::handleKey(int key) {
    if (m_quitAsked) {
        m_quitAsked = false;
        if (key == Qt::Key_Y) {
            QTimer::singleShot(0, qApp, [] { QCoreApplication::quit(); });
            return true;
        }
        refresh();
        return true;
    }
    switch (key) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_N:
        for (WallWindow *w : m_windows)
            w->next();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_P:
        for (WallWindow *w : m_windows)
            w->previous();
        break;
    case Qt::Key_Space:
        for (WallWindow *w : m_windows)
            w->setPaused(!w->paused());
        break;
    case Qt::Key_Q:
        m_quitAsked = true;
        refresh();
        break;
    default:
        break;
    }
    return true;
}

void WallController::revealCursor() {
    if (m_cursorHidden) {
        QGuiApplication::restoreOverrideCursor();
        m_cursorHidden = false;
    }
    m_cursorTimer->start();
}

bool WallController::eventFilter(QObject *watched, QEvent *event) {
    switch (event->type()) {
    case QEvent::ShortcutOverride:
        // No view's own shortcut (silence, acknowledge, filter) may fire on the wall.
        if (ownsWindow(watched)) {
            event->accept();
            return true;
        }
        break;
    case QEvent::KeyPress:
        if (ownsWindow(watched)) {
            const auto *k = static_cast<QKeyEvent *>(event);
            if (!k->isAutoRepeat())
                handleKey(k->key());
            return true;
        }
        break;
    case QEvent::KeyRelease:
        return ownsWindow(watched);
    case QEvent::MouseMove:
        if (ownsWindow(watched))
            revealCursor();
        break;
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::ContextMenu:
    case QEvent::ToolTip:
        if (ownsWindow(watched)) {
            revealCursor();
            return true; // read-only: nothing on the wall is clicked
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vigil
