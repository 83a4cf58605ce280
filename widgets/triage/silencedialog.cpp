#include "triage/silencedialog.h"

#include "fleet/silencematch.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace vigil {

SilenceDialog::SilenceDialog(FleetSnapshotPtr snapshot, const std::vector<SilenceMatcher> &matchers,
                             const QString &comment, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(std::move(snapshot))
    , m_matchers(new QLineEdit(QString::fromStdString(formatMatchers(matchers))))
    , m_duration(new QComboBox)
    , m_author(new QLineEdit(defaultAuthor()))
    , m_comment(new QLineEdit(comment))
    , m_preview(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
    setWindowTitle(tr("Silence alerts"));
    const std::pair<QString, int> durations[] = {{tr("15 minutes"), 15}, {tr("1 hour"), 60},
                                                 {tr("2 hours"), 120},   {tr("4 hours"), 240},
                                                 {tr("1 day"), 1440},    {tr("3 days"), 4320}};
    for (const auto &[title, minutes] : durations)
        m_duration->addItem(title, minutes);
    m_duration->setCurrentIndex(2);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create silence"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Matchers"), m_matchers);
    form->addRow(tr("Duration"), m_duration);
    form->addRow(tr("Author"), m_author);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(m_preview);
    form->addRow(m_buttons);
    m_preview->setWordWrap(true);
    m_matchers->setMinimumWidth(520);
    connect(m_matchers, &QLineEdit::textChanged, this, &SilenceDialog::update);
    connect(m_author, &QLineEdit::textChanged, this, &SilenceDialog::update);
    connect(m_comment, &QLineEdit::textChanged, this, &SilenceDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

QString SilenceDialog::defaultAuthor() {
    QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("vigil") : user;
}

void SilenceDialog::update() {
    std::string error;
    const bool ok = parseMatchers(m_matchers->text().toStdString(), &m_parsed, &error);
    m_count = ok && m_snapshot ? countActiveMatches(m_snapshot->alerts, m_parsed) : 0;
    if (!ok)
        m_preview->setText(tr("Matchers: %1").arg(QString::fromStdString(error)));
    else
        m_preview->setText(
            tr("This silence will match %1 active alert(s) now.").arg(QLocale().toString(m_count)));
    m_preview->setStyleSheet(ok ? QString() : QStringLiteral("color: #c03030;"));
    const bool complete =
        ok && !m_author->text().trimmed().isEmpty() && !m_comment->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete);
}

void SilenceDialog::editSilence(const Silence &silence) {
    m_editId = silence.id;
    setWindowTitle(tr("Edit silence %1").arg(QString::fromStdString(silence.id)));
    m_matchers->setText(QString::fromStdString(formatMatchers(silence.matchers)));
    m_comment->setText(QString::fromStdString(silence.comment));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Update silence"));
    update();
}

Silence SilenceDialog::silence() const {
    Silence s;
    s.id = m_editId;
    s.matchers = m_parsed;
    s.startsAt = nowMs();
    s.endsAt = s.startsAt + static_cast<TimeMs>(m_duration->currentData().toInt()) * 60'000;
    s.createdBy = m_author->text().trimmed().toStdString();
    s.comment = m_comment->text().trimmed().toStdString();
    return s;
}

} // namespace vigil
