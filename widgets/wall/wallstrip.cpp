#include "wall/wallstrip.h"

#include "analysis/correlation.h"
#include "common/format.h"
#include "item/incidentmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>

namespace vigil {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(WallStrip)
};

// Severity by shape and word as well as colour (a wall is read by people who cannot tell red from
// green).
QString severityGlyph(int severity) {
    return severity >= 2 ? QStringLiteral("▲") : severity == 1 ? QStringLiteral("◆") : QStringLiteral("●");
}

QString severityColor(int severity) {
    return severity >= 2   ? QStringLiteral("#ff6b6b")
           : severity == 1 ? QStringLiteral("#ffc14d")
                           : QStringLiteral("#8fb8ff");
}

QString coloured(const QString &text, const QString &color) {
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(color, text.toHtmlEscaped());
}

// "prometheus: connection refused — last good data 4 min ago"
QString staleSource(const SourceHealth &src, TimeMs now) {
    const QString id = QString::fromStdString(src.id);
    const QString why = !src.lastError.empty() ? QString::fromStdString(src.lastError) : Tr::tr("no answer");
    if (src.lastSuccess == 0)
        return src.lastAttempt == 0 ? Tr::tr("%1: waiting for a first answer").arg(id)
                                    : Tr::tr("%1: %2 — never answered").arg(id, why);
    return Tr::tr("%1: %2 — last good data %3").arg(id, why, format::age(src.lastSuccess, now));
}
} // namespace

WallHeadline wallHeadline(const FleetSnapshot *snap, TimeMs now) {
    WallHeadline h;
    if (!snap) {
        h.incidents = Tr::tr("Waiting for the fleet…");
        h.stale = true;
        h.staleText = Tr::tr("DATA STALE — no data yet");
        return h;
    }
    const analysis::Incident *top = nullptr;
    if (snap->triage) {
        for (const auto &inc : snap->triage->incidents) {
            if (inc.active == 0)
                continue;                              // silenced or inhibited throughout: someone has it
            const int rank = analysis::urgencyOf(inc); // as triage ranks it
            (rank >= 2 ? h.critical : rank == 1 ? h.warning : h.info)++;
            if (!top || (snap->ack(inc.key) == nullptr && snap->ack(top->key) != nullptr))
                top = &inc; // ranked already: the first, unless it is acknowledged and another is not
        }
    }
    QStringList counts;
    if (h.critical)
        counts << coloured(Tr::tr("▲ %n CRITICAL", nullptr, h.critical), severityColor(2));
    if (h.warning)
        counts << coloured(Tr::tr("◆ %n WARNING", nullptr, h.warning), severityColor(1));
    if (h.info)
        counts << coloured(Tr::tr("● %n info", nullptr, h.info), severityColor(0));
    if (counts.isEmpty())
        h.incidents = snap->summary.watching
                          ? coloured(Tr::tr("✓ No open incidents"), QStringLiteral("#6ee28a"))
                          : QStringLiteral("<span style='color:#ffc14d'>%1</span>")
                                .arg(IncidentModel::noAlertsTitle(snap)); // rich text already
    else
        h.incidents = counts.join(QStringLiteral("&nbsp;&nbsp;"));
    if (top) {
        h.topKey = QString::fromStdString(top->key);
        h.topSeverity = analysis::urgencyOf(*top);
        h.topCause = severityGlyph(h.topSeverity) + QLatin1Char(' ') + IncidentModel::causeTitle(*top) +
                     QStringLiteral(" — ") + IncidentModel::reason(*top);
        if (snap->ack(top->key))
            h.topCause += QLatin1Char(' ') + Tr::tr("(acknowledged)");
    }

    const int total = static_cast<int>(snap->hosts.size());
    const int down = snap->summary.hostsDown;
    h.hosts = Tr::tr("%1 up").arg(QLocale().toString(total - down));
    if (down > 0)
        h.hosts += QStringLiteral(" · ") +
                   coloured(Tr::tr("▼ %1 DOWN").arg(QLocale().toString(down)), severityColor(2));

    TimeMs oldest = 0;
    QStringList staleParts;
    for (const auto &src : snap->sources) {
        WallHeadline::Source s;
        const QString id = QString::fromStdString(src.id);
        if (src.isStale(now) || !src.lastError.empty()) {
            const bool waiting = src.lastAttempt == 0 || (src.lastSuccess == 0 && src.lastError.empty());
            s.state = waiting ? 1 : 2;
            s.text = (waiting ? QStringLiteral("… ") : QStringLiteral("✗ ")) + id;
            if (src.isStale(now))
                staleParts << staleSource(src, now);
        } else {
            s.text = QStringLiteral("✓ ") + id;
        }
        h.sources.push_back(s);
        if (src.lastSuccess > 0 && (oldest == 0 || src.lastSuccess < oldest))
            oldest = src.lastSuccess;
    }
    h.age = oldest > 0 ? Tr::tr("data %1").arg(format::age(oldest, now)) : Tr::tr("no data yet");
    if (snap->fromCache && !snap->hosts.empty())
        staleParts.prepend(Tr::tr("showing the cached fleet, no poll has landed yet"));
    h.stale = !staleParts.isEmpty();
    if (h.stale)
        h.staleText = Tr::tr("DATA STALE — %1").arg(staleParts.join(QStringLiteral(" · ")));
    return h;
}

