#include "search/SearchJob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent>

namespace hivekit::gui {

namespace {

constexpr qint64 kBatchMilliseconds = 50;
constexpr qsizetype kBatchHits = 2000;

}  // namespace

SearchJob::SearchJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<SearchSummary>();
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
        control.progress = [&](int permille) {
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
}

void SearchJob::deliverHits(const std::shared_ptr<Run>& run, const QList<SearchHit>& hits) {
    if (run == run_) emit hitsFound(hits);
}

void SearchJob::deliverProgress(const std::shared_ptr<Run>& run, int permille) {
    if (run == run_) emit progressChanged(permille);
}

void SearchJob::deliverEnd(const std::shared_ptr<Run>& run, const SearchSummary& summary) {
    if (run != run_) return;
    running_ = false;
    summary_ = summary;
    emit finished(summary_);
}

}  // namespace hivekit::gui
