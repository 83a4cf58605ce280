#include "wallwindow.h"

#include "common/noheightforwidth.h"
#include "fleetviews.h"
#include "heatmap/timeheatmapcanvas.h"
#include "heatmap/timeheatmapview.h"
#include "hostmap/hostmapcanvas.h"
#include "hostmap/hostmapview.h"
#include "service/fleetsource.h"
#include "topology/topologyview.h"
#include "triage/triageview.h"
#include "wall/wallstrip.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QPainter>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

namespace {
// Lies over the views while the data is stale: they stay readable, visibly not current.
class DimOverlay final : public QWidget {
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        p.fillRect(rect(), QColor(0, 0, 0, 150));
    }
};

QStringList viewsOf(const std::vector<WallPlaylistEntry> &playlist, const std::string &interruptView) {
    QStringList names;
    for (const auto &e : playlist)
        if (!names.contains(QString::fromStdString(e.view)))
            names << QString::fromStdString(e.view);
    if (!names.contains(QString::fromStdString(interruptView)))
        names << QString::fromStdString(interruptView);
    return names;
}

// Dark, high contrast: a wall is read from across a dim room.
QPalette wallPalette() {
    QPalette p;
    const QColor bg(0x16, 0x1b, 0x22), base(0x0d, 0x11, 0x17), text(0xf0, 0xf0, 0xf0);
    p.setColor(QPalette::Window, bg);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, bg);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, bg);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5f, 0x9f));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Mid, QColor(0x40, 0x48, 0x50));
    return p;
}
} // namespace

WallWindow::WallWindow(FleetSource *source, const WallConfig &config, std::vector<WallPlaylistEntry> playlist,
                       QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , m_config(config)
    , m_playlist(std::move(playlist))
    , m_views(new FleetViews(source, viewsOf(m_playlist, config.interruptView), this))
    , m_banner(new QLabel)
    , m_strip(new WallStrip)
    , m_stack(new NoHeightForWidth<QStackedWidget>)
    , m_dim(new DimOverlay(m_stack))
    , m_dwell(new QTimer(this))
    , m_newTimer(new QTimer(this))
    , m_prefetch(new QTimer(this)) {
    setWindowTitle(tr("Vigil — wall display"));
    setPalette(wallPalette());
    setAutoFillBackground(true);
    m_banner->setWordWrap(true);
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #b00020; color: white; padding: 8px; }"));
    m_banner->hide();
    for (const auto &v : m_views->registry().views()) {
        m_stack->addWidget(v.widget);
        hideControls(v.name, v.widget);
    }
    // The maps and the heatmap take the wall's dark palette: their ground, titles and frames follow it
    // (common/maptheme.h).
    // Charts on the wall's dark ground: their own ground, axes, grid and legend follow it (the series
    // keep their severity colours).
    for (auto *view : m_stack->findChildren<QChartView *>()) {
        QChart *chart = view->chart();
        const QColor ground(0x15, 0x1a, 0x22), text(0xe8, 0xe8, 0xe8), grid(0x3a, 0x42, 0x4c);
        view->setBackgroundBrush(ground);
        chart->setBackgroundBrush(ground);
        chart->setBackgroundPen(Qt::NoPen);
        chart->setPlotAreaBackgroundVisible(false);
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(grid);
        }
    }
    // The screen's size rules: a view whose controls want more room than a screen has is clipped, the
    // window never grows past the screen.
    m_stack->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_dim->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_dim->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_strip);
    layout->addWidget(m_stack, 1);
    m_dwell->setSingleShot(true);
    connect(m_dwell, &QTimer::timeout, this, &WallWindow::next);
    m_prefetch->setSingleShot(true);
    connect(m_prefetch, &QTimer::timeout, this, [this] {
        deliver(QString::fromStdString(
            m_playlist[static_cast<std::size_t>(m_entry + 1) % m_playlist.size()].view));
    });
    m_newTimer->setSingleShot(true);
    connect(m_newTimer, &QTimer::timeout, this, [this] { m_strip->setNewIncident({}); });
    setSnapshot(source->current());
    showEntry(0);
}

