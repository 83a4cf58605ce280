#pragma once
// Vigil's settings: the sources it watches (URLs, intervals, timeouts, TLS files, authentication) with a
// Test connection for each, the query profile preset, the topology's labels, the cache, and which saved
// triage filters notify. Saved to the user's configuration ($XDG_CONFIG_HOME/vigil/vigil.yaml, keeping
// every key the dialog does not edit); tokens and passwords go to the system keychain (config/secrets.h),
// or, where no keychain answers and the user agrees, to a file only they can read. Never into the
// configuration itself.
#include "config/configdocument.h"
#include "sources/connectionprobe.h"

#include <QDialog>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace vigil {

class JobRunner;
class SecretStore;

class SettingsDialog final : public QDialog {
    Q_OBJECT
public:
    // `configPath`: the user's configuration, read now and written on Save. `runningNote`: said under
    // the tabs when this Vigil does not run on that file (the demo, an operator's --config, which the
    // dialog never writes).
    SettingsDialog(QString configPath, SecretStore *secrets, QString runningNote = {},
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The source form of the selected source (tests drive the dialog through these, as a user would).
    [[nodiscard]] int sourceCount() const;
    void selectSource(int row);
    void addSource();
    void removeSource();
    [[nodiscard]] QLineEdit *field(const QString &objectName) const;
    // Saves asynchronously (the keychain answers later): saved() or failed(message) follows.
    void save();
    void testConnection();
    [[nodiscard]] QString message() const;
    [[nodiscard]] QString probeReport() const;

Q_SIGNALS:
    void saved();
    void failed(const QString &message);
    void probed();

private:
    struct Source {
        SourceDraft draft;
        QString originalName; // the name its keychain entry was saved under; empty for a new source
        QString newSecret;    // typed in this dialog, not saved yet
        bool hadKeychainSecret = false;
    };

    QWidget *buildSourcesTab();
    QWidget *buildProfileTab();
    QWidget *buildNotificationsTab();
    void showSource(int row);
    void readForm(); // the form into m_sources[m_current]
    void updateAuthFields();
    void setMessage(const QString &text, bool error);
    [[nodiscard]] QString checkDraft() const; // what stops a save, or empty
    // The steps of a save: secrets first (the configuration names where they are), then the file.
    void saveSecrets(std::size_t index, std::shared_ptr<std::vector<QString>> failures);
    void writeConfiguration();
    void useSecretFiles();
    [[nodiscard]] SettingsDraft draft() const;
    void showProbe(const std::vector<ProbeAnswer> &answers, const QString &problem);

    QString m_configPath;
    QString m_runningNote;
    SecretStore *m_secrets;
    std::optional<ConfigDocument> m_document;
    SettingsDraft m_base;
    std::vector<Source> m_sources;
    std::vector<QString> m_removedKeychainNames;
    int m_current = -1;
    bool m_saving = false;
    JobRunner *m_jobs;

    QTabWidget *m_tabs;
    QListWidget *m_list;
    QWidget *m_form;
    QLineEdit *m_name, *m_prometheus, *m_alertmanagers, *m_username, *m_secret, *m_caFile, *m_certFile,
        *m_keyFile;
    QSpinBox *m_interval, *m_timeout, *m_amTimeout;
    QComboBox *m_auth;
    QLabel *m_secretWhere;
    QCheckBox *m_tlsVerify;
    QPushButton *m_test;
    QLabel *m_probe;
    QComboBox *m_profile;
    QLineEdit *m_hierarchy, *m_serviceLabel, *m_cachePath;
    QSpinBox *m_retentionDays;
    QTableWidget *m_filters;
    QLabel *m_message;
    QPushButton *m_useFile;
    QPushButton *m_save;
};

} // namespace vigil
