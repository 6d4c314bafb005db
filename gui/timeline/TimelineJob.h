// TimelineJob: collects a hive's timeline (engine/timeline: key times,
// artefact times, deleted keys) on a worker thread and sorts it by time,
// then hands it to the GUI thread. Each start() supersedes the last: a
// generation counter stops the old run (collectTimeline's stop) and drops
// its result; cancel() does the same without a new run.
#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "hive/Hive.h"
#include "timeline/Timeline.h"

class QThread;

namespace hivekit::gui {

/// What one run found, carried from the worker to the GUI thread.
struct TimelineOutcome {
    quint64 generation = 0;
    std::shared_ptr<const Hive> hive;  ///< the hive read
    /// Every event, sorted by time (timeline::sortEvents).
    std::shared_ptr<const std::vector<timeline::TimelineEvent>> events;
    timeline::TimelineSummary summary;
    QString error;  ///< set when the collection failed
    qint64 milliseconds = 0;
    bool cancelled = false;
    QThread* thread = nullptr;  ///< the thread it ran on (never the GUI thread)
};

class TimelineJob : public QObject {
    Q_OBJECT
public:
    explicit TimelineJob(QObject* parent = nullptr);
    ~TimelineJob() override;

    /// Collects `hive`'s timeline off the GUI thread; finished() follows
    /// unless a later start() or cancel() supersedes it.
    void start(std::shared_ptr<const Hive> hive);
    void cancel();
    bool isRunning() const;
    /// Blocks until every worker is done (tests, shutdown).
    void waitForFinished();

    /// The collection itself, as the worker runs it.
    static TimelineOutcome collect(const std::shared_ptr<const Hive>& hive, const std::function<bool()>& stop);

signals:
    /// The current run's events (queued from the worker; never a stale run's).
    void finished(const hivekit::gui::TimelineOutcome& outcome);

private:
    void onWorkerDone(QFutureWatcher<TimelineOutcome>* watcher);

    std::shared_ptr<std::atomic<quint64>> generation_;
    QList<QFutureWatcher<TimelineOutcome>*> running_;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::TimelineOutcome)
