#include "welcomepage.h"

#include "config/config.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vigil {

namespace {

// A YAML double-quoted scalar.
QString quoted(const QString &s) {
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

QString WelcomePage::userConfigPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("vigil/vigil.yaml"));
}

WelcomePage::WelcomePage(QString configPath, QWidget *parent)
    : QWidget(parent)
    , m_configPath(std::move(configPath)) {
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

    auto *box = new QGroupBox(tr("Watch your Prometheus and Alertmanager"), this);
    auto *form = new QFormLayout(box);
    m_prometheus = new QLineEdit(box);
    m_prometheus->setPlaceholderText(QStringLiteral("http://prometheus.example:9090"));
    m_prometheus->setAccessibleName(tr("Prometheus URL"));
    form->addRow(tr("Prometheus URL"), m_prometheus);
    m_alertmanagers = new QLineEdit(box);
    m_alertmanagers->setPlaceholderText(
        QStringLiteral("http://alertmanager-0:9093, http://alertmanager-1:9093"));
    m_alertmanagers->setAccessibleName(tr("Alertmanager URLs"));
    form->addRow(tr("Alertmanager URLs (comma-separated, optional)"), m_alertmanagers);
    m_interval = new QSpinBox(box);
    m_interval->setRange(1, 3600);
    m_interval->setValue(15);
    m_interval->setSuffix(tr(" s"));
    m_interval->setAccessibleName(tr("Poll interval"));
    form->addRow(tr("Poll every"), m_interval);
    auto *save = new QPushButton(tr("Save and watch"), box);
    save->setObjectName(QStringLiteral("saveSource"));
    save->setDefault(true);
    connect(save, &QPushButton::clicked, this, [this] {
        if (saveSource())
            Q_EMIT startRequested({});
    });
    form->addRow(QString(), save);
    auto *where = new QLabel(tr("Saved to %1; the next start of Vigil uses it. Files given with --config are "
                                "never changed.")
                                 .arg(QDir::toNativeSeparators(m_configPath)),
                             box);
    where->setWordWrap(true);
    form->addRow(where);
    layout->addWidget(box);

    auto *open = new QPushButton(tr("Open an incident snapshot…"), this);
    open->setObjectName(QStringLiteral("openSnapshot"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open an incident snapshot"), QString(),
                                                          tr("Vigil snapshots (*.vigil);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT startRequested({path});
    });
    layout->addWidget(open);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_message);
    layout->addStretch(1);
}

void WelcomePage::setSource(const QString &prometheus, const QString &alertmanagers, int intervalSeconds) {
    m_prometheus->setText(prometheus);
    m_alertmanagers->setText(alertmanagers);
    m_interval->setValue(intervalSeconds);
}

QString WelcomePage::message() const {
    return m_message->text();
}

bool WelcomePage::saveSource() {
    const QString prometheus = m_prometheus->text().trimmed();
    QStringList alertmanagers;
    for (const auto &u : m_alertmanagers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!u.trimmed().isEmpty())
            alertmanagers << u.trimmed();
    if (prometheus.isEmpty() && alertmanagers.isEmpty()) {
        m_message->setText(tr("Give a Prometheus URL, an Alertmanager URL, or both."));
        return false;
    }
    QString yaml = QStringLiteral("# Written by Vigil's welcome page.\nsources:\n  - name: default\n");
    if (!prometheus.isEmpty())
        yaml += QStringLiteral("    prometheus: %1\n").arg(quoted(prometheus));
    if (!alertmanagers.isEmpty()) {
        QStringList q;
        for (const auto &u : alertmanagers)
            q << quoted(u);
        yaml += QStringLiteral("    alertmanagers: [%1]\n").arg(q.join(QStringLiteral(", ")));
    }
    yaml += QStringLiteral("    interval: %1s\n").arg(m_interval->value());
    // What the loader refuses (a URL without a scheme, say) is said here, and nothing is written.
    ConfigError err;
    if (!ConfigLoader::loadString(yaml.toStdString(), m_configPath.toStdString(), &err)) {
        m_message->setText(QString::fromStdString(err.toString()));
        return false;
    }
    QDir().mkpath(QFileInfo(m_configPath).absolutePath());
    QSaveFile f(m_configPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(yaml.toUtf8()) < 0 || !f.commit()) {
        m_message->setText(tr("Cannot write %1: %2").arg(m_configPath, f.errorString()));
        return false;
    }
    m_message->clear();
    return true;
}

} // namespace vigil
