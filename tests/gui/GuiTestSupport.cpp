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
