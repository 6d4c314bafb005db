#include "GuiTestSupport.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QMessageBox>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

#include "document/HiveView.h"
#include "app/MainWindow.h"

namespace {

/// The offscreen platform's default screen is 800x800: the window fits its
/// screen (app/ScreenFit.h), so the tests' 1280x800 windows need a larger
/// one. Set before main() builds the application; a platform the
/// environment names with its own options (a child process's small
/// screen) is kept.
const bool kTestScreenChosen = [] {
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && platform != "offscreen") return false;
    qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + HIVEKIT_GUI_TEST_SCREEN);
    return true;
}();

}  // namespace

namespace guitest {

hivekit::gui::HiveView* openAndWait(hivekit::gui::MainWindow& window, const std::string& path) {
    hivekit::gui::HiveView* view = window.openFile(qpath(path));
    REQUIRE(view);
    REQUIRE(waitUntil([&] { return view->isLoaded(); }));
    return view;
}

QString answerMessageBox(const std::function<void()>& action, Qt::Key key) {
    QString text;
    bool answered = false;
    std::function<void()> poll = [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            answered = true;
            QTest::keyClick(box, key);
            return;
        }
        QTimer::singleShot(20, poll);
    };
    QTimer::singleShot(20, poll);
    action();
    REQUIRE(answered);
    return text;
}

std::shared_ptr<const hivekit::Hive> openHive(const std::string& path, bool useLogs) {
    hivekit::OpenOptions options;
    options.useLogs = useLogs;
    auto hive = hivekit::Hive::open(path, options);
    if (!hive) FAIL("cannot open " << path << ": " << hive.error().message);
    return std::shared_ptr<const hivekit::Hive>(std::move(*hive));
}

struct BusyThreadPool::State {
    QSemaphore busy;
    QSemaphore release;
};

BusyThreadPool::BusyThreadPool() : state_(std::make_shared<State>()) {
    QThreadPool* pool = QThreadPool::globalInstance();
    threads_ = pool->maxThreadCount();
    for (int i = 0; i < threads_; ++i) {
        pool->start([state = state_] {
            state->busy.release();
            state->release.acquire();
        });
    }
    state_->busy.acquire(threads_);
}

void BusyThreadPool::release() {
    if (released_) return;
    released_ = true;
    state_->release.release(threads_);
}

}  // namespace guitest
