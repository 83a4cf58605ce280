#pragma once
// An item delegate for the large tables (hosts, alerts): it draws a cell's parts itself, the style's
// panel (selection, alternate rows), then the text once, elided only when it does not fit. Cells with
// an icon or a check box are left to the style.
//
// Why not the style's drawing: it laid each cell's text out three times (to place it, to elide it, to
// draw it), and shaping text was most of a table's paint, at ten thousand rows repainted every poll and
// on every view switch. Here each text is shaped once into a QStaticText kept in a bounded cache (by
// text, type and, when elided, width), so a repaint of cells already seen only draws glyphs.
#include <QCache>
#include <QFont>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace vigil {

class TextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TextDelegate(QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // The style's, widened by what the text's margin grows by with the type (textMargin).
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Beside a cell's text on each side: the style's 3 px, or half a character of a larger type (a wall
    // display's), so a right-aligned number and the text of the next column do not touch.
    [[nodiscard]] static int textMargin(const QFontMetrics &metrics);

    // The text as painted: one line, its line breaks spaces (stacked lines overflow a row's height).
    [[nodiscard]] static QString oneLine(QString text);

    // How many shaped texts the cache holds (a screenful of cells several times over).
    static constexpr int kCachedTexts = 8192;

protected:
    // Drawn over the panel, under the text (a load bar).
    virtual void paintBehindText(QPainter *, const QStyleOptionViewItem &, const QModelIndex &) const {}

private:
    struct Shaped {
        QStaticText text;
        qreal width = 0;
        qreal height = 0;
    };
    struct Key {
        QString text;
        QFont font;
        int elidedTo; // -1: the whole text
        bool operator==(const Key &o) const {
            return elidedTo == o.elidedTo && text == o.text && font == o.font;
        }
        friend size_t qHash(const Key &k, size_t seed = 0) {
            return qHashMulti(seed, k.text, k.font, k.elidedTo);
        }
    };
    const Shaped &shaped(const QString &text, const QStyleOptionViewItem &option, int elidedTo) const;

    mutable QCache<Key, Shaped> m_shaped;
};

} // namespace vigil
