#pragma once
// The time heatmap's drawing surface: rows = hosts, columns = time buckets, painted from a QImage that
// is rasterised from the prepared colour levels (HeatRows) only when the data, the size or the visible
// window changes. More rows or buckets than pixels fold into one pixel showing their peak, so a
// redlining host never disappears when zoomed out.
#include "analysis/heatrows.h"
#include "fleet/queryprofile.h"

#include <QImage>
#include <QWidget>

#include <array>
#include <memory>

namespace vigil {

class TimeHeatmapCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit TimeHeatmapCanvas(QWidget *parent = nullptr);

    void setRows(std::shared_ptr<const analysis::HeatRows> rows, MetricUnit unit);
    void setStale(bool stale);
    // A replay's moment, drawn as a line across the rows (0: none).
    void setCursorTime(TimeMs t);
    [[nodiscard]] const std::shared_ptr<const analysis::HeatRows> &rows() const { return m_rows; }
    // Hosts selected in another view (sorted): their rows get an amber mark in the gutter.
    void setMarkedHosts(std::vector<std::string> hosts);
    [[nodiscard]] int markedRows() const; // of the rows on display
    // Scrolls so the first marked row is in view; false when none is displayed.
    bool revealMarked();

    // The visible window: buckets [first, last) and rows from `top`, `count` of them.
    void setTimeWindow(double first, double last);
    void setRowWindow(double top, double count);
    void resetView();
    [[nodiscard]] double firstBucket() const { return m_b0; }
    [[nodiscard]] double lastBucket() const { return m_b1; }
    [[nodiscard]] double topRow() const { return m_rowTop; }
    [[nodiscard]] double rowCount() const { return m_rowCount; }

    // Rasterises the plot for the current window; the benchmark calls it directly.
    void rasterize();
    [[nodiscard]] const QImage &image() const { return m_image; }
    [[nodiscard]] QRect plotRect() const;
    // The display row and bucket under a widget point, or -1.
    [[nodiscard]] int rowAt(QPoint p) const;
    [[nodiscard]] int bucketAt(QPoint p) const;
    [[nodiscard]] QString describe(int row, int bucket) const;

Q_SIGNALS:
    void hostClicked(const QString &host);
    void timeRangeSelected(qint64 fromMs, qint64 toMs);
    void windowChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRgb m_ground = 0xfff4f4f4; // maptheme.h, set with each new frame
    void zoomTime(double factor, double anchorBucket);
    void zoomRows(double factor, double anchorRow);
    void panTime(double buckets);
    void panRows(double rows);
    void buildLut();
    void compose();
    void paintTimeAxis(QPainter &p, const QRect &plot);
    void paintLegend(QPainter &p, const QRect &plot);
    void ensureFrame();

    void computeMarks();

    std::shared_ptr<const analysis::HeatRows> m_rows;
    std::vector<std::string> m_markedHosts;
    std::vector<int> m_markedRows; // display rows, ascending
    MetricUnit m_unit = MetricUnit::Ratio;
    bool m_stale = false;
    TimeMs m_cursorTime = 0;
    QImage m_frame; // the whole widget: plot, labels, axis and legend
    QImage m_image; // the plot: a window onto m_frame's pixels
    std::array<QRgb, 256> m_lut{};
    double m_b0 = 0, m_b1 = 1;
    double m_rowTop = 0, m_rowCount = 1;
    int m_dragFrom = -1, m_dragTo = -1; // x of a time selection in progress
    QPoint m_panFrom;
    bool m_panning = false;
};

} // namespace vigil
