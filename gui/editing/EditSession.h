// EditSession: the pending changes of one hive opened for editing. Every
// edit is a command on a QUndoStack; the commands below the stack's index
// are, in order, the Plan a commit applies (merge/Plan.h), so undo and redo
// are nothing but moving the index.
//
// How the view shows the hive "as it will be": the pending Plan is applied
// by the engine itself (merge/Session) to its copy-on-write image of the
// file, and the resulting image is copied into an in-memory Hive (preview()).
// Nothing is written to the file, and the tree and table read the result
// with the same code as any hive, so what is shown is exactly what a commit
// would write, rather than an overlay that could disagree with the engine.
// The cost is one open and apply per change (milliseconds for the hives an
// administrator edits by hand).
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <memory>
#include <optional>
#include <vector>

#include "hive/Hive.h"
#include "merge/Commit.h"
#include "merge/Plan.h"

namespace hivekit {
class FileIO;
class HiveLock;
}  // namespace hivekit

namespace hivekit::gui {

/// One pending change as the "Pending changes" list shows it.
struct PendingChange {
    Edit edit;
    QString operation;  ///< "New key", "Set value", ...
    QString path;       ///< the key (and value) concerned
    QString oldText;    ///< what was there ("" for new things)
    QString newText;    ///< what will be ("" for deletions)
};

/// The engine's strategies (strategy/Strategy.h's StrategyKind) as the
/// commit dialog offers them.
enum class CommitStrategy { InPlace, Append, Hybrid };

/// How a commit is made.
struct CommitChoice {
    CommitStrategy strategy = CommitStrategy::Hybrid;
    bool backup = false;
};

/// What a commit did, or why it did not: the engine's result
/// (merge/Commit.h) in the user's language.
struct CommitOutcome {
    bool ok = false;
    QString message;     ///< the summary, or the error
    QString details;     ///< the engine's own message for a failure ("" when none)
    QString backupPath;  ///< the copy made before writing, if any
    /// A failed commit got as far as writing the hive file (its log holds
    /// the changes; the message says so): CommitFailure::hiveWritten.
    bool partlyWritten = false;
    /// For a partly written commit: what the retry passes to the engine.
    std::optional<InterruptedCommit> interrupted;
};

/// One hive opened for editing. It holds the hive's lock (tx/HiveLock.h)
/// from construction to destruction, so that no other writer (hivectl,
/// another tab or window) changes the hive while changes are pending; every
/// engine Session it opens shares that lock.
class EditSession : public QObject {
    Q_OBJECT
public:
    explicit EditSession(const QString& path, QObject* parent = nullptr);
    ~EditSession() override;

    const QString& path() const { return path_; }
    /// Why the hive's lock could not be taken, naming the process that holds
    /// it ("" when this session holds the lock). A session without the lock
    /// must not be used for editing: the tab stays read-only.
    const QString& lockError() const { return lockError_; }
    /// Lets the hive's lock go now (a commit still running keeps its share
    /// until it ends): the tab leaving edit mode frees the hive for the next
    /// writer at once, though this object is deleted later.
    void releaseLock() { lock_.reset(); }
    QUndoStack* undoStack() const { return stack_; }

    /// Why `path` cannot be opened for editing ("" when it can): the file
    /// is not writable, or `hive` (as opened) is dirty and its logs must be
    /// recovered first.
    static QString editBlocker(const QString& path, const Hive* hive);
    /// A warning for a hive that can be edited but perhaps not committed:
    /// its directory is not writable, so the transaction log (written
    /// beside the hive) and a backup cannot be created. "" when none.
    static QString editWarning(const QString& path);

    /// What a path looks like to the user: under this root, as regedit
    /// shows it ("HKEY_LOCAL_MACHINE\SYSTEM"; "" shows paths from the
    /// hive's root). Error texts name keys this way.
    void setDisplayRoot(const QString& root) { displayRoot_ = root; }
    const QString& displayRoot() const { return displayRoot_; }
    /// The engine's precise message for the last refused change (for a
    /// Details section), "" when the last push worked.
    const QString& lastErrorDetails() const { return lastErrorDetails_; }

    /// Why the edit number `index` of a plan was refused, in the user's
    /// words ("Cannot rename the value "X" in HKEY_...\Key: a value named
    /// "Y" already exists."), from the engine's error.
    static QString describeFailure(const Edit& edit, const Error& error, size_t index, const QString& displayRoot);
    /// The same for a refused plan: the failing edit is the one the engine's
    /// message names ("edit 3 (...): ..."); a message naming none is kept.
    static QString describeFailure(const Plan& plan, const Error& error, const QString& displayRoot);
    /// `path` (from the hive's root) under `displayRoot`.
    static QString displayPath(const QString& displayRoot, const QString& path);

