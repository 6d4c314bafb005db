// CompareJob: compares two hives on a worker thread (diff/HiveDiff's
// diffHives, as `hivectl diff` runs it) and hands the outcome to the GUI
// thread: both hives, the counts, and the index of where differences are,
// which the compare models ask for each row.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "diff/HiveDiff.h"
#include "hive/Hive.h"

class QThread;

namespace hivekit::gui::compare {

/// Where the differences of a comparison are, by key: the keys that differ
/// themselves (their time, class, security or values) and the keys with a
/// difference somewhere below them. Keys are named by their chain of names
/// from the root, compared without regard to case as the engine matches them.
class DiffIndex {
public:
    /// The index key of a chain of names (upcased, each name length-prefixed
    /// so that no name can pass for two).
    static std::u16string keyOf(const std::vector<std::u16string>& names);
    /// keyOf(parent's names + name), from the parent's index key.
    static std::u16string childKey(const std::u16string& parentKey, const std::u16string& name);

    void add(const Difference& difference);
    bool changedHere(const std::u16string& key) const { return here_.contains(key); }
    bool changedBelow(const std::u16string& key) const { return below_.contains(key); }

private:
    std::unordered_set<std::u16string> here_;
    std::unordered_set<std::u16string> below_;
};

/// What one comparison found.
struct CompareOutcome {
    std::shared_ptr<const Hive> a;
    std::shared_ptr<const Hive> b;
    std::shared_ptr<const DiffIndex> index;
    DiffSummary summary;
    QString error;  ///< why it failed (a hive could not be opened or read); empty on success
    bool cancelled = false;
    QThread* thread = nullptr;  ///< the thread it ran on (never the GUI thread)
    qint64 milliseconds = 0;
};

class CompareJob : public QObject {
    Q_OBJECT
public:
    explicit CompareJob(QObject* parent = nullptr);
    ~CompareJob() override;

    /// Compares `a` (opened already; or, when null, opened from `aPath`)
    /// with the hive at `bPath` off the GUI thread; finished() follows.
    /// B is opened read-only, its logs replayed in memory when `useLogs`.
    /// `ignoreTimes`: last-write times are not compared (DiffOptions).
    void start(std::shared_ptr<const Hive> a, const QString& aPath, const QString& bPath, bool ignoreTimes = false,
               bool useLogs = true);
    void cancel();
    bool isRunning() const { return watcher_ != nullptr; }
    void waitForFinished();

    /// The comparison itself, as the worker runs it.
    static CompareOutcome compare(std::shared_ptr<const Hive> a, std::shared_ptr<const Hive> b, bool ignoreTimes = false,
                                  const std::function<bool()>& stop = {});

signals:
    void finished(const hivekit::gui::compare::CompareOutcome& outcome);

private:
    QFutureWatcher<CompareOutcome>* watcher_ = nullptr;
    std::shared_ptr<std::atomic<bool>> stop_;
};

}  // namespace hivekit::gui::compare

Q_DECLARE_METATYPE(hivekit::gui::compare::CompareOutcome)
