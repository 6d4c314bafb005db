#include "timeline/TimelineHistogram.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace hivekit::gui {

TimelineHistogram::TimelineHistogram(QWidget* parent) : QWidget(parent) {
    setMouseTracking(false);
    setCursor(Qt::CrossCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setToolTip(tr("Events over time: drag to choose a range"));
}

QSize TimelineHistogram::sizeHint() const { return {400, 64}; }
QSize TimelineHistogram::minimumSizeHint() const { return {80, 24}; }

void TimelineHistogram::setTimes(std::vector<uint64_t> times, const timeline::TimeRange& span) {
    times_ = std::move(times);
    span_ = span;
    update();
}

void TimelineHistogram::setSpan(const timeline::TimeRange& span) {
    span_ = span;
    update();
}

void TimelineHistogram::setSelection(const timeline::TimeRange& range) {
    selection_ = range;
    update();
}

int TimelineHistogram::barCount() const { return std::max(1, width() / kBarWidth); }

timeline::FileTime TimelineHistogram::timeAt(int x) const {
    const int w = std::max(1, width());
    x = std::clamp(x, 0, w);
    const uint64_t length = span_.to.ticks - span_.from.ticks;
    // In long double: a span of centuries in 100 ns ticks times a pixel overflows 64 bits.
    return {span_.from.ticks + static_cast<uint64_t>(static_cast<long double>(length) * x / w)};
}

int TimelineHistogram::xOf(timeline::FileTime time) const {
    if (span_.to.ticks <= span_.from.ticks) return 0;
    const uint64_t t = std::clamp(time.ticks, span_.from.ticks, span_.to.ticks);
    return static_cast<int>(static_cast<long double>(t - span_.from.ticks) * width() /
                            static_cast<long double>(span_.to.ticks - span_.from.ticks));
}

std::vector<int> TimelineHistogram::bins() const {
    std::vector<int> counts(static_cast<size_t>(barCount()), 0);
    if (span_.to.ticks < span_.from.ticks) return counts;
    const long double length = static_cast<long double>(span_.to.ticks - span_.from.ticks) + 1;
    for (uint64_t t : times_) {
        if (t < span_.from.ticks || t > span_.to.ticks) continue;
        auto bar = static_cast<size_t>(static_cast<long double>(t - span_.from.ticks) * counts.size() / length);
        ++counts[std::min(bar, counts.size() - 1)];
    }
    return counts;
}

void TimelineHistogram::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QPalette& pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const std::vector<int> counts = bins();
    const int highest = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    const int barHeight = height() - 2;
    const int selFrom = selection_.from.ticks <= span_.from.ticks ? 0 : xOf(selection_.from);
    const int selTo = selection_.to.ticks >= span_.to.ticks ? width() : xOf(selection_.to);
    // The selected range behind the bars, then the bars: highlighted inside it.
    QColor band = pal.color(QPalette::Highlight);
    band.setAlpha(60);
    painter.fillRect(QRect(QPoint(selFrom, 0), QPoint(std::max(selFrom, selTo), height())), band);
    for (size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0 || highest == 0) continue;
        // A square-root scale: one busy minute must not flatten the rest.
        const int h = std::max(1, static_cast<int>(barHeight * std::sqrt(static_cast<double>(counts[i]) / highest)));
        const int x = static_cast<int>(i) * kBarWidth;
        const bool inside = x + kBarWidth > selFrom && x < selTo;
        painter.fillRect(QRect(x, height() - h, kBarWidth - 1, h),
                         pal.color(inside ? QPalette::Highlight : QPalette::Mid));
    }
    if (dragging_) {
        QColor drag = pal.color(QPalette::Highlight);
        drag.setAlpha(100);
        painter.fillRect(QRect(QPoint(std::min(dragStart_, dragEnd_), 0), QPoint(std::max(dragStart_, dragEnd_), height())),
                         drag);
    }
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void TimelineHistogram::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    dragging_ = true;
    dragStart_ = dragEnd_ = event->position().toPoint().x();
    update();
}

void TimelineHistogram::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_) return QWidget::mouseMoveEvent(event);
    dragEnd_ = event->position().toPoint().x();
    update();
}

void TimelineHistogram::mouseReleaseEvent(QMouseEvent* event) {
    if (!dragging_ || event->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(event);
    dragging_ = false;
    dragEnd_ = event->position().toPoint().x();
    update();
    // A click without a drag selects nothing.
    if (std::abs(dragEnd_ - dragStart_) < 2 || span_.to.ticks <= span_.from.ticks) return;
    const int left = std::min(dragStart_, dragEnd_);
    const int right = std::max(dragStart_, dragEnd_);
    emit rangeSelected(timeAt(left), timeAt(right));
}

}  // namespace hivekit::gui
