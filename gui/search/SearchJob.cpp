#include "search/SearchJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>

namespace hivekit::gui {

namespace {

constexpr qint64 kBatchMilliseconds = 50;
constexpr qsizetype kBatchHits = 500;    // per batch from the worker
constexpr qsizetype kHandOnHits = 500;  // per turn of the GUI thread's event loop

}  // namespace

SearchJob::SearchJob(QObject* parent) : QObject(parent), handOnTimer_(new QTimer(this)) {
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<SearchSummary>();
    // A zero timer fires once the events waiting (input, paint, the
    // stall meter's ticks) have had their turn.
    handOnTimer_->setInterval(0);
    handOnTimer_->setSingleShot(true);
    connect(handOnTimer_, &QTimer::timeout, this, &SearchJob::handOn);
}

SearchJob::~SearchJob() {
    // The worker posts to this object: it must end before the object does.
    // It polls the flag before every key and value, so the wait is short.
    if (run_) run_->cancel = true;
    future_.waitForFinished();
}

bool SearchJob::start(std::shared_ptr<const Hive> hive, const SearchQuery& query, QString* error) {
    auto search = std::make_shared<HiveSearch>(query);
    if (!search->isValid() || !hive) {
        if (error) *error = search->error();
        return false;
    }
    cancel();
    // The last worker may still be running; it is told to stop, and what it
    // still posts is dropped (it belongs to an older run).
    future_.waitForFinished();
    auto run = std::make_shared<Run>();
    run_ = run;
    running_ = true;
    received_.clear();
    ended_.reset();
    query_ = query;
    future_ = QtConcurrent::run([this, run, hive = std::move(hive), search = std::move(search)] {
        QList<SearchHit> batch;
        QElapsedTimer sinceLast;
        sinceLast.start();
        auto flush = [&] {
            if (batch.isEmpty()) return;
            QList<SearchHit> out;
            out.swap(batch);
            QMetaObject::invokeMethod(this, [this, run, out = std::move(out)] { deliverHits(run, out); },
                                      Qt::QueuedConnection);
            sinceLast.restart();
        };
        SearchControl control;
        control.cancelled = [&run] { return run->cancel.load(std::memory_order_relaxed); };
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        control.progress = [&](int permille) {
            // A repaint of the bar per step would keep the GUI thread busy.
            if (permille < 1000 && sinceProgress.elapsed() < kBatchMilliseconds) return;
            sinceProgress.restart();
            QMetaObject::invokeMethod(this, [this, run, permille] { deliverProgress(run, permille); },
                                      Qt::QueuedConnection);
        };
        control.hit = [&](SearchHit&& hit) {
            batch.push_back(std::move(hit));
            if (batch.size() >= kBatchHits || sinceLast.elapsed() >= kBatchMilliseconds) flush();
        };
        SearchSummary summary = search->run(*hive, control);
        flush();
        QMetaObject::invokeMethod(this, [this, run, summary] { deliverEnd(run, summary); }, Qt::QueuedConnection);
    });
    return true;
}

void SearchJob::cancel() {
    if (run_) run_->cancel = true;
}

void SearchJob::waitForFinished() {
    future_.waitForFinished();
    // What the worker posted before it ended is in the event queue.
    QCoreApplication::sendPostedEvents(this);
    while (running_ && ended_) handOn();
}

void SearchJob::deliverHits(const std::shared_ptr<Run>& run, const QList<SearchHit>& hits) {
    if (run != run_) return;
    received_ += hits;
    if (!handOnTimer_->isActive()) handOnTimer_->start();
}

void SearchJob::deliverProgress(const std::shared_ptr<Run>& run, int permille) {
    if (run == run_) emit progressChanged(permille);
}

void SearchJob::deliverEnd(const std::shared_ptr<Run>& run, const SearchSummary& summary) {
    if (run != run_) return;
    ended_ = summary;
    if (!handOnTimer_->isActive()) handOnTimer_->start();
}

void SearchJob::handOn() {
    if (!received_.isEmpty()) {
        const qsizetype n = std::min(received_.size(), kHandOnHits);
        const QList<SearchHit> batch = received_.first(n);
        received_.remove(0, n);
        emit hitsFound(batch);
    }
    if (!received_.isEmpty()) {
        handOnTimer_->start();
        return;
    }
    if (ended_ && running_) {
        running_ = false;
        summary_ = *ended_;
        emit finished(summary_);
    }
}

}  // namespace hivekit::gui
