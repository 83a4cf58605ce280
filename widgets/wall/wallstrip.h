#pragma once
// The wall display's headline strip, on screen under every view: incidents by severity with the top
// incident's probable cause in words, hosts up and down, each source's health, the age of the data and
// a clock. Severity and health are told by a glyph and a word as well as by colour. Type is scaled to
// the window's height so it reads from across the room.
#include "fleet/fleetsnapshot.h"

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;

namespace vigil {

// What the strip says, composed from a snapshot at a time (GUI-free of widgets, for tests).
struct WallHeadline {
    int critical = 0, warning = 0, info = 0; // incidents with active alerts, by severity
    QString incidents;                       // "▲ 2 CRITICAL  ◆ 5 WARNING", or what no incident means
    QString topKey;                          // the top incident's key; empty when none
    int topSeverity = 0;
    QString topCause; // "rack eu1-a-r07 — 38 of 40 hosts in rack eu1-a-r07 stopped answering..."
    QString hosts;    // "1,998 up · ▼ 2 DOWN"
    struct Source {
        QString text;  // "✓ demo/prometheus", "✗ demo/alertmanager"
        int state = 0; // 0 ok, 1 waiting for a first answer, 2 failing or stale
    };
    std::vector<Source> sources;
    QString age; // "data 12 s old"
    // Set when any source has not answered for two poll intervals, or the fleet shown is the cache:
    // "DATA STALE — prometheus: connection refused — last good data 4 min ago".
    bool stale = false;
    QString staleText;
};

WallHeadline wallHeadline(const FleetSnapshot *snapshot, TimeMs now);

class WallStrip final : public QWidget {
    Q_OBJECT
public:
    explicit WallStrip(QWidget *parent = nullptr);

    void setHeadline(const WallHeadline &headline, TimeMs now);
    // The incident named is new: marked NEW until cleared.
    void setNewIncident(const QString &key);
    // A line of its own under the headline for what the wall itself went through (a GUI stall, a
    // config not reloaded); empty clears it.
    void setNotice(const QString &text);
    // Scales the type to a screen this high (the headline at 3.2 % of it).
    void scaleTo(int screenHeight);

    // Which view is on screen and where the rotation is ("Triage 1/6", "paused").
    void setPlace(const QString &text);

    [[nodiscard]] QString incidentsText() const;
    [[nodiscard]] QString causeText() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString noticeText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();

    WallHeadline m_headline;
    TimeMs m_now = 0;
    QString m_newKey;
    QLabel *m_incidents;
    QLabel *m_cause;
    QLabel *m_status;
    QLabel *m_clock;
    QLabel *m_notice;
    QString m_place;
};

} // namespace vigil