    /// Validates the changes against the hive with the pending changes
    /// (Session::validate) and pushes them as one undoable step named
    /// `text`. On a validation error nothing is pushed, `error` says why
    /// in the user's words (lastErrorDetails() holds the engine's text).
    bool push(const QString& text, std::vector<PendingChange> changes, QString* error);
    bool push(PendingChange change, QString* error);

    /// The edits of the GUI, each validated and pushed as one step (paths
    /// are key paths from the root, "" for the root; `error` says why a
    /// change was refused). `oldText`/`newText` describe the data for the
    /// list.
    bool newKey(const QString& parentPath, const QString& name, QString* error);
    bool deleteKey(const QString& path, bool recursive, QString* error);
    bool renameKey(const QString& path, const QString& newName, QString* error);
    /// Sets the class name of the key at `path` ("" removes it); `oldText`
    /// is the class name it has now, for the list.
    bool setClassName(const QString& path, const QString& className, const QString& oldText, QString* error);
    bool setValue(const QString& keyPath, const QString& name, uint32_t type, std::vector<uint8_t> data,
                  const QString& oldText, const QString& newText, QString* error);
    bool deleteValue(const QString& keyPath, const QString& name, const QString& oldText, QString* error);
    bool renameValue(const QString& keyPath, const QString& name, const QString& newName, QString* error);
    /// Every edit of `plan` (an imported .reg file) as one undoable step.
    bool pushPlan(const QString& text, const Plan& plan, QString* error);

    /// "A\B" from "A" and "B" ("" is the root).
    static QString childPath(const QString& parentPath, const QString& name);

    /// The changes in effect (undone ones excluded), in order.
    std::vector<PendingChange> changes() const;
    /// Their edits, as one plan.
    Plan plan() const;
    bool hasPending() const { return stack_->index() > 0; }

    /// The hive as it will be after the pending changes (see the header
    /// comment); the file's own content when nothing is pending.
    Result<std::shared_ptr<const Hive>> preview() const;
    /// What the last successful preview() did to build its image: the
    /// pending edits are applied to the file's image, so its work grows
    /// with the changes, not with the hive.
    struct PreviewWork {
        uint64_t recordsWritten = 0;  ///< records created, rewritten or moved
        uint64_t dirtyPages = 0;      ///< 4 KiB pages of the image they changed
        uint64_t imagePages = 0;      ///< 4 KiB pages of the whole image
    };
    const PreviewWork& lastPreviewWork() const { return lastPreviewWork_; }

    /// Drops every pending change (not undoable).
    void discardAll();

    /// After the file changed on disk: validates the pending steps again,
    /// in order, against the file as it is now, and drops those that no
    /// longer apply (with the redo steps, when any is dropped). Returns one
    /// line per dropped step: its text and the engine's reason.
    QStringList dropInapplicable();

    /// Commits on a worker thread; emits commitFinished(). The pending list
    /// empties on success only.
    void commit(const CommitChoice& choice);
    bool isCommitting() const { return committing_; }
    /// The commit as the worker runs it: the engine's commitPlan
    /// (merge/Commit.h), its result translated (public for the tests).
    /// `lock`: the hive's lock when the caller holds it (null: the commit
    /// takes its own).
    static CommitOutcome commitPlan(const QString& path, const Plan& plan, const CommitChoice& choice, FileIO* io,
                                    const std::optional<InterruptedCommit>& interrupted = std::nullopt,
                                    std::shared_ptr<HiveLock> lock = nullptr,
                                    const QString& displayRoot = QString());
    /// The interrupted commit the file holds, if a commit was interrupted.
    std::optional<InterruptedCommit> interruptedCommit() const;

    /// Where the engine writes (tests inject a failing FileIO); null: the
    /// real file system.
    void setFileIO(FileIO* io) { io_ = io; }

signals:
    /// The pending changes changed (push, undo, redo, discard, commit).
    void changed();
    /// A commit starts writing (its end: commitFinished).
    void commitStarted();
    void commitFinished(const hivekit::gui::CommitOutcome& outcome);

private:
    void onCommitFinished();
    /// Another program replaced the file (a rename over it): the lock held
    /// is on the old file, so the new one is locked instead.
    void lockReplacedFile();

    QString path_;
    QString displayRoot_;
    QString lastErrorDetails_;
    std::shared_ptr<HiveLock> lock_;  ///< null when lockError_ says why
    QString lockError_;
    /// The FILETIME previews stamp changed keys with: fixed per session so
    /// that the same pending changes always preview to the same image
    /// (undo then redo shows exactly what was shown before).
    uint64_t previewClock_;
    mutable PreviewWork lastPreviewWork_;
    QUndoStack* stack_;
    FileIO* io_ = nullptr;
    bool committing_ = false;
    /// Set when a commit is interrupted after writing the hive file; the
    /// undo stack's clean index marks where its edits end.
    std::optional<InterruptedCommit> interrupted_;
    QFutureWatcher<CommitOutcome>* commitWatcher_;
};

}  // namespace hivekit::gui

Q_DECLARE_METATYPE(hivekit::gui::CommitOutcome)
