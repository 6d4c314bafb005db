// SearchJob: one HiveSearch run on a worker thread (QtConcurrent with a
// QPromise), its hits, progress and end delivered to the GUI thread.
#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>

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
    bool isRunning() const;
    /// Blocks until the worker is done (tests, shutdown).
    void waitForFinished();
    /// The summary of the last search that finished.
    const SearchSummary& summary() const { return summary_; }

signals:
    void hitsFound(const QList<hivekit::gui::SearchHit>& hits);
    /// Per mille of the tree covered.
    void progressChanged(int permille);
    void finished(const hivekit::gui::SearchSummary& summary);

private:
    void onResultsReady(int begin, int end);
    void onFinished();

    QFutureWatcher<SearchHit>* watcher_;
    std::shared_ptr<SearchSummary> pending_;
    SearchSummary summary_;
};

}  // namespace hivekit::gui
