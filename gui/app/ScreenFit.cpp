#include "app/ScreenFit.h"

#include <QDockWidget>
#include <QEvent>
#include <QLayout>
#include <QMainWindow>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QTimer>
#include <QWindow>

#include <algorithm>

namespace hivekit::gui {

namespace {
/// Room left for a frame the window system has not reported yet.
constexpr int kEstimatedFrame = 20;
}  // namespace

QScrollArea* scrollableWhenSmall(QWidget* content) {
    auto* area = new QScrollArea;
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    area->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    area->setWidget(content);
    return area;
}

void makeDocksScrollable(QMainWindow* window) {
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
        QWidget* content = dock->widget();
        if (!content || qobject_cast<QScrollArea*>(content)) continue;
        dock->setWidget(scrollableWhenSmall(content));
    }
}

QRect fittedFrame(const QRect& frame, const QRect& available) {
    const QSize size = frame.size().boundedTo(available.size());
    const int x = std::clamp(frame.x(), available.left(), available.left() + available.width() - size.width());
    const int y = std::clamp(frame.y(), available.top(), available.top() + available.height() - size.height());
    return QRect(QPoint(x, y), size);
}

ScreenFitter::ScreenFitter(QWidget* window) : QObject(window), window_(window) {
    window_->installEventFilter(this);
}

QMargins ScreenFitter::frameMargins() const {
    const QWindow* handle = window_->windowHandle();
    if (!window_->isVisible() || !handle)
        return QMargins(kEstimatedFrame, kEstimatedFrame, kEstimatedFrame, kEstimatedFrame);
    return handle->frameMargins();
}

void ScreenFitter::fit() {
    fitQueued_ = false;
    if (window_->isMaximized() || window_->isFullScreen()) return;
    const QScreen* screen = window_->screen();
    if (!screen) return;
    if (QLayout* layout = window_->layout()) layout->activate();
    const QMargins margins = frameMargins();
    const QRect frame = window_->geometry().marginsAdded(margins);
    const QRect fitted = fittedFrame(frame, screen->availableGeometry());
    if (fitted == frame) return;
    // The client area shrinks by the frame; a window whose minimum size is
    // larger than that stays at its minimum, at the available area's corner.
    const QRect client = fitted.marginsRemoved(margins);
    window_->resize(client.size());
    window_->move(fitted.topLeft());
}

void ScreenFitter::fitSoon() {
    if (fitQueued_) return;
    fitQueued_ = true;
    QTimer::singleShot(0, this, &ScreenFitter::fit);
}

void ScreenFitter::watchScreen(QScreen* screen) {
    if (screen == screen_) return;
    disconnect(screenGeometry_);
    screen_ = screen;
    if (screen)
        screenGeometry_ = connect(screen, &QScreen::availableGeometryChanged, this, &ScreenFitter::fitSoon);
}

bool ScreenFitter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == window_ && event->type() == QEvent::Show) {
        // The window handle exists from the first show on.
        if (!watchingWindow_ && window_->windowHandle()) {
            watchingWindow_ = true;
            connect(window_->windowHandle(), &QWindow::screenChanged, this, [this](QScreen* screen) {
                watchScreen(screen);
                fitSoon();
            });
        }
        watchScreen(window_->screen());
        fitSoon();
    } else if (watched == window_ && event->type() == QEvent::Resize && window_->isVisible()) {
        // Grown to a minimum size that grew (a banner shown once a hive has
        // loaded, a dock shown): that growth may push it past the screen.
        const auto* resize = static_cast<const QResizeEvent*>(event);
        const QSize now = resize->size(), before = resize->oldSize(), minimum = window_->minimumSize();
        if ((now.width() > before.width() && now.width() <= minimum.width()) ||
            (now.height() > before.height() && now.height() <= minimum.height()))
            fitSoon();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace hivekit::gui
