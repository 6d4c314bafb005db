// ExportJob: a .reg export of a key and its subtree written on a worker
// thread (the engine's exportRegFile: streamed, written beside the target
// and renamed), with progress and Cancel. A cancelled or failed export
// leaves no file behind, and an existing file as it was.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "hive/Hive.h"

namespace hivekit::gui {

/// How an export ended.
struct ExportOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message;  ///< the summary, or why it failed
    uint64_t keys = 0;
    uint64_t bytes = 0;
};

/// Runs one export at a time.
class ExportJob : public QObject {
    Q_OBJECT
public:
    explicit ExportJob(QObject* parent = nullptr);
    ~ExportJob() override;

    /// Starts writing the key at `keyPath` ("" for the root) of `hive` with
    /// its subtree to `file`, with `rootName` standing for the hive's root
    /// in key lines. False when an export is already running.
    bool start(std::shared_ptr<const Hive> hive, const QString& keyPath, const QString& file,
               const QString& rootName = QString());
    /// Asks the worker to stop; finished() follows with cancelled set.
    void cancel();
    bool isRunning() const { return running_; }
    /// Blocks until the worker is done and finished() was emitted (tests).
    void waitForFinished();

signals:
    /// Keys and bytes written so far (at most every 100 ms).
    void progressed(quint64 keys, quint64 bytes);
    void finished(const hivekit::gui::ExportOutcome& outcome);

private:
    struct Run {
        std::atomic<bool> cancel{false};
    };
    void deliverProgress(quint64 keys, quint64 bytes);
    void deliverEnd(const ExportOutcome& outcome);

    std::shared_ptr<Run> run_;
    QFuture<void> future_;
    bool running_ = false;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::ExportOutcome)
