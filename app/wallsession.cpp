#include "wallsession.h"

#include "service/fleetservice.h"
#include "wallcontroller.h"

#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace vigil {

namespace {
QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

WallSession::WallSession(Config config, QString configFile, QSize windowed, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_file(std::move(configFile))
    , m_windowed(windowed) {
    if (!m_file.isEmpty())
        m_loadedText = readAll(m_file);
}

WallSession::~WallSession() {
    m_wall.reset(); // the windows before the source they read
    if (m_service)
        m_service->stop();
}

void WallSession::start() {
    build();
    watch();
}

void WallSession::build() {
    m_wall.reset();
    if (m_service)
        m_service->stop();
    m_service = std::make_unique<FleetService>(m_config);
    m_wall = std::make_unique<WallController>(m_service.get(), m_config.wall);
    if (onWall)
        onWall(m_wall.get());
    m_service->start();
    m_wall->start(m_windowed);
    ++m_generation;
}

void WallSession::watch() {
    if (m_file.isEmpty() || m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(500); // an editor writes in several steps
    connect(m_debounce, &QTimer::timeout, this, &WallSession::reload);
    // The folder too: editors that save by renaming replace the file, and its watch with it.
    m_watcher->addPath(m_file);
    m_watcher->addPath(QFileInfo(m_file).absolutePath());
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce, qOverload<>(&QTimer::start));
}

void WallSession::reload() {
    if (m_file.isEmpty())
        return;
    if (m_watcher && !m_watcher->files().contains(m_file) && QFileInfo::exists(m_file))
        m_watcher->addPath(m_file);
    const QByteArray text = readAll(m_file);
    if (text == m_loadedText)
        return; // touched, or another file of the folder changed
    ConfigError err;
    auto loaded = ConfigLoader::loadString(text.toStdString(), m_file.toStdString(), &err);
    if (loaded && !ConfigLoader::validate(*loaded, &err))
        loaded.reset();
    if (!loaded) {
        m_loadedText = text; // said once per version of the file
        if (m_wall)
            m_wall->setNotice(
                tr("The changed configuration was not loaded, the wall keeps the last good one: %1")
                    .arg(QString::fromStdString(err.toString())),
                24 * 3'600'000);
        return;
    }
    m_loadedText = text;
    // A file without a cache path keeps the cache in use.
    if (loaded->cachePath.empty())
        loaded->cachePath = m_config.cachePath;
    m_config = std::move(*loaded);
    build();
    m_wall->setNotice(tr("Configuration reloaded."), 60'000);
    Q_EMIT reloaded();
}

} // namespace vigil
