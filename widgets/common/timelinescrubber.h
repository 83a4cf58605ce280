#pragma once
// The replay bar under every view of an incident snapshot: the recorded window as a track (active
// alerts per minute drawn as an area, events as ticks), the cursor, play at 1x to 600x, and jumps to
// the previous or next event. Keyboard driven: Left/Right move a minute (Shift: ten), Home/End, Space
// plays or pauses, N and P (or ] and [) jump between events, + and - change the speed. It only asks for
// a cursor; the fleet source answers with the snapshot of that moment.
#include "support/timeutil.h"

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QToolButton;
class QTimer;

namespace vigil {

class TimelineTrack;

class TimelineScrubber final : public QWidget {
    Q_OBJECT
public:
    struct Event {
        TimeMs time = 0;
        QString text;
        QColor color;
    };

    explicit TimelineScrubber(QWidget *parent = nullptr);

    // The window, its events (by time) and active alerts per minute from `from`.
    void setWindow(TimeMs from, TimeMs to, std::vector<Event> events, std::vector<int> alertsPerMinute);
    void setDescription(const QString &text);
    // Where the fleet shown is (after the source built it); does not emit.
    void setCursor(TimeMs t);
    [[nodiscard]] TimeMs cursor() const { return m_cursor; }
    [[nodiscard]] const std::vector<Event> &events() const { return m_events; }
    [[nodiscard]] bool playing() const;
    [[nodiscard]] int speed() const; // 1, 10, 60, 600

    void play();
    void pause();
    void step(TimeMs deltaMs);
    void nextEvent();
    void previousEvent();

Q_SIGNALS:
    void cursorRequested(vigil::TimeMs t);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void request(TimeMs t);
    void refreshLabel();

    TimeMs m_from = 0, m_to = 0, m_cursor = 0;
    std::vector<Event> m_events;
    QLabel *m_description;
    QLabel *m_time;
    QToolButton *m_play;
    QComboBox *m_speed;
    TimelineTrack *m_track;
    QTimer *m_timer;
};

} // namespace vigil
