#include "common/whenshown.h"

#include <QEvent>
#include <QWidget>

#include <utility>

namespace vigil {

WhenShown::WhenShown(QWidget *widget)
    : QObject(widget)
    , m_widget(widget) {
    widget->installEventFilter(this);
}

void WhenShown::run(std::function<void()> work) {
    if (!m_widget->isVisible() && m_widget->window()->isVisible()) {
        m_pending = std::move(work);
        return;
    }
    m_pending = nullptr;
    work();
}

bool WhenShown::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_widget && event->type() == QEvent::Show && m_pending)
        std::exchange(m_pending, nullptr)();
    return false;
}

} // namespace vigil
