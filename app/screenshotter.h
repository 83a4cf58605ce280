#pragma once
// Renders one view of the main window to a PNG once the first poll of every source has landed (or the
// timeout passed), then quits the application with an exit code that says how it went.
#include <QObject>
#include <QSize>
#include <QString>

#include "fleet/fleetsnapshot.h"

class QTimer;

namespace vigil {

class FleetSource;
class MainWindow;

class Screenshotter final : public QObject {
    Q_OBJECT
public:
    Screenshotter(MainWindow *window, FleetSource *service, QString file, QString view, QSize size,
                  int timeoutS, QString host = {}, QString serviceName = {}, QObject *parent = nullptr);
    void start();

    // Whether every source's first round since `startedAt` came back (answered or failed).
    static bool firstRoundLanded(const FleetSnapshot *snapshot, TimeMs startedAt);
    // Names on stderr the sources whose last poll failed; 4 when one never answered, else 0.
    static int reportFailedSources(const FleetSnapshot &snapshot);

private:
    void check();
    void waitUntilReady();
    void render(bool timedOut);

    QString m_host;                        // render this host's detail instead of the view
    QString m_serviceName;                 // or this service's
    [[nodiscard]] QWidget *detail() const; // the dialog rendered instead of the window, or null
    [[nodiscard]] QString subject() const; // what the screenshot shows
    MainWindow *m_window;
    FleetSource *m_service;
    QString m_file;
    QString m_view;
    QSize m_size;
    int m_timeoutS;
    qint64 m_startedAt = 0;
    bool m_done = false; // the first poll landed (or start failed)
    bool m_rendered = false;
    QTimer *m_timeout;
};

} // namespace vigil
