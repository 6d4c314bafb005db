// ScreenFit: keeps the main window inside its screen. A window must fit an
// 800x500 logical screen (QT_SCALE_FACTOR=2 on 1600x1000): its panes and
// docks get small minimum sizes (their contents scroll when there is less
// room), and its geometry is fitted to the screen's available geometry at
// first show, when asked (a tab opened, a saved geometry restored), when
// its minimum size grows, when the window moves to another screen and when
// that screen's available geometry changes.
#pragma once

#include <QMargins>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QRect>

class QMainWindow;
class QScreen;
class QScrollArea;
class QWidget;

namespace hivekit::gui {

/// `content` in a frameless scroll area that gives it all its room when
/// there is enough and scrolls it when there is less than its minimum
/// size: a dock or page holding it can be made as small as the scroll
/// area's own minimum.
QScrollArea* scrollableWhenSmall(QWidget* content);

/// Puts the content of every dock of `window` in scrollableWhenSmall().
void makeDocksScrollable(QMainWindow* window);

/// Where a window goes whose frame (frameGeometry) is `frame` so that it
/// fits `available`: its size bounded by the available size, moved onto
/// it by as little as needed when it would stick out.
QRect fittedFrame(const QRect& frame, const QRect& available);

/// Keeps `window` (a top-level widget) inside its screen's available
/// geometry; see the header comment for when. A maximised or full-screen
/// window is left to the window system.
class ScreenFitter : public QObject {
    Q_OBJECT
public:
    explicit ScreenFitter(QWidget* window);

    /// Fits the window now (its layout activated first, so that a minimum
    /// size that just grew counts).
    void fit();
    /// Fits the window once the event loop turns (after a tab was added,
    /// whose minimum size the layout learns then).
    void fitSoon();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void watchScreen(QScreen* screen);
    /// The window frame's margins: the window system's once shown, an
    /// estimate before.
    QMargins frameMargins() const;

    QWidget* window_;
    QPointer<QScreen> screen_;
    QMetaObject::Connection screenGeometry_;
    bool watchingWindow_ = false;
    bool fitQueued_ = false;
};

}  // namespace hivekit::gui