WallStrip::WallStrip(QWidget *parent)
    : QWidget(parent)
    , m_incidents(new QLabel)
    , m_cause(new QLabel)
    , m_status(new QLabel)
    , m_clock(new QLabel)
    , m_notice(new QLabel) {
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0x0a, 0x0d, 0x12));
    p.setColor(QPalette::WindowText, QColor(0xf2, 0xf2, 0xf2));
    setPalette(p);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(16, 8, 16, 8);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(2);
    for (QLabel *l : {m_incidents, m_cause, m_status, m_clock, m_notice})
        l->setTextFormat(Qt::RichText);
    m_cause->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_clock->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_incidents, 0, 0);
    grid->addWidget(m_cause, 0, 1);
    grid->addWidget(m_clock, 0, 2);
    grid->addWidget(m_status, 1, 0, 1, 3);
    grid->addWidget(m_notice, 2, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    m_notice->hide();
    scaleTo(1080);
}

void WallStrip::scaleTo(int screenHeight) {
    // The headline at 3.2 % of the screen's height: 35 px on 1080 lines, readable at 5 m.
    const int big = std::max(14, screenHeight * 32 / 1000);
    const int small = std::max(11, screenHeight * 21 / 1000);
    for (QLabel *l : {m_incidents, m_cause, m_clock}) {
        QFont f = l->font();
        f.setPixelSize(big);
        f.setBold(true);
        l->setFont(f);
    }
    for (QLabel *l : {m_status, m_notice}) {
        QFont f = l->font();
        f.setPixelSize(small);
        l->setFont(f);
    }
    render();
}

void WallStrip::setHeadline(const WallHeadline &headline, TimeMs now) {
    m_headline = headline;
    m_now = now;
    render();
}

void WallStrip::setNewIncident(const QString &key) {
    m_newKey = key;
    render();
}

void WallStrip::setNotice(const QString &text) {
    m_notice->setText(coloured(text, QStringLiteral("#ffc14d")));
    m_notice->setVisible(!text.isEmpty());
}

void WallStrip::render() {
    const WallHeadline &h = m_headline;
    m_incidents->setText(h.incidents);
    QString cause = h.topCause;
    if (!cause.isEmpty() && !m_newKey.isEmpty() && m_newKey == h.topKey)
        cause = Tr::tr("NEW") + QLatin1Char(' ') + cause;
    // Elided to the room left: the cause's words first, the evidence as far as it fits.
    const int room = std::max(50, m_cause->width());
    const QString elided = m_cause->fontMetrics().elidedText(cause, Qt::ElideRight, room);
    m_cause->setText(coloured(elided, severityColor(h.topSeverity)));
    m_cause->setToolTip(cause);
    QStringList status{h.hosts};
    for (const auto &s : h.sources)
        status << coloured(s.text, s.state == 0   ? QStringLiteral("#6ee28a")
                                   : s.state == 1 ? QStringLiteral("#b0b0b0")
                                                  : QStringLiteral("#ff6b6b"));
    status << h.age.toHtmlEscaped();
    if (!m_place.isEmpty())
        status << m_place.toHtmlEscaped();
    m_status->setText(status.join(QStringLiteral("&nbsp;&nbsp;·&nbsp;&nbsp;")));
    m_clock->setText(
        QDateTime::fromMSecsSinceEpoch(m_now > 0 ? m_now : nowMs()).toString(QStringLiteral("HH:mm:ss")));
}

void WallStrip::setPlace(const QString &text) {
    m_place = text;
    render();
}

void WallStrip::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    render(); // the cause is elided to the new width
}

QString WallStrip::incidentsText() const {
    return m_incidents->text();
}
QString WallStrip::causeText() const {
    return m_cause->toolTip();
}
QString WallStrip::statusText() const {
    return m_status->text();
}
QString WallStrip::noticeText() const {
    return m_notice->isVisible() ? m_notice->text() : QString();
}

} // namespace vigil
