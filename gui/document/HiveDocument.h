// HiveDocument: one hive file as the GUI holds it. Opens the file off the GUI
// thread, then runs the structural check of the whole hive in the
// background (engine/hive/Checker: the check `hivectl check` runs, with its
// severities and messages), with progress and a stop; the tree itself stays
// lazy.
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "problems/DiagnosticsModel.h"
#include "hive/Checker.h"
#include "hive/Hive.h"

namespace hivekit::gui {

/// What the background open returns.
struct OpenOutcome {
    std::shared_ptr<const Hive> hive;
    QString error;
    qint64 milliseconds = 0;
};

/// What the background check found.
struct CheckOutcome {
    /// checkHive's report: what `hivectl check` prints, diagnostic for
    /// diagnostic. report.stopped: the check was stopped, nothing else holds.
    CheckReport report;
    /// report.diagnostics as the Problems panel shows them.
    DiagnosticsModel::Rows rows;
    /// (vk offset, nk offset) of every value reached, sorted: which key a
    /// value record belongs to (a vk does not say).
    std::vector<std::pair<uint32_t, uint32_t>> valueOwners;
    qint64 milliseconds = 0;
};

/// One hive file, read-only. The Hive is shared (std::shared_ptr) with the
/// models and with every worker thread, so closing a tab while a search or
/// check runs is safe: the last owner frees it.
class HiveDocument : public QObject {
    Q_OBJECT
public:
    explicit HiveDocument(const QString& path, QObject* parent = nullptr);
    ~HiveDocument() override;

    const QString& path() const { return path_; }
    /// The file name, for a tab title.
    QString displayName() const;

    /// Starts opening the file (replaying logs or not); emits opened() or
    /// failed(). A load already running is superseded.
    void open(bool useLogs);
    bool isLoading() const { return loading_; }
    bool usesLogs() const { return useLogs_; }
    const std::shared_ptr<const Hive>& hive() const { return hive_; }
    /// How long the last open took on the worker thread.
    qint64 openMilliseconds() const { return openMs_; }

    /// The structural check's findings, once it has run to its end (empty
    /// while it runs and after it was stopped).
    DiagnosticsModel* diagnostics() const { return diagnostics_; }
    /// Starts the check of the open hive again (after a stop); each open
    /// starts one by itself. A check already running is superseded.
    void startCheck();
    /// Asks the running check to stop; checkEnded(false) follows.
    void stopCheck();
    bool isChecking() const { return checking_; }
    /// The check of the hive shown ran to its end.
    bool checkFinished() const { return checkDone_; }
    /// The last check of the hive shown was stopped before its end.
    bool checkStopped() const { return checkStopped_; }
    /// The check's progress in thousandths while it runs.
    int checkProgress() const { return checkProgress_; }
    /// How long the last check took on the worker thread.
    qint64 checkMilliseconds() const { return checkMs_; }
    /// Keys and values the finished check reached.
    uint64_t keyCount() const { return keys_; }
    uint64_t valueCount() const { return values_; }
    /// The key whose value list holds the vk at `valueOffset` (known once
    /// the check is finished), or nothing.
    std::optional<uint32_t> keyOfValue(uint32_t valueOffset) const;

    /// The check as run in the background (checkHive, then the owners of
    /// the values); public for the tests. Stops early when `stop` becomes
    /// true, with report.stopped set.
    static CheckOutcome check(const Hive& hive, const std::atomic<bool>& stop,
                              const std::function<void(unsigned permille)>& progress = {});

signals:
    void opened();
    void failed(const QString& message);
    void checkStarted();
    /// The running check's progress, in thousandths.
    void checkProgressed(int permille);
    /// The check ended: ran to its end (`completed`; diagnostics() holds its
    /// findings) or was stopped.
    void checkEnded(bool completed);

private:
    void onOpenFinished();
    void onCheckFinished();

    QString path_;
    bool useLogs_ = true;
    bool loading_ = false;
    std::shared_ptr<const Hive> hive_;
    qint64 openMs_ = 0;
    DiagnosticsModel* diagnostics_;
    QFutureWatcher<OpenOutcome>* openWatcher_;
    QFutureWatcher<CheckOutcome>* checkWatcher_;
    std::shared_ptr<std::atomic<bool>> checkStop_;
    bool checking_ = false;
    bool checkDone_ = false;
    bool checkStopped_ = false;
    int checkProgress_ = 0;
    qint64 checkMs_ = 0;
    uint64_t keys_ = 0;
    uint64_t values_ = 0;
    std::vector<std::pair<uint32_t, uint32_t>> valueOwners_;
};

}  // namespace hivekit::gui
