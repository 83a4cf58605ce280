#pragma once
// The NOC wall display (`vigil --wall`): one full-screen WallWindow per configured screen, all fed by
// one fleet source (one poll, one cache, however many screens). It follows screens that come and go,
// computes the headline once per tick for every screen, interrupts the rotation for a new severe
// incident, and owns the few keys a wall answers to: next/previous view (→ ←, PgDn PgUp), pause
// (space), quit (q, then y). Every other key, click and wheel is swallowed: the wall is read-only.
#include "config/config.h"
#include "fleet/fleetsnapshot.h"

#include <QObject>
#include <QSize>

#include <map>
#include <string>
#include <vector>

class QScreen;
class QTimer;

namespace vigil {

class FleetSource;
class WallWindow;

class WallController final : public QObject {
    Q_OBJECT
public:
    WallController(FleetSource *source, WallConfig config, QObject *parent = nullptr);
    ~WallController() override;

    // Full screen on the configured screens; `windowed` instead shows each window at that size on
    // whatever screen (screenshots, tests).
    void start(QSize windowed = {});
    // Starts every screen's rotation at `view`; false when no playlist has it.
    bool startAt(const QString &view);
    [[nodiscard]] const std::vector<WallWindow *> &windows() const { return m_windows; }
    // The screen a window is on now; null while its screen is absent (the window is hidden then).
    [[nodiscard]] QScreen *screenOf(const WallWindow *window) const;
    // The GUI thread stalled (the watchdog): said on the strip once it recovered.
    void noteStall(double milliseconds);
    // What the wall itself must tell (a config not reloaded): on every strip until `forMs` passed.
    void setNotice(const QString &text, TimeMs forMs = 10 * 60'000);
    // Recomputes the headline now (the tick does this every second).
    void refresh();

Q_SIGNALS:
    void interrupted(const QString &incidentKey);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSnapshot(const FleetSnapshotPtr &snapshot);
    void placeWindows();
    [[nodiscard]] QScreen *screenFor(const WallScreen &screen) const;
    [[nodiscard]] bool ownsWindow(const QObject *object) const;
    bool handleKey(int key);
    void revealCursor();

    FleetSource *m_source;
    WallConfig m_config;
    std::vector<WallWindow *> m_windows; // aligned with m_config.screens
    QSize m_windowed;
    QTimer *m_tick;
    QTimer *m_cursorTimer;
    bool m_cursorHidden = false;
    bool m_quitAsked = false;
    QString m_notice;
    TimeMs m_noticeUntil = 0;
    // Incidents seen, by key, with when they were last seen: one not seen before (or not for an hour)
    // and severe enough interrupts. The snapshot held at start (the cache) only primes it.
    std::map<std::string, TimeMs> m_known;
    bool m_primed = false;
};

} // namespace vigil
