// SearchJob: one HiveSearch run on a worker thread, its hits, progress and
// end delivered to the GUI thread.
//
// Hits reach the GUI thread in batches, at most every 50 ms or 500 hits,
// and progress at most every 50 ms; the GUI thread hands them on to the
// view at most 500 per turn of the event loop, so that neither a search with
// hundreds of thousands of hits nor the view showing them keeps the event
// loop from running.
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

#include <atomic>
#include <memory>

#include "search/HiveSearch.h"

namespace hivekit::gui {

/// Runs searches one at a time: starting a new one cancels the last.
class SearchJob : public QObject {
    Q_OBJECT
public:
    explicit SearchJob(QObject* parent = nullptr);
    ~SearchJob() override;

    /// Starts searching `hive`; false (and nothing started) when the query
    /// is not valid; `error` then says why.
    bool start(std::shared_ptr<const Hive> hive, const SearchQuery& query, QString* error = nullptr);
    /// Asks the worker to stop; finished() follows with cancelled set.
    void cancel();
    /// True from start() until finished() is emitted.
    bool isRunning() const { return running_; }
    /// Blocks until the worker is done and its hits and end are delivered
    /// (tests, shutdown).
    void waitForFinished();
    /// The summary of the last search that finished.
    const SearchSummary& summary() const { return summary_; }
    /// The query of the last search started.
    const SearchQuery& query() const { return query_; }

signals:
    void hitsFound(const QList<hivekit::gui::SearchHit>& hits);
    /// Per mille of the tree covered.
    void progressChanged(int permille);
    void finished(const hivekit::gui::SearchSummary& summary);

private:
    /// What the GUI thread and one worker share.
    struct Run {
        std::atomic<bool> cancel{false};
    };

    void deliverHits(const std::shared_ptr<Run>& run, const QList<SearchHit>& hits);
    void deliverProgress(const std::shared_ptr<Run>& run, int permille);
    void deliverEnd(const std::shared_ptr<Run>& run, const SearchSummary& summary);
    /// Hands on up to one batch of the hits received; emits finished()
    /// once every hit is handed on and the worker has ended.
    void handOn();

    std::shared_ptr<Run> run_;
    QFuture<void> future_;
    bool running_ = false;
    SearchQuery query_;
    SearchSummary summary_;
    /// Hits received from the worker, not yet handed on.
    QList<SearchHit> received_;
    /// The worker's summary, once it has ended.
    std::optional<SearchSummary> ended_;
    QTimer* handOnTimer_;
};

}  // namespace hivekit::gui
