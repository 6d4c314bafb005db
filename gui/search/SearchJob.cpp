#include "search/SearchJob.h"

#include <QPromise>
#include <QtConcurrent>

namespace hivekit::gui {

SearchJob::SearchJob(QObject* parent) : QObject(parent), watcher_(new QFutureWatcher<SearchHit>(this)) {
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<SearchSummary>();
    connect(watcher_, &QFutureWatcher<SearchHit>::resultsReadyAt, this, &SearchJob::onResultsReady);
    connect(watcher_, &QFutureWatcher<SearchHit>::progressValueChanged, this, &SearchJob::progressChanged);
    connect(watcher_, &QFutureWatcher<SearchHit>::finished, this, &SearchJob::onFinished);
}

SearchJob::~SearchJob() {
    // The worker holds its own share of the hive and of the summary; it only
    // needs to be told to stop.
    watcher_->disconnect(this);
    watcher_->future().cancel();
}

bool SearchJob::start(std::shared_ptr<const Hive> hive, const SearchQuery& query, QString* error) {
    auto search = std::make_shared<HiveSearch>(query);
    if (!search->isValid() || !hive) {
        if (error) *error = search->error();
        return false;
    }
    cancel();
    pending_ = std::make_shared<SearchSummary>();
    // A search cancelled before its worker starts never runs at all: its
    // summary says cancelled until the worker writes its own.
    pending_->cancelled = true;
    watcher_->setFuture(QtConcurrent::run(
        [](QPromise<SearchHit>& promise, std::shared_ptr<const Hive> hive, std::shared_ptr<HiveSearch> search,
           std::shared_ptr<SearchSummary> summary) {
            promise.setProgressRange(0, 1000);
            SearchControl control;
            control.cancelled = [&promise] { return promise.isCanceled(); };
            control.progress = [&promise](int permille) { promise.setProgressValue(permille); };
            control.hit = [&promise](SearchHit&& hit) { promise.addResult(std::move(hit)); };
            *summary = search->run(*hive, control);
        },
        std::move(hive), std::move(search), pending_));
    return true;
}

void SearchJob::cancel() {
    if (watcher_->isRunning()) watcher_->cancel();
}

bool SearchJob::isRunning() const { return watcher_->isRunning(); }

void SearchJob::waitForFinished() { watcher_->waitForFinished(); }

void SearchJob::onResultsReady(int begin, int end) {
    QList<SearchHit> hits;
    hits.reserve(end - begin);
    for (int i = begin; i < end; ++i) hits.push_back(watcher_->resultAt(i));
    emit hitsFound(hits);
}

void SearchJob::onFinished() {
    summary_ = pending_ ? *pending_ : SearchSummary{};
    // A cancelled future reports canceled even when the worker had already
    // finished its walk; the summary knows which it was.
    emit finished(summary_);
}

}  // namespace hivekit::gui
