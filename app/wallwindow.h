#pragma once
// One screen of the NOC wall display: a playlist of views rotating full screen under the headline
// strip, a full-width banner when the data is stale (every view dimmed under it), and an interruption
// that brings a new severe incident on screen. Read-only: the WallController owns the keys and the
// mouse; nothing here changes the fleet.
#include "config/config.h"
#include "fleet/fleetsnapshot.h"

#include <QWidget>

#include <map>
#include <memory>

class QLabel;
class QStackedWidget;
class QTimer;

namespace vigil {

class FleetSource;
class FleetViews;
class WallStrip;
struct WallHeadline;

class WallWindow final : public QWidget {
    Q_OBJECT
public:
    WallWindow(FleetSource *source, const WallConfig &config, std::vector<WallPlaylistEntry> playlist,
               QWidget *parent = nullptr);

    // Rotation. next/previous restart the entry's dwell; paused keeps the view until resumed.
    void next();
    void previous();
    void setPaused(bool paused);
    [[nodiscard]] bool paused() const { return m_paused; }
    // Starts the rotation at the first entry showing `view`; false when the playlist has none.
    bool startAt(const QString &view);
    [[nodiscard]] int entry() const { return m_entry; }
    [[nodiscard]] QString currentView() const;
    [[nodiscard]] bool interrupted() const { return m_interrupted; }
    [[nodiscard]] bool currentViewReady() const;
    [[nodiscard]] const std::vector<WallPlaylistEntry> &playlist() const { return m_playlist; }

    void setSnapshot(const FleetSnapshotPtr &snapshot);
    void setHeadline(const WallHeadline &headline, TimeMs now);
    // A new incident severe enough to interrupt: the interrupt view with that incident on screen for
    // the interrupt dwell, then the rotation goes on where it was.
    void interrupt(const QString &incidentKey);
    void setNotice(const QString &text);

    [[nodiscard]] WallStrip *strip() const { return m_strip; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] bool dimmed() const;
    [[nodiscard]] FleetViews *views() const { return m_views; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showEntry(int entry);
    // Gives the latest snapshot to the named view if it has not had it (views off screen wait).
    void deliver(const QString &view);
    void updatePlace();
    // The wall is a display: nobody types, clicks or exports there. Hides the views' controls (and the
    // captions before them, and key hints) and keeps them by view, so the strip can say their state.
    void hideControls(const QString &view, QWidget *widget);

    WallConfig m_config;
    std::vector<WallPlaylistEntry> m_playlist;
    FleetViews *m_views;
    QLabel *m_banner;
    WallStrip *m_strip;
    QStackedWidget *m_stack;
    QWidget *m_dim;
    QTimer *m_dwell;
    QTimer *m_newTimer;
    QTimer *m_prefetch; // the next entry's view gets the snapshot a little before it is shown
    FleetSnapshotPtr m_snapshot;
    std::uint64_t m_polls = 0;
    std::map<QString, std::weak_ptr<const FleetSnapshot>> m_delivered;
    std::map<QString, std::vector<QWidget *>> m_controls; // per view, what hideControls hid
    int m_entry = 0;
    bool m_paused = false;
    bool m_interrupted = false;
};

} // namespace vigil
