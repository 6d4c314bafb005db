#include "timeline/TimelineJob.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>

#include "common/Display.h"

namespace hivekit::gui {

TimelineJob::TimelineJob(QObject* parent) : QObject(parent), generation_(std::make_shared<std::atomic<quint64>>(0)) {
    qRegisterMetaType<TimelineOutcome>();
}

TimelineJob::~TimelineJob() {
    cancel();
    waitForFinished();
}

TimelineOutcome TimelineJob::collect(const std::shared_ptr<const Hive>& hive, const std::function<bool()>& stop) {
    QElapsedTimer timer;
    timer.start();
    TimelineOutcome out;
    out.hive = hive;
    out.thread = QThread::currentThread();
    if (!hive) return out;
    auto events = std::make_shared<std::vector<timeline::TimelineEvent>>();
    timeline::TimelineOptions options;
    options.stop = stop;
    // The GUI has other work for the cores; the deleted scan takes one.
    options.threads = 1;
    auto summary = timeline::collectTimeline(*hive, options,
                                             [&](timeline::TimelineEvent&& e) { events->push_back(std::move(e)); });
    if (!summary) {
        out.cancelled = stop && stop();
        out.error = toQString(summary.error().message);
        return out;
    }
    timeline::sortEvents(*events);
    out.summary = *summary;
    out.events = std::move(events);
    out.milliseconds = timer.elapsed();
    return out;
}

void TimelineJob::start(std::shared_ptr<const Hive> hive) {
    const quint64 mine = ++*generation_;
    auto* watcher = new QFutureWatcher<TimelineOutcome>(this);
    running_.append(watcher);
    connect(watcher, &QFutureWatcher<TimelineOutcome>::finished, this, [this, watcher] { onWorkerDone(watcher); });
    watcher->setFuture(QtConcurrent::run(
        [mine](std::shared_ptr<std::atomic<quint64>> generation, std::shared_ptr<const Hive> hive) {
            TimelineOutcome out = collect(hive, [&] { return generation->load() != mine; });
            out.generation = mine;
            return out;
        },
        generation_, std::move(hive)));
}

void TimelineJob::cancel() { ++*generation_; }

bool TimelineJob::isRunning() const {
    for (const auto* w : running_)
        if (w->isRunning()) return true;
    return false;
}

void TimelineJob::waitForFinished() {
    for (auto* w : running_) w->waitForFinished();
}

void TimelineJob::onWorkerDone(QFutureWatcher<TimelineOutcome>* watcher) {
    running_.removeOne(watcher);
    watcher->deleteLater();
    if (watcher->future().resultCount() == 0) return;
    const TimelineOutcome out = watcher->result();
    if (out.cancelled || out.generation != generation_->load()) return;
    emit finished(out);
}

}  // namespace hivekit::gui
