#pragma once
// What `vigil` shows with nothing to watch and no configuration of the user's yet: start the demo,
// add a Prometheus and Alertmanager (the settings dialog, which saves the user's configuration where the
// next `vigil` finds it), or open an incident snapshot. Each choice starts Vigil anew on it.
#include <QWidget>

class QLabel;

namespace vigil {

class SecretStore;
class SettingsDialog;

class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    // `configPath`: where the user's configuration goes ($XDG_CONFIG_HOME/vigil/vigil.yaml).
    WelcomePage(QString configPath, SecretStore *secrets, QWidget *parent = nullptr);

    // The user's configuration file: $XDG_CONFIG_HOME/vigil/vigil.yaml (~/.config/vigil/vigil.yaml).
    static QString userConfigPath();

    // Opens the settings on a first source ("Add a Prometheus and Alertmanager"); once they are saved,
    // Vigil starts on them. Returned for tests.
    SettingsDialog *openSettings();

Q_SIGNALS:
    // Start Vigil with these arguments (none: on the user's configuration).
    void startRequested(const QStringList &arguments);

private:
    QString m_configPath;
    SecretStore *m_secrets;
};

} // namespace vigil
