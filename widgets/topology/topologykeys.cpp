// The topology canvas's keys, and the same keys as actions of the view (listed in its menu).
#include "topology/topologyview.h"

#include "common/canvaskeys.h"

#include <QKeyEvent>

namespace vigil {

void TopologyCanvas::keyPressEvent(QKeyEvent *e) {
    const QPointF centre(width() / 2.0, height() / 2.0);
    switch (e->key()) {
    case Qt::Key_F:
    case Qt::Key_0:
        fit();
        m_userMoved = false;
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(centre, 1.5);
        break;
    case Qt::Key_Minus:
        zoomAt(centre, 1 / 1.5);
        break;
    case Qt::Key_Left:
        m_offset.rx() += width() / 5.0;
        update();
        break;
    case Qt::Key_Right:
        m_offset.rx() -= width() / 5.0;
        update();
        break;
    case Qt::Key_Up:
        m_offset.ry() += height() / 5.0;
        update();
        break;
    case Qt::Key_Down:
        m_offset.ry() -= height() / 5.0;
        update();
        break;
    default:
        QWidget::keyPressEvent(e);
    }
}

void TopologyView::setUpKeys() {
    controls::addCanvasKeys(this, m_canvas,
                            {{tr("Fit the map"), QKeySequence(Qt::Key_F)},
                             {tr("Zoom in"), QKeySequence(Qt::Key_Plus)},
                             {tr("Zoom out"), QKeySequence(Qt::Key_Minus)},
                             {tr("Pan left"), QKeySequence(Qt::Key_Left)},
                             {tr("Pan right"), QKeySequence(Qt::Key_Right)},
                             {tr("Pan up"), QKeySequence(Qt::Key_Up)},
                             {tr("Pan down"), QKeySequence(Qt::Key_Down)}});
}

} // namespace vigil
