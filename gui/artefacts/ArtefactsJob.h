// ArtefactsJob: runs every artefact decoder that applies to a hive on a
// worker thread (detectHiveKind, then decodersFor and runDecoder, as
// `hivectl artefacts HIVE` does) and hands the tables back to the GUI
// thread. Each start() supersedes the last: a generation counter stops the
// old run between decoders and drops its results.
#pragma once

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "artefacts/Artefact.h"
#include "hive/Hive.h"

class QThread;

namespace hivekit::gui {

/// What one run found, carried from the worker to the GUI thread.
struct ArtefactsOutcome {
    quint64 generation = 0;
    std::shared_ptr<const Hive> hive;  ///< the hive decoded
    artefacts::HiveKind kind = artefacts::HiveKind::Unknown;
    /// One table per applicable decoder, in the registry's order.
    std::vector<std::shared_ptr<const artefacts::ArtefactTable>> tables;
    qint64 milliseconds = 0;
    bool cancelled = false;
    /// The thread the decoders ran on (never the GUI thread).
    QThread* thread = nullptr;
};

class ArtefactsJob : public QObject {
    Q_OBJECT
public:
    explicit ArtefactsJob(QObject* parent = nullptr);
    ~ArtefactsJob() override;

    /// Decodes `hive` off the GUI thread; finished() follows unless a later
    /// start() or cancel() supersedes it.
    void start(std::shared_ptr<const Hive> hive);
    /// Stops the current run; its results are dropped.
    void cancel();
    bool isRunning() const;
    /// Blocks until every worker is done (tests, shutdown).
    void waitForFinished();

    /// The decoding itself, as the worker runs it: stops between decoders
    /// once `stop` returns true (then the outcome is marked cancelled).
    static ArtefactsOutcome decode(const std::shared_ptr<const Hive>& hive, const std::function<bool()>& stop);

signals:
    /// The current run's tables (queued from the worker; never a stale run's).
    void finished(const hivekit::gui::ArtefactsOutcome& outcome);

private:
    void onWorkerDone(QFutureWatcher<ArtefactsOutcome>* watcher);

    /// The generation the latest start() handed out; workers compare theirs.
    std::shared_ptr<std::atomic<quint64>> generation_;
    QList<QFutureWatcher<ArtefactsOutcome>*> running_;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::ArtefactsOutcome)
