#pragma once
// `vigil --wall --screenshot FILE.png`: once every source's first round landed and each screen's view
// is ready, renders every wall screen (FILE.png, FILE-2.png, ...) and quits with the screenshot's exit
// codes (0 written, 1 not written, 3 timed out, 4 a source never answered).
#include <QObject>
#include <QString>

class QTimer;

namespace vigil {

class FleetSource;
class WallController;

class WallScreenshot final : public QObject {
    Q_OBJECT
public:
    WallScreenshot(WallController *wall, FleetSource *source, QString file, int timeoutS,
                   QObject *parent = nullptr);
    void start();
    // FILE.png for the first screen, FILE-2.png for the second...
    static QString fileFor(const QString &file, int screen);

private:
    void check();
    void waitUntilReady();
    void render(bool timedOut);

    WallController *m_wall;
    FleetSource *m_source;
    QString m_file;
    int m_timeoutS;
    qint64 m_startedAt = 0;
    bool m_landed = false;
    bool m_rendered = false;
    QTimer *m_timeout;
};

} // namespace vigil
