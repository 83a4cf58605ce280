#pragma once
// A canvas's keys as actions of its view, so the main window lists them with their shortcuts in the
// view's menu (it builds that menu from the view's actions), and choosing one there does what the key
// does on the canvas. The canvas keeps handling its keys itself: the actions' shortcuts belong to the
// view, which never holds the focus, so they never fire, and a key typed in the view's filter box or
// combo box stays there.
#include <QKeySequence>
#include <QString>

#include <initializer_list>
#include <utility>

class QWidget;

namespace vigil::controls {

void addCanvasKeys(QWidget *view, QWidget *canvas,
                   std::initializer_list<std::pair<QString, QKeySequence>> keys);

} // namespace vigil::controls
