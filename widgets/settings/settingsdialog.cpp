#include "settings/settingsdialog.h"

#include "common/format.h"
#include "support/jobrunner.h"
#include "triage/incidentnotifier.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace vigil {

namespace {

QStringList splitList(const QString &text) {
    QStringList out;
    for (const auto &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

std::vector<std::string> toStd(const QStringList &list) {
    std::vector<std::string> out;
    for (const auto &s : list)
        out.push_back(s.toStdString());
    return out;
}

QString joined(const std::vector<std::string> &list) {
    QStringList out;
    for (const auto &s : list)
        out << QString::fromStdString(s);
    return out.join(QStringLiteral(", "));
}

QSpinBox *secondsBox(QWidget *parent, int max, const QString &accessible) {
    auto *box = new QSpinBox(parent);
    box->setRange(1, max);
    box->setSuffix(QCoreApplication::translate("SettingsDialog", " s"));
    box->setAccessibleName(accessible);
    return box;
}

// A line edit for a file with a "Browse…" button beside it.
QWidget *fileRow(QLineEdit *edit, QWidget *parent, const QString &title) {
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(QCoreApplication::translate("SettingsDialog", "Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, title] {
        const QString path = QFileDialog::getOpenFileName(edit->window(), title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(browse);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(QString configPath, SecretStore *secrets, QString runningNote, QWidget *parent)
    : QDialog(parent)
    , m_configPath(std::move(configPath))
    , m_runningNote(std::move(runningNote))
    , m_secrets(secrets)
    , m_jobs(new JobRunner(this)) {
    setWindowTitle(tr("Vigil settings"));
    ConfigError error;
    m_document = ConfigDocument::load(m_configPath.toStdString(), &error);
    if (m_document)
        m_base = m_document->draft();
    for (const auto &d : m_base.sources) {
        Source s;
        s.draft = d;
        s.originalName = QString::fromStdString(d.name);
        s.hadKeychainSecret =
            d.auth != SourceDraft::Auth::None && d.secretAt == SourceDraft::SecretAt::Keychain;
        m_sources.push_back(std::move(s));
    }

    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildSourcesTab(), tr("Sources"));
    m_tabs->addTab(buildProfileTab(), tr("Profile and cache"));
    m_tabs->addTab(buildNotificationsTab(), tr("Notifications"));
    layout->addWidget(m_tabs, 1);

    auto *where = new QLabel(this);
    where->setWordWrap(true);
    QString whereText = tr("Saved to %1. Vigil uses the new settings the next time it starts.")
                            .arg(QDir::toNativeSeparators(m_configPath));
    if (!m_runningNote.isEmpty())
        whereText += QLatin1Char(' ') + m_runningNote;
    where->setText(whereText);
    layout->addWidget(where);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_useFile = new QPushButton(tr("Keep these secrets in a file only you can read"), this);
    m_useFile->setObjectName(QStringLiteral("useSecretFile"));
    m_useFile->hide();
    connect(m_useFile, &QPushButton::clicked, this, &SettingsDialog::useSecretFiles);
    layout->addWidget(m_useFile, 0, Qt::AlignLeft);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveSettings"));
    connect(m_save, &QPushButton::clicked, this, &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (!m_document) {
        // Never write over a file the operator can still fix.
        setMessage(tr("Your configuration cannot be read, so the settings do not write over it: %1")
                       .arg(QString::fromStdString(error.toString())),
                   true);
        m_save->setEnabled(false);
    }
    if (m_sources.empty())
        addSource();
    else
        m_list->setCurrentRow(0);
    resize(860, 620);
}

SettingsDialog::~SettingsDialog() = default;

QWidget *SettingsDialog::buildSourcesTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QHBoxLayout(tab);
    auto *left = new QVBoxLayout;
    m_list = new QListWidget(tab);
    m_list->setAccessibleName(tr("Sources"));
    m_list->setMaximumWidth(180);
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), tab);
    add->setObjectName(QStringLiteral("addSource"));
    auto *remove = new QPushButton(tr("Remove"), tab);
    remove->setObjectName(QStringLiteral("removeSource"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    left->addLayout(buttons);
    layout->addLayout(left);
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addSource);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeSource);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        readForm();
        showSource(row);
    });
    for (const auto &s : m_sources)
        m_list->addItem(QString::fromStdString(s.draft.name));

    m_form = new QWidget(tab);
    auto *form = new QFormLayout(m_form);
    const auto line = [this](const char *name, const QString &accessible, const QString &placeholder = {}) {
        auto *e = new QLineEdit(m_form);
        e->setObjectName(QString::fromLatin1(name));
        e->setAccessibleName(accessible);
        e->setPlaceholderText(placeholder);
        return e;
    };
    m_name = line("name", tr("Name"));
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (auto *item = m_list->currentItem())
            item->setText(text);
    });
    form->addRow(tr("Name"), m_name);
    m_prometheus =
        line("prometheus", tr("Prometheus URL"), QStringLiteral("https://prometheus.example:9090"));
    form->addRow(tr("Prometheus URL"), m_prometheus);
    m_alertmanagers = line("alertmanagers", tr("Alertmanager URLs"),
                           QStringLiteral("http://alertmanager-0:9093, http://alertmanager-1:9093"));
    form->addRow(tr("Alertmanager URLs (comma-separated)"), m_alertmanagers);
    m_interval = secondsBox(m_form, 3600, tr("Poll interval"));
    form->addRow(tr("Poll every"), m_interval);
    m_timeout = secondsBox(m_form, 600, tr("Prometheus timeout"));
    form->addRow(tr("Prometheus timeout"), m_timeout);
    m_amTimeout = secondsBox(m_form, 600, tr("Alertmanager timeout"));
    form->addRow(tr("Alertmanager timeout"), m_amTimeout);

