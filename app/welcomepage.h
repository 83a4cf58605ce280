#pragma once
// What `vigil` shows with nothing to watch and no configuration of the user's yet: start the demo,
// watch a Prometheus and Alertmanager (saved to the user's configuration, where the next `vigil` finds
// it), or open an incident snapshot. Each choice starts Vigil anew on it.
#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace vigil {

class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    // `configPath`: where the user's configuration goes ($XDG_CONFIG_HOME/vigil/vigil.yaml).
    explicit WelcomePage(QString configPath, QWidget *parent = nullptr);

    // The user's configuration file: $XDG_CONFIG_HOME/vigil/vigil.yaml (~/.config/vigil/vigil.yaml).
    static QString userConfigPath();

    // Fills the source form (tests, and a later settings dialog).
    void setSource(const QString &prometheus, const QString &alertmanagers, int intervalSeconds);
    // Checks the form and writes the configuration; false and the reason under the form otherwise.
    bool saveSource();
    [[nodiscard]] QString message() const;

Q_SIGNALS:
    // Start Vigil with these arguments (none: on the user's configuration).
    void startRequested(const QStringList &arguments);

private:
    QString m_configPath;
    QLineEdit *m_prometheus;
    QLineEdit *m_alertmanagers;
    QSpinBox *m_interval;
    QLabel *m_message;
};

} // namespace vigil
