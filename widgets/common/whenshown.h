#pragma once
// Work a widget needs only on screen (recolouring a map, relaying a chart out, re-sorting a model
// after a poll): done at once when the widget is on screen, or when its window is not (a test, a
// screenshot being prepared, a window not yet opened); while it sits hidden in a window on screen
// (another tab, a wall entry not showing) the newest work waits, replacing older work, and is done
// when the widget is next shown, before it paints.
#include <QObject>

#include <functional>

class QWidget;

namespace vigil {

class WhenShown final : public QObject {
public:
    explicit WhenShown(QWidget *widget); // a child of the widget
    void run(std::function<void()> work);
    [[nodiscard]] bool waiting() const { return static_cast<bool>(m_pending); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_widget;
    std::function<void()> m_pending;
};

} // namespace vigil
