// SettingsDialog's Test connection: the form's source, checked as `vigil` checks it at start, asked on a
// worker (sources/connectionprobe.h), and what answered said under the button.
#include "settings/settingsdialog.h"

#include "config/secrets.h"
#include "support/jobrunner.h"

#include <QLabel>
#include <QPushButton>

namespace vigil {

void SettingsDialog::testConnection() {
    readForm();
    if (m_current < 0 || m_current >= int(m_sources.size()))
        return;
    const Source &s = m_sources[std::size_t(m_current)];
    // The source as `vigil` would read it: the same checks (URLs, readable TLS files), its secret added.
    // The whole document with this one source: the profile (its inventory query) is the one saved.
    SettingsDraft one = draft();
    one.sources = {s.draft};
    if (one.sources.front().secretAt == SourceDraft::SecretAt::File && !s.newSecret.isEmpty())
        one.sources.front().secretAt = SourceDraft::SecretAt::Keychain; // the typed one is tested
    ConfigDocument document =
        m_document ? *m_document : *ConfigDocument::fromString({}, m_configPath.toStdString(), nullptr);
    document.apply(one);
    ConfigError error;
    auto config = document.check(&error);
    if (!config) {
        showProbe({}, QString::fromStdString(error.toString()));
        return;
    }
    SourceConfig source = config->sources.front();
    const std::string upQuery = config->profile.upQuery;
    m_test->setEnabled(false);
    m_probe->setText(tr("Asking…"));
    const auto run = [this, upQuery](SourceConfig source) {
        m_jobs->run(
            JobRunner::Pool::Bulk, QStringLiteral("probe"), "connection test", this,
            [source, upQuery](const CancelToken &token) {
                return probeSource(source, upQuery, [token] { return token.cancelled(); });
            },
            [this](std::vector<ProbeAnswer> answers) { showProbe(answers, {}); });
    };
    auto &secret = source.auth.username.empty() ? source.auth.bearerToken : source.auth.password;
    if (!s.newSecret.isEmpty()) {
        secret = s.newSecret.toStdString();
        run(source);
    } else if (source.secretInKeychain && s.hadKeychainSecret) {
        m_secrets->read(SecretStore::keyFor(s.originalName.toStdString()), this,
                        [this, source, run](const SecretStore::Outcome &o) mutable {
                            if (!o.ok) {
                                showProbe({},
                                          tr("The system keychain did not give the secret: %1").arg(o.error));
                                return;
                            }
                            (source.auth.username.empty() ? source.auth.bearerToken : source.auth.password) =
                                o.value.toStdString();
                            run(source);
                        });
    } else {
        run(source);
    }
}

void SettingsDialog::showProbe(const std::vector<ProbeAnswer> &answers, const QString &problem) {
    m_test->setEnabled(true);
    QStringList lines;
    if (!problem.isEmpty())
        lines << QStringLiteral("<span style='color:#b00020'>%1</span>").arg(problem.toHtmlEscaped());
    for (const auto &a : answers) {
        const QString server =
            a.server == ProbeAnswer::Server::Prometheus ? tr("Prometheus") : tr("Alertmanager");
        const QString url = QString::fromStdString(a.url).toHtmlEscaped();
        if (!a.ok) {
            lines << QStringLiteral("<span style='color:#b00020'>✘ %1</span>")
                         .arg(tr("%1 at %2 did not answer: %3")
                                  .arg(server, url, QString::fromStdString(a.error).toHtmlEscaped()));
            continue;
        }
        QStringList parts;
        parts << (a.version.empty() ? tr("version not given")
                                    : tr("version %1").arg(QString::fromStdString(a.version)))
              << tr("%L1 ms").arg(a.latencyMs, 0, 'f', 0);
        if (a.targets >= 0)
            parts << (a.targetsUp >= 0 ? tr("%Ln target(s), %L1 up", nullptr, int(a.targets)).arg(a.targetsUp)
                                       : tr("%Ln target(s)", nullptr, int(a.targets)));
        if (!a.cluster.empty())
            parts << tr("cluster %1, %Ln peer(s)", nullptr, a.peers).arg(QString::fromStdString(a.cluster));
        QString line = QStringLiteral("✔ %1").arg(
            tr("%1 at %2: %3").arg(server, url, parts.join(QStringLiteral(", ")).toHtmlEscaped()));
        if (!a.error.empty())
            line += QStringLiteral(" <i>(%1)</i>").arg(QString::fromStdString(a.error).toHtmlEscaped());
        lines << line;
    }
    m_probe->setText(lines.join(QStringLiteral("<br>")));
    Q_EMIT probed();
}

} // namespace vigil