    m_auth = new QComboBox(m_form);
    m_auth->setObjectName(QStringLiteral("auth"));
    m_auth->setAccessibleName(tr("Authentication"));
    m_auth->addItem(tr("None"), int(SourceDraft::Auth::None));
    m_auth->addItem(tr("Bearer token"), int(SourceDraft::Auth::Bearer));
    m_auth->addItem(tr("Basic authentication"), int(SourceDraft::Auth::Basic));
    connect(m_auth, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateAuthFields);
    form->addRow(tr("Authentication"), m_auth);
    m_username = line("username", tr("User name"));
    form->addRow(tr("User name"), m_username);
    m_secret = line("secret", tr("Token or password"));
    m_secret->setEchoMode(QLineEdit::Password);
    connect(m_secret, &QLineEdit::textEdited, this, [this](const QString &text) {
        // A typed secret goes to the keychain, wherever the old one was.
        if (m_current >= 0 && m_current < int(m_sources.size()) && !text.isEmpty())
            m_sources[std::size_t(m_current)].draft.secretAt = SourceDraft::SecretAt::Keychain;
    });
    form->addRow(tr("Token or password"), m_secret);
    m_secretWhere = new QLabel(m_form);
    m_secretWhere->setWordWrap(true);
    form->addRow(QString(), m_secretWhere);

    m_tlsVerify = new QCheckBox(tr("Verify the servers' certificates"), m_form);
    m_tlsVerify->setObjectName(QStringLiteral("tlsVerify"));
    form->addRow(tr("TLS"), m_tlsVerify);
    m_caFile = line("caFile", tr("CA certificates file"), tr("The system's CA certificates"));
    form->addRow(tr("CA certificates"), fileRow(m_caFile, m_form, tr("CA certificates (PEM)")));
    m_certFile = line("certFile", tr("Client certificate file"), tr("None"));
    form->addRow(tr("Client certificate"), fileRow(m_certFile, m_form, tr("Client certificate (PEM)")));
    m_keyFile = line("keyFile", tr("Client key file"), tr("None"));
    form->addRow(tr("Client key"), fileRow(m_keyFile, m_form, tr("Client key (PEM)")));

