// TimelineHistogram: how many events fall in each stretch of time, as bars
// over a span of time (the dock zooms it to the range it shows), with the
// selected range highlighted. Dragging with the mouse selects a range
// (rangeSelected). Painted in the
// palette's colours only, so that a dark theme reads as well as a light one.
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

#include "timeline/Timeline.h"

namespace hivekit::gui {

class TimelineHistogram : public QWidget {
    Q_OBJECT
public:
    explicit TimelineHistogram(QWidget* parent = nullptr);

    /// The times to count (sorted or not) and the span the x axis covers.
    void setTimes(std::vector<uint64_t> times, const timeline::TimeRange& span);
    /// The span the x axis covers (the times stay).
    void setSpan(const timeline::TimeRange& span);
    /// The range drawn highlighted (the filter's).
    void setSelection(const timeline::TimeRange& range);
    const timeline::TimeRange& selection() const { return selection_; }
    const timeline::TimeRange& span() const { return span_; }

    /// How many events each bar counts at the current width.
    std::vector<int> bins() const;
    /// The time at x (clamped to the span), and the x of a time.
    timeline::FileTime timeAt(int x) const;
    int xOf(timeline::FileTime time) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user dragged over [from, to] (inclusive).
    void rangeSelected(hivekit::timeline::FileTime from, hivekit::timeline::FileTime to);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    static constexpr int kBarWidth = 4;
    int barCount() const;

    std::vector<uint64_t> times_;
    timeline::TimeRange span_{{0}, {0}};
    timeline::TimeRange selection_;
    bool dragging_ = false;
    int dragStart_ = 0;
    int dragEnd_ = 0;
};

}  // namespace hivekit::gui
