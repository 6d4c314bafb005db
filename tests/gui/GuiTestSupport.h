// Helpers for the GUI tests: waiting on the event loop, opening a hive in a
// view or window and waiting until it is loaded.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <Qt>

#include <functional>
#include <memory>
#include <string>

#include "hive/Hive.h"

namespace hivekit::gui {
class HiveView;
class MainWindow;
}  // namespace hivekit::gui

namespace guitest {

/// Runs the event loop until `done()` holds or `timeoutMs` pass; returns done().
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

inline QString qpath(const std::string& path) { return QString::fromStdString(path); }

/// Opens `path` in a tab of `window` and waits until it is loaded
/// (REQUIREs both).
hivekit::gui::HiveView* openAndWait(hivekit::gui::MainWindow& window, const std::string& path);

/// Keeps every thread of Qt's global pool busy until release() (or
/// destruction), so that work started meanwhile is queued, not running:
/// tests stop queued work deterministically, whatever the machine's speed.
class BusyThreadPool {
public:
    BusyThreadPool();
    ~BusyThreadPool() { release(); }
    BusyThreadPool(const BusyThreadPool&) = delete;
    BusyThreadPool& operator=(const BusyThreadPool&) = delete;
    /// Lets the pool's threads go (once).
    void release();

private:
    struct State;
    std::shared_ptr<State> state_;
    int threads_ = 0;
    bool released_ = false;
};

/// Runs `action`, answering the first modal message box it opens with `key`;
/// returns the box's text and informative text, one line apart. Fails the
/// test when no box opened.
QString answerMessageBox(const std::function<void()>& action, Qt::Key key);

/// Opens a hive with the engine directly (REQUIREs success).
std::shared_ptr<const hivekit::Hive> openHive(const std::string& path, bool useLogs = true);

}  // namespace guitest