    m_test = new QPushButton(tr("Test connection"), m_form);
    m_test->setObjectName(QStringLiteral("testConnection"));
    connect(m_test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    form->addRow(QString(), m_test);
    m_probe = new QLabel(m_form);
    m_probe->setObjectName(QStringLiteral("probeReport"));
    m_probe->setWordWrap(true);
    m_probe->setTextFormat(Qt::RichText);
    m_probe->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_probe);
    layout->addWidget(m_form, 1);
    return tab;
}

QWidget *SettingsDialog::buildProfileTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *profileBox = new QGroupBox(tr("What Vigil asks Prometheus"), tab);
    auto *form = new QFormLayout(profileBox);
    m_profile = new QComboBox(profileBox);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setAccessibleName(tr("Query profile"));
    m_profile->addItem(tr("Linux hosts with node_exporter"), QStringLiteral("node_exporter"));
    m_profile->addItem(tr("Kubernetes nodes (kube-prometheus)"), QStringLiteral("kubernetes"));
    if (m_base.profile.empty())
        m_profile->addItem(tr("The profile written in the configuration file"), QString());
    const int at = m_profile->findData(QString::fromStdString(m_base.profile));
    m_profile->setCurrentIndex(at < 0 ? 0 : at);
    form->addRow(tr("Query profile"), m_profile);
    m_hierarchy = new QLineEdit(joined(m_base.hierarchy), profileBox);
    m_hierarchy->setObjectName(QStringLiteral("hierarchy"));
    m_hierarchy->setAccessibleName(tr("Topology labels"));
    form->addRow(tr("Topology labels, outermost first"), m_hierarchy);
    m_serviceLabel = new QLineEdit(QString::fromStdString(m_base.serviceLabel), profileBox);
    m_serviceLabel->setObjectName(QStringLiteral("serviceLabel"));
    m_serviceLabel->setAccessibleName(tr("Service label"));
    form->addRow(tr("Service label"), m_serviceLabel);
    const auto placeholders = [this] {
        const bool k8s = m_profile->currentData().toString() == QLatin1String("kubernetes");
        m_hierarchy->setPlaceholderText(k8s ? QStringLiteral("region, zone")
                                            : QStringLiteral("region, zone, rack"));
        m_serviceLabel->setPlaceholderText(k8s ? QStringLiteral("workload") : QStringLiteral("service"));
    };
    connect(m_profile, &QComboBox::currentIndexChanged, this, placeholders);
    placeholders();
    layout->addWidget(profileBox);

    auto *cacheBox = new QGroupBox(tr("Cache"), tab);
    auto *cacheForm = new QFormLayout(cacheBox);
    m_cachePath = new QLineEdit(QString::fromStdString(m_base.cachePath), cacheBox);
    m_cachePath->setObjectName(QStringLiteral("cachePath"));
    m_cachePath->setAccessibleName(tr("Cache file"));
    m_cachePath->setPlaceholderText(tr("In the desktop's cache folder"));
    cacheForm->addRow(tr("Cache file"), m_cachePath);
    m_retentionDays = new QSpinBox(cacheBox);
    m_retentionDays->setObjectName(QStringLiteral("retentionDays"));
    m_retentionDays->setAccessibleName(tr("Keep history for"));
    m_retentionDays->setRange(1, 400);
    m_retentionDays->setValue(int(std::max<std::int64_t>(1, m_base.retentionMs / 86'400'000)));
    m_retentionDays->setSuffix(tr(" days"));
    cacheForm->addRow(tr("Keep history for"), m_retentionDays);
    auto *note =
        new QLabel(tr("The last 24 hours are kept at full resolution, older history downsampled."), cacheBox);
    note->setWordWrap(true);
    cacheForm->addRow(note);
    // How much the cache holds now, and where (with SQLite's write-ahead log).
    auto *size = new QLabel(cacheBox);
    size->setObjectName(QStringLiteral("cacheSize"));
    size->setWordWrap(true);
    const auto showSize = [size, this] {
        QString path = m_cachePath->text().trimmed();
        if (path.isEmpty())
            path = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                   QStringLiteral("/cache.sqlite");
        const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
        size->setText(QFileInfo::exists(path) ? tr("Now %1, in %2.").arg(format::bytes(double(bytes)), path)
                                              : tr("Not created yet: %1.").arg(path));
    };
    connect(m_cachePath, &QLineEdit::editingFinished, this, showSize);
    showSize();
    cacheForm->addRow(size);
    layout->addWidget(cacheBox);
    layout->addStretch(1);
    return tab;
}

