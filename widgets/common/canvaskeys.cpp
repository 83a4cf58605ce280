#include "common/canvaskeys.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QPointer>
#include <QWidget>

namespace vigil::controls {

void addCanvasKeys(QWidget *view, QWidget *canvas,
                   std::initializer_list<std::pair<QString, QKeySequence>> keys) {
    for (const auto &[text, key] : keys) {
        auto *action = new QAction(text, view);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        QPointer<QWidget> target(canvas);
        const QKeyCombination combination = key[0];
        QObject::connect(action, &QAction::triggered, view, [target, combination] {
            if (!target)
                return;
            target->setFocus(Qt::ShortcutFocusReason);
            QKeyEvent press(QEvent::KeyPress, combination.key(), combination.keyboardModifiers());
            QCoreApplication::sendEvent(target, &press);
        });
        view->addAction(action);
    }
}

} // namespace vigil::controls
