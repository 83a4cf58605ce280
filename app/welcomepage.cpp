#include "welcomepage.h"

#include "settings/settingsdialog.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vigil {

QString WelcomePage::userConfigPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("vigil/vigil.yaml"));
}

WelcomePage::WelcomePage(QString configPath, SecretStore *secrets, QWidget *parent)
    : QWidget(parent)
    , m_configPath(std::move(configPath))
    , m_secrets(secrets) {
    setWindowTitle(tr("Welcome to Vigil"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);
    auto *head = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(QSize(64, 64)));
    head->addWidget(icon);
    auto *title = new QLabel(tr("Welcome to Vigil"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    head->addWidget(title, 1);
    layout->addLayout(head);
    auto *intro =
        new QLabel(tr("Vigil watches a server fleet through Prometheus and Alertmanager: alert storms "
                      "folded into incidents with their probable cause, load, drift and topology. "
                      "Nothing is configured yet; choose how to start."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *demo = new QPushButton(tr("Start the demo: a simulated fleet of 2,000 hosts"), this);
    demo->setObjectName(QStringLiteral("startDemo"));
    connect(demo, &QPushButton::clicked, this, [this] { Q_EMIT startRequested({QStringLiteral("--demo")}); });
    layout->addWidget(demo);

    auto *add = new QPushButton(tr("Add a Prometheus and Alertmanager…"), this);
    add->setObjectName(QStringLiteral("addSource"));
    connect(add, &QPushButton::clicked, this, &WelcomePage::openSettings);
    layout->addWidget(add);
    auto *where =
        new QLabel(tr("Saved to %1; the next start of Vigil uses it. Tokens and passwords go to the "
                      "system keychain. Files given with --config are never changed.")
                       .arg(QDir::toNativeSeparators(m_configPath)),
                   this);
    where->setWordWrap(true);
    layout->addWidget(where);

    auto *open = new QPushButton(tr("Open an incident snapshot…"), this);
    open->setObjectName(QStringLiteral("openSnapshot"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an incident snapshot"), QString(),
                                                          tr("Vigil snapshots (*.vigil);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT startRequested({path});
    });
    layout->addWidget(open);
    layout->addStretch(1);
}

SettingsDialog *WelcomePage::openSettings() {
    auto *dialog = new SettingsDialog(m_configPath, m_secrets, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this] { Q_EMIT startRequested({}); });
    dialog->open();
    return dialog;
}

} // namespace vigil
