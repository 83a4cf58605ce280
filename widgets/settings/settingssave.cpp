// SettingsDialog's save: what stops it, the secrets (the keychain, or a file only the user reads), then
// the user's configuration, written whole or not at all.
#include "settings/settingsdialog.h"

#include "config/secrets.h"
#include "triage/incidentnotifier.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>

#include <set>

namespace vigil {

QString SettingsDialog::checkDraft() const {
    if (m_sources.empty())
        return tr("Add a source: Vigil needs a Prometheus, an Alertmanager, or both to watch.");
    std::set<std::string> names;
    for (const auto &s : m_sources) {
        const QString name = QString::fromStdString(s.draft.name);
        if (s.draft.name.empty())
            return tr("Every source needs a name.");
        if (!names.insert(s.draft.name).second)
            return tr("Two sources are named \"%1\".").arg(name);
        if (s.draft.prometheus.empty() && s.draft.alertmanagers.empty())
            return tr("Source \"%1\": give a Prometheus URL, an Alertmanager URL, or both.").arg(name);
        if (s.draft.auth == SourceDraft::Auth::Basic && s.draft.username.empty())
            return tr("Source \"%1\": basic authentication needs a user name.").arg(name);
        if (s.draft.auth != SourceDraft::Auth::None && s.draft.secretAt == SourceDraft::SecretAt::Keychain &&
            s.newSecret.isEmpty() && !s.hadKeychainSecret)
            return tr("Source \"%1\": type its token or password.").arg(name);
        if (s.draft.certFile.empty() != s.draft.keyFile.empty())
            return tr("Source \"%1\": a client certificate needs both its file and its key.").arg(name);
    }
    return {};
}

void SettingsDialog::save() {
    if (m_saving || !m_document)
        return;
    readForm();
    if (const QString problem = checkDraft(); !problem.isEmpty()) {
        setMessage(problem, true);
        Q_EMIT failed(problem);
        return;
    }
    m_saving = true;
    m_save->setEnabled(false);
    m_useFile->hide();
    setMessage(tr("Saving…"), false);
    saveSecrets(0, std::make_shared<std::vector<QString>>());
}

// One source at a time, each step continuing in the keychain's answer: a typed secret is written under
// the source's name; a renamed source's stored secret moves to its new name.
void SettingsDialog::saveSecrets(std::size_t index, std::shared_ptr<std::vector<QString>> failures) {
    if (index >= m_sources.size()) {
        for (const auto &name : m_removedKeychainNames) // a removed source's secret goes with it
            m_secrets->remove(SecretStore::keyFor(name.toStdString()), this,
                              [](const SecretStore::Outcome &) {});
        m_removedKeychainNames.clear();
        if (failures->empty()) {
            writeConfiguration();
            return;
        }
        m_saving = false;
        m_save->setEnabled(true);
        const QString text =
            tr("The system keychain did not store the secrets of %1. Nothing was saved. You "
               "can keep them in a file only you can read instead.")
                .arg(QStringList(failures->begin(), failures->end()).join(QStringLiteral("; ")));
        setMessage(text, true);
        m_useFile->show();
        Q_EMIT failed(text);
        return;
    }
    Source &s = m_sources[index];
    const auto next = [this, index, failures] { saveSecrets(index + 1, failures); };
    const QString key = SecretStore::keyFor(s.draft.name);
    const QString name = QString::fromStdString(s.draft.name);
    if (s.draft.auth == SourceDraft::Auth::None) {
        next();
        return;
    }
    if (s.draft.secretAt == SourceDraft::SecretAt::File && !s.newSecret.isEmpty()) {
        QString error;
        if (!secrets::writeSecretFile(QString::fromStdString(s.draft.secretFile), s.newSecret, &error))
            failures->push_back(QStringLiteral("\"%1\" (%2)").arg(name, error));
        next();
        return;
    }
    if (s.draft.secretAt != SourceDraft::SecretAt::Keychain) {
        next();
        return;
    }
    if (!s.newSecret.isEmpty()) {
        m_secrets->write(key, s.newSecret, this, [failures, name, next](const SecretStore::Outcome &o) {
            if (!o.ok)
                failures->push_back(QStringLiteral("\"%1\" (%2)").arg(name, o.error));
            next();
        });
        return;
    }
    if (s.hadKeychainSecret && s.originalName != name) {
        const QString oldKey = SecretStore::keyFor(s.originalName.toStdString());
        m_secrets->read(
            oldKey, this, [this, key, oldKey, name, failures, next](const SecretStore::Outcome &r) {
                if (!r.ok) {
                    failures->push_back(QStringLiteral("\"%1\" (%2)").arg(name, r.error));
                    next();
                    return;
                }
                m_secrets->write(
                    key, r.value, this, [this, oldKey, name, failures, next](const SecretStore::Outcome &w) {
                        if (w.ok)
                            m_secrets->remove(oldKey, this, [](const SecretStore::Outcome &) {});
                        else
                            failures->push_back(QStringLiteral("\"%1\" (%2)").arg(name, w.error));
                        next();
                    });
            });
        return;
    }
    next();
}

void SettingsDialog::writeConfiguration() {
    m_saving = false;
    m_save->setEnabled(true);
    ConfigDocument document = *m_document;
    document.apply(draft());
    ConfigError error;
    if (!document.check(&error)) {
        const QString text = QString::fromStdString(error.toString());
        setMessage(text, true);
        Q_EMIT failed(text);
        return;
    }
    QDir().mkpath(QFileInfo(m_configPath).absolutePath());
    QSaveFile file(m_configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(document.text())) < 0 ||
        !file.commit()) {
        const QString text = tr("Cannot write %1: %2").arg(m_configPath, file.errorString());
        setMessage(text, true);
        Q_EMIT failed(text);
        return;
    }
    m_document = document;
    for (auto &s : m_sources) {
        s.hadKeychainSecret =
            s.draft.auth != SourceDraft::Auth::None && s.draft.secretAt == SourceDraft::SecretAt::Keychain;
        s.originalName = QString::fromStdString(s.draft.name);
        s.newSecret.clear();
    }
    auto filters = IncidentNotifier::loadFilters();
    for (int row = 0; row < m_filters->rowCount(); ++row)
        for (auto &f : filters)
            if (f.name == m_filters->item(row, 0)->text()) {
                f.notify = m_filters->item(row, 2)->checkState() == Qt::Checked;
                f.sound = m_filters->item(row, 3)->checkState() == Qt::Checked;
            }
    IncidentNotifier::storeFilters(filters);
    setMessage(tr("Saved."), false);
    Q_EMIT saved();
    accept();
}

void SettingsDialog::useSecretFiles() {
    for (auto &s : m_sources)
        if (s.draft.auth != SourceDraft::Auth::None && s.draft.secretAt == SourceDraft::SecretAt::Keychain &&
            !s.newSecret.isEmpty()) {
            s.draft.secretAt = SourceDraft::SecretAt::File;
            s.draft.secretFile = secrets::secretFileFor(m_configPath, s.draft.name).toStdString();
        }
    m_useFile->hide();
    showSource(m_current);
    save();
}

} // namespace vigil
