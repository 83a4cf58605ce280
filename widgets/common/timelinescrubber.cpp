#include "timelinescrubber.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil {

// The window drawn: active alerts per minute as an area, events as ticks, the cursor as a line. A click
// or a drag asks for that moment.
class TimelineTrack final : public QWidget {
public:
    explicit TimelineTrack(TimelineScrubber *owner)
        : QWidget(owner)
        , m_owner(owner) {
        setMinimumHeight(34);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        setMouseTracking(true);
        setFocusPolicy(Qt::NoFocus);
    }
    TimeMs from = 0, to = 0, cursor = 0;
    std::vector<TimelineScrubber::Event> events;
    std::vector<int> perMinute;

    [[nodiscard]] double xOf(TimeMs t) const {
        const double span = std::max<double>(1, static_cast<double>(to - from));
        return 4 + (width() - 8) * static_cast<double>(t - from) / span;
    }
    [[nodiscard]] TimeMs timeAt(double x) const {
        const double f = std::clamp((x - 4) / std::max(1, width() - 8), 0.0, 1.0);
        return from + static_cast<TimeMs>(f * static_cast<double>(to - from));
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF r = rect().adjusted(0.5, 0.5, -0.5, -0.5);
        p.fillRect(r, palette().base());
        p.setPen(palette().mid().color());
        p.drawRect(r);
        const int peak = perMinute.empty() ? 0 : *std::max_element(perMinute.begin(), perMinute.end());
        const double bottom = height() - 8, top = 4;
        if (peak > 0) {
            QPainterPath area;
            area.moveTo(xOf(from), bottom);
            for (std::size_t m = 0; m < perMinute.size(); ++m) {
                const TimeMs t = from + static_cast<TimeMs>(m) * 60'000;
                const double y = bottom - (bottom - top) * perMinute[m] / peak;
                area.lineTo(xOf(t), y);
                area.lineTo(xOf(std::min(to, t + 60'000)), y);
            }
            area.lineTo(xOf(to), bottom);
            area.closeSubpath();
            p.fillPath(area, QColor(208, 48, 48, 70));
        }
        for (const auto &e : events) {
            p.setPen(QPen(e.color, 2));
            const double x = xOf(e.time);
            p.drawLine(QPointF(x, height() - 7), QPointF(x, height() - 2));
        }
        p.setPen(QPen(palette().highlight().color(), 2));
        const double x = xOf(cursor);
        p.drawLine(QPointF(x, 1), QPointF(x, height() - 1));
        p.setBrush(palette().highlight());
        p.drawEllipse(QPointF(x, height() / 2.0), 4, 4);
        if (peak > 0) {
            p.setPen(palette().text().color());
            p.drawText(rect().adjusted(6, 2, -6, -2), Qt::AlignTop | Qt::AlignLeft,
                       TimelineScrubber::tr("peak %n active alert(s)", nullptr, peak));
        }
    }
    void mousePressEvent(QMouseEvent *e) override {
        if (e->button() == Qt::LeftButton)
            Q_EMIT m_owner->cursorRequested(timeAt(e->position().x()));
    }
    void mouseMoveEvent(QMouseEvent *e) override {
        if (e->buttons() & Qt::LeftButton)
            Q_EMIT m_owner->cursorRequested(timeAt(e->position().x()));
        // The nearest event within 4 px names itself.
        QString tip;
        for (const auto &ev : events)
            if (std::abs(xOf(ev.time) - e->position().x()) <= 4)
                tip +=
                    (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                    QDateTime::fromMSecsSinceEpoch(ev.time, Qt::UTC).toString(QStringLiteral("HH:mm:ss ")) +
                    ev.text;
        setToolTip(tip);
    }

private:
    TimelineScrubber *m_owner;
};

TimelineScrubber::TimelineScrubber(QWidget *parent)
    : QWidget(parent)
    , m_description(new QLabel)
    , m_time(new QLabel)
    , m_play(new QToolButton)
    , m_speed(new QComboBox)
    , m_track(new TimelineTrack(this))
    , m_timer(new QTimer(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Replay timeline"));
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    auto *prev = new QToolButton;
    prev->setText(tr("◀ Event"));
    prev->setToolTip(tr("Previous event (P or [)"));
    auto *next = new QToolButton;
    next->setText(tr("Event ▶"));
    next->setToolTip(tr("Next event (N or ])"));
    m_play->setText(tr("Play"));
    m_play->setToolTip(tr("Play or pause (Space)"));
    for (int s : {1, 10, 60, 600})
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Replay speed (+ and -)"));
    m_time->setMinimumWidth(
        m_time->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00 UTC (T+00:00:00)")));
    for (QWidget *w : std::initializer_list<QWidget *>{prev, next, m_play, m_speed})
        w->setFocusPolicy(Qt::NoFocus);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(prev);
    row->addWidget(m_play);
    row->addWidget(m_speed);
    row->addWidget(m_track, 1);
    row->addWidget(next);
    row->addWidget(m_time);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addWidget(m_description);
    layout->addLayout(row);
    setAutoFillBackground(true);

    connect(prev, &QToolButton::clicked, this, &TimelineScrubber::previousEvent);
    connect(next, &QToolButton::clicked, this, &TimelineScrubber::nextEvent);
    connect(m_play, &QToolButton::clicked, this, [this] { playing() ? pause() : play(); });
    // Ten steps a second: at 60x each step moves the replay ten seconds.
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, [this] {
        const TimeMs next = m_cursor + static_cast<TimeMs>(speed()) * 100;
        if (next >= m_to) {
            request(m_to);
            pause();
            return;
        }
        request(next);
    });
}

void TimelineScrubber::setWindow(TimeMs from, TimeMs to, std::vector<Event> events,
                                 std::vector<int> alertsPerMinute) {
    m_from = from;
    m_to = std::max(from + 1, to);
    m_events = std::move(events);
    m_track->from = m_from;
    m_track->to = m_to;
    m_track->events = m_events;
    m_track->perMinute = std::move(alertsPerMinute);
    setCursor(std::clamp(m_cursor, m_from, m_to));
}

void TimelineScrubber::setDescription(const QString &text) {
    m_description->setText(text);
}

void TimelineScrubber::setCursor(TimeMs t) {
    // Playing moves m_cursor ahead of what the source has built; only a built snapshot behind it is
    // ignored, so the track never jumps back while playing.
    if (!playing() || t >= m_cursor)
        m_cursor = t;
    m_track->cursor = t;
    m_track->update();
    refreshLabel();
}

bool TimelineScrubber::playing() const {
    return m_timer->isActive();
}

int TimelineScrubber::speed() const {
    return m_speed->currentData().toInt();
}

void TimelineScrubber::play() {
    if (m_cursor >= m_to)
        request(m_from);
    m_timer->start();
    m_play->setText(tr("Pause"));
}

void TimelineScrubber::pause() {
    m_timer->stop();
    m_play->setText(tr("Play"));
}

void TimelineScrubber::step(TimeMs deltaMs) {
    request(std::clamp(m_cursor + deltaMs, m_from, m_to));
}

void TimelineScrubber::nextEvent() {
    for (const auto &e : m_events)
        if (e.time > m_cursor) {
            request(e.time);
            return;
        }
    request(m_to);
}

void TimelineScrubber::previousEvent() {
    for (auto it = m_events.rbegin(); it != m_events.rend(); ++it)
        if (it->time < m_cursor) {
            request(it->time);
            return;
        }
    request(m_from);
}

void TimelineScrubber::request(TimeMs t) {
    m_cursor = std::clamp(t, m_from, m_to);
    m_track->cursor = m_cursor;
    m_track->update();
    refreshLabel();
    Q_EMIT cursorRequested(m_cursor);
}

void TimelineScrubber::refreshLabel() {
    const TimeMs since = std::max<TimeMs>(0, m_cursor - m_from) / 1000;
    m_time->setText(
        tr("%1 UTC (T+%2:%3:%4)")
            .arg(QDateTime::fromMSecsSinceEpoch(m_cursor, Qt::UTC).toString(QStringLiteral("HH:mm:ss")))
            .arg(since / 3600)
            .arg((since / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(since % 60, 2, 10, QLatin1Char('0')));
}

void TimelineScrubber::keyPressEvent(QKeyEvent *event) {
    const bool big = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        step(big ? -600'000 : -60'000);
        break;
    case Qt::Key_Right:
        step(big ? 600'000 : 60'000);
        break;
    case Qt::Key_Home:
        request(m_from);
        break;
    case Qt::Key_End:
        request(m_to);
        break;
    case Qt::Key_Space:
        playing() ? pause() : play();
        break;
    case Qt::Key_N:
    case Qt::Key_BracketRight:
        nextEvent();
        break;
    case Qt::Key_P:
    case Qt::Key_BracketLeft:
        previousEvent();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_speed->setCurrentIndex(std::min(m_speed->count() - 1, m_speed->currentIndex() + 1));
        break;
    case Qt::Key_Minus:
        m_speed->setCurrentIndex(std::max(0, m_speed->currentIndex() - 1));
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace vigil
