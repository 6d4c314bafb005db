// HiveDocument: one hive file as the GUI holds it. Opens the file off the GUI
// thread, then walks the whole tree and every cell in the background to
// collect the problems a damaged hive has (the tree itself stays lazy).
#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "hive/Hive.h"

namespace hivekit::gui {

class DiagnosticsModel;

/// What the background open returns.
struct OpenOutcome {
    std::shared_ptr<const Hive> hive;
    QString error;
    qint64 milliseconds = 0;
};

/// What the background walk found.
struct WalkOutcome {
    Diagnostics diagnostics;
    uint64_t keys = 0;
    uint64_t values = 0;
    bool stopped = false;
    qint64 milliseconds = 0;
    /// (vk offset, nk offset) of every value reached, sorted: which key a
    /// value record belongs to (a vk does not say).
    std::vector<std::pair<uint32_t, uint32_t>> valueOwners;
};

/// One hive file, read-only. The Hive is shared (std::shared_ptr) with the
/// models and with every worker thread, so closing a tab while a search or
/// walk runs is safe: the last owner frees it.
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

    /// Problems of this hive: the header's at once, the walk's when it ends.
    DiagnosticsModel* diagnostics() const { return diagnostics_; }
    bool walkFinished() const { return walkDone_; }
    uint64_t keyCount() const { return keys_; }
    uint64_t valueCount() const { return values_; }
    /// The key whose value list holds the vk at `valueOffset` (known once
    /// the walk is finished), or nothing.
    std::optional<uint32_t> keyOfValue(uint32_t valueOffset) const;

    /// Resolves a path ("A\B\C", from the root; a leading '\' or the root
    /// key's own name may start it) to the chain of nk offsets from the
    /// root's child down, as KeyTreeModel::indexForChain takes it. On
    /// failure returns nothing and sets `error`.
    static std::optional<std::vector<uint32_t>> resolvePath(const Hive& hive, const QString& path, QString* error);
    /// The chain of a key's ancestors through its parent fields, or nothing
    /// when they do not lead to the root.
    static std::optional<std::vector<uint32_t>> chainOf(const Hive& hive, uint32_t keyOffset);

    /// The walk of the tree and cells, as run in the background; public for
    /// the tests. Stops early when `stop` becomes true.
    static WalkOutcome walk(const Hive& hive, const std::atomic<bool>& stop);

signals:
    void opened();
    void failed(const QString& message);
    void walkCompleted();

private:
    void onOpenFinished();
    void onWalkFinished();
    void stopWalk();

    QString path_;
    bool useLogs_ = true;
    bool loading_ = false;
    std::shared_ptr<const Hive> hive_;
    qint64 openMs_ = 0;
    DiagnosticsModel* diagnostics_;
    QFutureWatcher<OpenOutcome>* openWatcher_;
    QFutureWatcher<WalkOutcome>* walkWatcher_;
    std::shared_ptr<std::atomic<bool>> walkStop_;
    bool walkDone_ = false;
    uint64_t keys_ = 0;
    uint64_t values_ = 0;
    std::vector<std::pair<uint32_t, uint32_t>> valueOwners_;
};

}  // namespace hivekit::gui
