#pragma once
// The "hostmap" view: every host a tile, grouped by a level of the hierarchy (rack by default),
// coloured by a chosen metric on the viridis scale; down hosts black, hosts without a value grey,
// stale data dimmed and said so. Painted from a QImage filled in bulk once per data change; hover
// shows the host's values, double-click opens it in the host table.
#include "analysis/hostmap.h"
#include "fleet/fleetsnapshot.h"

#include <QImage>
#include <QWidget>

class QComboBox;
class QLabel;

namespace vigil {

class HostMapCanvas;

class HostMapView final : public QWidget {
    Q_OBJECT
public:
    explicit HostMapView(QWidget *parent = nullptr);

    void setSnapshot(FleetSnapshotPtr snapshot);
    void setMetric(const QString &key);
    void setLevel(int level);
    [[nodiscard]] HostMapCanvas *canvas() const { return m_canvas; }

Q_SIGNALS:
    void hostActivated(const QString &host);

private:
    void refreshCombos();
    void refreshImbalance();

    HostMapCanvas *m_canvas;
    QComboBox *m_metric;
    QComboBox *m_level;
    QLabel *m_summary;
    QLabel *m_imbalance;
    FleetSnapshotPtr m_snapshot;
};

class HostMapCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit HostMapCanvas(QWidget *parent = nullptr);
    void setSnapshot(FleetSnapshotPtr snapshot);
    void setMetric(int metric);
    void setLevel(int level);
    [[nodiscard]] const analysis::HostMapLayout &layout() const { return m_layout; }
    [[nodiscard]] const QImage &image() const { return m_image; }
    // The host under a point of the canvas, or nullptr; and its tooltip text.
    [[nodiscard]] const Host *hostAt(QPoint p) const;
    [[nodiscard]] QString describe(const Host &h) const;

Q_SIGNALS:
    void hostActivated(const QString &host);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void relayout();
    void recolor();

    FleetSnapshotPtr m_snapshot;
    analysis::HostMapLayout m_layout;
    QImage m_image;
    int m_metric = 0;
    int m_level = -1;               // -1: the deepest level of the hierarchy
    std::uint64_t m_laidOutFor = 0; // hosts' identity the layout was made for
    bool m_stale = false;
};

} // namespace vigil