QWidget *SettingsDialog::buildNotificationsTab() {
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *intro =
        new QLabel(tr("A desktop notification when a new incident matches a saved triage filter. Save "
                      "filters in the triage view with \"Save filter…\"."),
                   tab);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const auto filters = IncidentNotifier::loadFilters();
    m_filters = new QTableWidget(int(filters.size()), 4, tab);
    m_filters->setObjectName(QStringLiteral("notificationFilters"));
    m_filters->setAccessibleName(tr("Saved triage filters"));
    m_filters->setHorizontalHeaderLabels({tr("Filter"), tr("Matches"), tr("Notify"), tr("With a sound")});
    m_filters->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_filters->verticalHeader()->hide();
    for (int row = 0; row < int(filters.size()); ++row) {
        const auto &f = filters[std::size_t(row)];
        auto *name = new QTableWidgetItem(f.name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_filters->setItem(row, 0, name);
        auto *text = new QTableWidgetItem(f.text);
        text->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_filters->setItem(row, 1, text);
        for (const auto &[col, on] : {std::pair{2, f.notify}, std::pair{3, f.sound}}) {
            auto *check = new QTableWidgetItem;
            check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            check->setCheckState(on ? Qt::Checked : Qt::Unchecked);
            m_filters->setItem(row, col, check);
        }
    }
    m_filters->resizeColumnToContents(0);
    layout->addWidget(m_filters, 1);
    if (filters.empty()) {
        auto *none = new QLabel(tr("No saved filters yet."), tab);
        layout->addWidget(none);
    }
    return tab;
}

int SettingsDialog::sourceCount() const {
    return int(m_sources.size());
}

void SettingsDialog::selectSource(int row) {
    m_list->setCurrentRow(row);
}

QLineEdit *SettingsDialog::field(const QString &objectName) const {
    return findChild<QLineEdit *>(objectName);
}

void SettingsDialog::addSource() {
    readForm();
    std::set<std::string> names;
    for (const auto &s : m_sources)
        names.insert(s.draft.name);
    std::string name = m_sources.empty() ? "default" : "source";
    for (int n = 2; names.count(name); ++n)
        name = (m_sources.empty() ? "default-" : "source-") + std::to_string(n);
    Source s;
    s.draft.name = name;
    m_sources.push_back(std::move(s));
    m_current = -1; // the new row's form is shown, not read back into another source
    m_list->addItem(QString::fromStdString(name));
    m_list->setCurrentRow(int(m_sources.size()) - 1);
    m_prometheus->setFocus();
}

void SettingsDialog::removeSource() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= int(m_sources.size()))
        return;
    if (m_sources[std::size_t(row)].hadKeychainSecret)
        m_removedKeychainNames.push_back(m_sources[std::size_t(row)].originalName);
    m_sources.erase(m_sources.begin() + row);
    m_current = -1;
    delete m_list->takeItem(row);
    showSource(m_list->currentRow());
}