QString WallWindow::currentView() const {
    if (m_interrupted)
        return QString::fromStdString(m_config.interruptView);
    return QString::fromStdString(m_playlist[static_cast<std::size_t>(m_entry)].view);
}

bool WallWindow::currentViewReady() const {
    const ViewEntry *v = m_views->registry().find(currentView());
    return v && (!v->ready || v->ready());
}

void WallWindow::showEntry(int entry) {
    const int n = static_cast<int>(m_playlist.size());
    m_entry = ((entry % n) + n) % n;
    m_interrupted = false;
    const auto &e = m_playlist[static_cast<std::size_t>(m_entry)];
    const QString name = QString::fromStdString(e.view);
    ViewOptions o;
    o.filter = QString::fromStdString(e.filter); // an entry without one shows the view unfiltered
    o.metric = QString::fromStdString(e.metric);
    o.rangeHours = static_cast<int>(e.rangeMs / 3'600'000);
    o.grouping = QString::fromStdString(e.grouping);
    m_views->apply(name, o);
    deliver(name);
    if (const ViewEntry *v = m_views->registry().find(name))
        m_stack->setCurrentWidget(v->widget);
    if (!m_paused)
        m_dwell->start(static_cast<int>(e.dwellMs));
    // Views that load more (history, drift) have a few seconds to do it before they are on screen.
    m_prefetch->start(static_cast<int>(std::max<std::int64_t>(0, e.dwellMs - 5'000)));
    updatePlace();
}

void WallWindow::next() {
    // After an interruption the rotation goes on with the entry after the one it interrupted.
    showEntry(m_entry + 1);
}

void WallWindow::previous() {
    showEntry(m_interrupted ? m_entry : m_entry - 1);
}

void WallWindow::setPaused(bool paused) {
    m_paused = paused;
    if (paused)
        m_dwell->stop();
    else
        m_dwell->start(static_cast<int>(m_interrupted
                                            ? m_config.interruptDwellMs
                                            : m_playlist[static_cast<std::size_t>(m_entry)].dwellMs));
    updatePlace();
}

bool WallWindow::startAt(const QString &view) {
    for (std::size_t i = 0; i < m_playlist.size(); ++i)
        if (QString::fromStdString(m_playlist[i].view) == view) {
            showEntry(static_cast<int>(i));
            return true;
        }
    return false;
}

void WallWindow::interrupt(const QString &incidentKey) {
    m_strip->setNewIncident(incidentKey);
    // NEW until the incident has been on screen for a dwell.
    m_newTimer->start(static_cast<int>(m_config.interruptDwellMs));
    const QString name = QString::fromStdString(m_config.interruptView);
    const ViewEntry *v = m_views->registry().find(name);
    if (!v)
        return;
    // On screen first: a view hidden in the window takes its snapshot when shown (WhenShown), and the
    // incident must be in the list before it is selected.
    m_stack->setCurrentWidget(v->widget);
    deliver(name);
    if (name == QLatin1String("triage") && m_views->triage()) {
        m_views->triage()->setFilterText({}); // the incident must be in the list, whatever the entry filtered
        m_views->triage()->selectIncident(incidentKey);
    }
    m_interrupted = true;
    if (!m_paused)
        m_dwell->start(static_cast<int>(m_config.interruptDwellMs));
    updatePlace();
}

void WallWindow::setSnapshot(const FleetSnapshotPtr &snapshot) {
    // The view on screen follows every poll; those off screen (most of them, most of the time) every
    // fourth, all at once: they then hold one snapshot between them, not one each (each snapshot of a
    // 10,000-host fleet is tens of MB; one each held 1.09 GB where one in all held 0.67 GB).
    m_snapshot = snapshot;
    if (++m_polls % 4 == 0)
        for (const auto &v : m_views->registry().views())
            deliver(v.name);
    else
        deliver(currentView());
    updatePlace(); // a view fills its controls (the metrics, the incidents) from its first snapshot
}

void WallWindow::deliver(const QString &view) {
    auto &had = m_delivered[view];
    if (!had.expired() && had.lock() == m_snapshot)
        return;
    had = m_snapshot;
    m_views->setSnapshot(view, m_snapshot);
}

void WallWindow::setHeadline(const WallHeadline &headline, TimeMs now) {
    m_strip->setHeadline(headline, now);
    m_banner->setText(headline.staleText);
    m_banner->setVisible(headline.stale);
    m_dim->setVisible(headline.stale);
    if (headline.stale)
        m_dim->raise();
}

void WallWindow::setNotice(const QString &text) {
    m_strip->setNotice(text);
}

bool WallWindow::dimmed() const {
    return m_dim->isVisible();
}

void WallWindow::hideControls(const QString &view, QWidget *widget) {
    auto isInput = [](const QWidget *w) {
        return qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractButton *>(w) ||
               qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w);
    };
    auto &hidden = m_controls[view];
    for (QLayout *row : widget->findChildren<QLayout *>()) {
        QWidget *caption = nullptr; // a short label just before an input names it ("Metric", "Range")
        auto *box = qobject_cast<QBoxLayout *>(row);
        for (int i = 0; i < row->count(); ++i) {
            QWidget *w = row->itemAt(i)->widget();
            if (!w)
                continue;
            if (isInput(w)) {
                hidden.push_back(w);
                if (caption)
                    hidden.push_back(caption);
            }
            // A caption is short and takes no stretch; a headline beside a filter does.
            auto *label = qobject_cast<QLabel *>(w);
            caption = label && label->text().size() <= 24 && (!box || box->stretch(i) == 0) ? label : nullptr;
        }
    }
    for (QWidget *hint : widget->findChildren<QWidget *>(QStringLiteral("keysHint")))
        hidden.push_back(hint);
    for (QWidget *w : hidden)
        w->hide();
}

void WallWindow::updatePlace() {
    const ViewEntry *v = m_views->registry().find(currentView());
    QString place = v ? v->title : currentView();
    // What the hidden controls are set to (the metric, the range, a filter), since they are not shown.
    QStringList state;
    for (QWidget *w : m_controls[currentView()]) {
        if (auto *combo = qobject_cast<QComboBox *>(w);
            combo && !combo->currentText().isEmpty() && !combo->property("prompt").toBool())
            state << combo->currentText();
        else if (auto *edit = qobject_cast<QLineEdit *>(w); edit && !edit->text().trimmed().isEmpty())
            state << edit->text().trimmed();
    }
    if (!state.isEmpty())
        place += QStringLiteral(" (") + state.join(QStringLiteral(" · ")) + QLatin1Char(')');
    place += m_interrupted ? QStringLiteral(" — ") + tr("new incident")
                           : QStringLiteral(" %1/%2").arg(m_entry + 1).arg(m_playlist.size());
    if (m_paused)
        place += QStringLiteral(" — ") + tr("rotation paused");
    m_strip->setPlace(place);
}

void WallWindow::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    const int h = event->size().height();
    // Type scaled to the screen: the views' text at about 1/60 of the height, the headline larger.
    // In points (views derive smaller type from pointSizeF).
    QFont f = font();
    f.setPointSizeF(std::max(13, h / 60) * 72.0 / std::max(1, logicalDpiY()));
    setFont(f);
    // Table headers keep the style's header font unless told (seen at 4K: the rows grew, the headers not).
    for (auto *header : findChildren<QHeaderView *>())
        header->setFont(f);
    m_strip->scaleTo(h);
    QFont bf = m_banner->font();
    bf.setPixelSize(std::max(16, h * 32 / 1000));
    bf.setBold(true);
    m_banner->setFont(bf);
    m_dim->setGeometry(m_stack->rect());
}

} // namespace vigil
