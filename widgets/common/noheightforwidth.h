#pragma once
// A container of whole views (the main window's tabs, the wall's stack) that does not measure its
// pages at every relayout of its window. Qt asks every page of a stack for its size hints, hidden ones
// too, and each view has word-wrapped rich-text labels whose hints are text layouts: a label that
// changed its text anywhere (a view's headline after a poll, a status figure) relaid the window out
// and laid out the text of every view, ~20 ms on the GUI thread each time, dozens of times a minute.
// So the container has no height for a width, and keeps the size hints it measured once on screen
// (again after a font or style change). Its pages get their geometry all the same.
#include <QEvent>
#include <QSize>

namespace vigil {

template <class Container> class NoHeightForWidth final : public Container {
public:
    using Container::Container;
    [[nodiscard]] bool hasHeightForWidth() const override { return false; }
    [[nodiscard]] int heightForWidth(int) const override { return -1; }
    [[nodiscard]] QSize sizeHint() const override {
        return kept(m_hint, [this] { return Container::sizeHint(); });
    }
    [[nodiscard]] QSize minimumSizeHint() const override {
        return kept(m_minimum, [this] { return Container::minimumSizeHint(); });
    }

protected:
    void changeEvent(QEvent *event) override {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_hint = m_minimum = QSize();
        Container::changeEvent(event);
    }

private:
    // Measured by the container when first asked on screen (its pages are all in by then).
    template <class Measure> QSize kept(QSize &slot, Measure measure) const {
        if (!this->isVisible())
            return measure();
        if (!slot.isValid())
            slot = measure();
        return slot;
    }
    mutable QSize m_hint, m_minimum;
};

} // namespace vigil