void SettingsDialog::showSource(int row) {
    m_current = row;
    m_form->setEnabled(row >= 0 && row < int(m_sources.size()));
    m_probe->clear();
    if (!m_form->isEnabled())
        return;
    const Source &s = m_sources[std::size_t(row)];
    const SourceDraft &d = s.draft;
    m_name->setText(QString::fromStdString(d.name));
    m_prometheus->setText(QString::fromStdString(d.prometheus));
    m_alertmanagers->setText(joined(d.alertmanagers));
    m_interval->setValue(int(std::max<std::int64_t>(1, d.intervalMs / 1000)));
    m_timeout->setValue(int(std::max<std::int64_t>(1, d.timeoutMs / 1000)));
    m_amTimeout->setValue(int(std::max<std::int64_t>(1, d.alertmanagerTimeoutMs / 1000)));
    m_auth->setCurrentIndex(m_auth->findData(int(d.auth)));
    m_username->setText(QString::fromStdString(d.username));
    m_secret->setText(s.newSecret);
    m_tlsVerify->setChecked(d.tlsVerify);
    m_caFile->setText(QString::fromStdString(d.caFile));
    m_certFile->setText(QString::fromStdString(d.certFile));
    m_keyFile->setText(QString::fromStdString(d.keyFile));
    updateAuthFields();
}

void SettingsDialog::readForm() {
    if (m_current < 0 || m_current >= int(m_sources.size()))
        return;
    Source &s = m_sources[std::size_t(m_current)];
    SourceDraft &d = s.draft;
    d.name = m_name->text().trimmed().toStdString();
    d.prometheus = m_prometheus->text().trimmed().toStdString();
    d.alertmanagers = toStd(splitList(m_alertmanagers->text()));
    d.intervalMs = std::int64_t(m_interval->value()) * 1000;
    d.timeoutMs = std::int64_t(m_timeout->value()) * 1000;
    d.alertmanagerTimeoutMs = std::int64_t(m_amTimeout->value()) * 1000;
    d.auth = SourceDraft::Auth(m_auth->currentData().toInt());
    d.username = m_username->text().trimmed().toStdString();
    s.newSecret = m_secret->text();
    d.tlsVerify = m_tlsVerify->isChecked();
    d.caFile = m_caFile->text().trimmed().toStdString();
    d.certFile = m_certFile->text().trimmed().toStdString();
    d.keyFile = m_keyFile->text().trimmed().toStdString();
}

void SettingsDialog::updateAuthFields() {
    const auto auth = SourceDraft::Auth(m_auth->currentData().toInt());
    m_username->setEnabled(auth == SourceDraft::Auth::Basic);
    m_secret->setEnabled(auth != SourceDraft::Auth::None);
    QString where;
    if (auth != SourceDraft::Auth::None && m_current >= 0 && m_current < int(m_sources.size())) {
        const Source &s = m_sources[std::size_t(m_current)];
        switch (s.draft.secretAt) {
        case SourceDraft::SecretAt::Keychain:
            where = s.hadKeychainSecret ? tr("Stored in the system keychain. Type a new one to replace it.")
                                        : tr("Saved to the system keychain, never to a file.");
            break;
        case SourceDraft::SecretAt::File:
            where = tr("Read from %1. Type a new one to keep it in the system keychain instead.")
                        .arg(QString::fromStdString(s.draft.secretFile));
            break;
        case SourceDraft::SecretAt::InConfig:
            where = tr("Written in the configuration file. Type it again to move it to the system keychain.");
            break;
        }
    }
    m_secretWhere->setText(where);
}

void SettingsDialog::setMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
}

QString SettingsDialog::message() const {
    return m_message->text();
}

QString SettingsDialog::probeReport() const {
    return m_probe->text();
}

SettingsDraft SettingsDialog::draft() const {
    SettingsDraft d = m_base;
    d.sources.clear();
    for (const auto &s : m_sources)
        d.sources.push_back(s.draft);
    d.profile = m_profile->currentData().toString().toStdString();
    d.hierarchy = toStd(splitList(m_hierarchy->text()));
    d.serviceLabel = m_serviceLabel->text().trimmed().toStdString();
    d.cachePath = m_cachePath->text().trimmed().toStdString();
    d.retentionMs = std::int64_t(m_retentionDays->value()) * 86'400'000;
    return d;
}

} // namespace vigil
