#include "common/textdelegate.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace vigil {

namespace {
constexpr int kTextMargin = 3; // what the style leaves beside an item's text
}

TextDelegate::TextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shaped(kCachedTexts) {}

int TextDelegate::textMargin(const QFontMetrics &metrics) {
    return std::max(kTextMargin, metrics.averageCharWidth() / 2);
}

QString TextDelegate::oneLine(QString text) {
    for (QChar &c : text)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    return text;
}

QSize TextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 2 * (textMargin(option.fontMetrics) - kTextMargin); // the view's type
    return size;
}

const TextDelegate::Shaped &TextDelegate::shaped(const QString &text, const QStyleOptionViewItem &option,
                                                 int elidedTo) const {
    Key key{text, option.font, elidedTo};
    if (const Shaped *hit = m_shaped.object(key))
        return *hit;
    const QString shown =
        elidedTo < 0 ? text : option.fontMetrics.elidedText(text, option.textElideMode, elidedTo);
    auto *made = new Shaped;
    made->text.setText(shown);
    made->text.setTextFormat(Qt::PlainText);
    made->text.setPerformanceHint(QStaticText::AggressiveCaching);
    made->text.prepare(QTransform(), option.font);
    made->width = made->text.size().width();
    made->height = QFontMetricsF(option.font).height(); // the line's, as QTextLayout places it
    m_shaped.insert(std::move(key), made);
    return *made;
}

void TextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    if (opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    paintBehindText(painter, opt, index);
    if (opt.text.isEmpty())
        return;
    // Without an icon or a check box the style gives the text the whole cell; only the margins are ours.
    const int margin = textMargin(opt.fontMetrics);
    const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (rect.width() <= 0)
        return;
    const QString line = oneLine(opt.text);
    const Shaped *text = &shaped(line, opt, -1);
    if (text->width > rect.width()) // elided to the width, which the cache keys it by
        text = &shaped(line, opt, rect.width());
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = rect.left();
    if (align & Qt::AlignRight)
        x = rect.left() + rect.width() - text->width;
    else if (align & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - text->width) / 2;
    const qreal height = text->height;
    qreal y = rect.top(); // top, as the style's
    if (align & Qt::AlignBottom)
        y = rect.top() + rect.height() - height;
    else if (align & Qt::AlignVCenter)
        y = rect.top() + (rect.height() - height) / 2;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    if (text->width > rect.width() || height > rect.height()) // as the style's: clipped only when over
        painter->setClipRect(rect, Qt::IntersectClip);
    painter->drawStaticText(QPointF(x, y), text->text);
    painter->restore();
}

} // namespace vigil
