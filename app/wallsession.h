#pragma once
// A wall display left alone for a week: the fleet service and the wall built from one configuration,
// rebuilt when the configuration file changes. A new file that does not load is reported on the strip
// and the running wall keeps the old one. Without a file (--demo, --prometheus) nothing is watched.
#include "config/config.h"

#include <QByteArray>
#include <QObject>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace vigil {

class FleetService;
class WallController;

class WallSession final : public QObject {
    Q_OBJECT
public:
    // `configFile` empty: the configuration came from the command line and is never reloaded.
    WallSession(Config config, QString configFile, QSize windowed = {}, QObject *parent = nullptr);
    ~WallSession() override;

    // Builds the service and the wall and starts polling.
    void start();
    // Reads the configuration file again (the watcher does this after each change).
    void reload();
    [[nodiscard]] WallController *wall() const { return m_wall.get(); }
    [[nodiscard]] FleetService *service() const { return m_service.get(); }
    [[nodiscard]] int generation() const { return m_generation; }
    // Called with every new wall (at start and after each reload), to start it where it should be.
    std::function<void(WallController *)> onWall;

Q_SIGNALS:
    void reloaded();

private:
    void build();
    void watch();

    Config m_config;
    QString m_file;
    QSize m_windowed;
    QByteArray m_loadedText; // the file as last loaded, so a touch without a change rebuilds nothing
    std::unique_ptr<FleetService> m_service;
    std::unique_ptr<WallController> m_wall;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_debounce = nullptr;
    int m_generation = 0;
};

} // namespace vigil
