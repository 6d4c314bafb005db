// Commit: the one call through which every front end writes a plan to a
// hive (LevelDB's DB::Write: one entry point, whatever the caller). It
// opens a Session, finishes a commit that an earlier call left interrupted,
// validates, runs the caller's own check, backs the hive up when asked,
// applies and commits, and says what happened in either case:
//
//   CommitRequest request;
//   request.session.strategy = StrategyKind::InPlace;
//   request.backup = true;
//   auto done = commitPlan(path, plan, request);
//   if (!done && done.error().hiveWritten)
//       keep(done.error().interrupted);   // give it to the retry
//
// The steps, in order (CommitStep names each; a failure says which):
//
//   Open      Session::open: the hive's lock, its logs replayed.
//   Resume    the edits still to apply (editsStillToApply): when the file
//             already holds an interrupted commit, only those after it.
//   Validate  Session::validate of those edits.
//   Check     CommitRequest::check, the caller's own refusal; then the
//             structure check (CommitRequest::structure): the whole hive
//             (checkHive) here, before anything is applied.
//   Apply     Session::apply, into the image only.
//   Check     the scoped structure check (StructureCheck::Scoped): what
//             the applied plan touched, checked in the hive as it was
//             before (commitScope, hive/ScopedChecker); a refusal rolls
//             the image back.
//   Backup    a durable copy (tx/FileIO copyFileDurably) to the first free
//             HIVE.bak, HIVE.bak.1, ... before the hive is touched.
//   Write     Session::commit, TxManager's crash-safe protocol (a dry run
//             stops before it, rolled back).
//
// Nothing is written to the hive before Write; a failure before it leaves
// the hive file as it was (a backup may have been made).
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>

#include "hive/ScopedChecker.h"
#include "merge/Session.h"

namespace hivekit {

/// A commit that failed once the hive file was being written. Its log
/// holds the first `edits` edits of the plan it was given, so every
/// session opened on the file (which replays the log) already has them: a
/// retry applies only the edits after them, and its commit finishes
/// writing the interrupted ones.
struct InterruptedCommit {
    size_t edits = 0;
    /// The sequence number the commit's log entry carries
    /// (Session::sequence()): the file, its log replayed, holds the
    /// interrupted edits exactly when it has this number (a commit whose
    /// first write to the hive failed, or that stopped after a checkpoint
    /// (TxManager invariant 10), left another one, and a retry applies
    /// every edit).
    uint32_t sequence = 0;
    /// Those edits are still the first ones of the plan to commit (none of
    /// them undone since).
    bool intact = true;
};

/// The steps of commitPlan, in order.
enum class CommitStep { Open, Resume, Validate, Check, Backup, Apply, Write };

/// "open", "resume", "validate", "check", "backup", "apply", "write".
const char* commitStepName(CommitStep step);

/// The structure check commitPlan runs before it writes (a commit marks
/// the hive clean, so a writer refuses to build on damage).
enum class StructureCheck {
    None,    ///< none (the caller's own `check` only)
    /// What the plan touches (hive/ScopedChecker.h has the scope and why it
    /// is enough): costs what the edit costs, whatever the hive's size.
    Scoped,
    Whole,   ///< checkHive over the whole hive: costs a full walk
};

/// How commitPlan commits.
struct CommitRequest {
    /// Strategy, and the transaction's options: FileIO, the caller's lock,
    /// lock wait, flush mode, clock, whether to replay logs.
    SessionOptions session;
    /// Copy the hive durably before it is touched (CommitStep::Backup).
    bool backup = false;
    /// Validate, check and apply, then roll back: nothing is written, no
    /// backup made.
    bool dryRun = false;
    /// What an earlier commitPlan of the same pending plan left interrupted
    /// (CommitFailure::interrupted), if anything.
    std::optional<InterruptedCommit> interrupted;
    /// The caller's own check of the hive, after validation and before
    /// anything is written; an error stops the commit (CommitStep::Check).
    std::function<Result<void>(const Session&)> check;
    /// The structure check to run (CommitStep::Check).
    StructureCheck structure = StructureCheck::None;
    /// What the caller makes of the structure check's report: an error
    /// stops the commit (CommitStep::Check), success lets it go on (a
    /// caller's --force). Null: any error in the report stops it.
    std::function<Result<void>(const CheckReport&)> judgeStructure;
};

/// What a successful commitPlan did.
struct CommitSummary {
    /// Edits that changed something, those an interrupted commit had
    /// already logged included.
    size_t changed = 0;
    std::string strategy;    ///< Strategy::name() of the strategy used
    CommitReport written;    ///< the transaction's report (wrote false: nothing to change, or a dry run)
    std::string backupPath;  ///< "" without a backup
    bool dryRun = false;
};

/// Why commitPlan failed, and what it left behind.
struct CommitFailure {
    CommitStep step = CommitStep::Open;
    Error error;
    /// The backup made, or (step Backup) the one that could not be made.
    std::string backupPath;
    /// The commit had begun writing the hive file when it failed
    /// (TxManager::primaryTouched): the file's log holds the changes, and
    /// opening the hive again replays them. False: the file is unchanged.
    bool hiveWritten = false;
    /// When hiveWritten: what the retry passes as CommitRequest::interrupted
    /// (every edit of the plan, and the sequence number its log carries).
    std::optional<InterruptedCommit> interrupted;
};

using CommitResult = std::expected<CommitSummary, CommitFailure>;

/// Commits `plan` to the hive at `path` in one transaction, as the header
/// comment says. `plan` is every pending edit, those of an interrupted
/// commit (request.interrupted) first.
[[nodiscard]] CommitResult commitPlan(const std::string& path, const Plan& plan, const CommitRequest& request);

/// What `plan`, applied in `applied` (not yet committed), touches: every
/// key on the path of each edit, the subtree of each deleted key, the bins
/// the session's allocator learned and the bins of every page the
/// transaction changed. The scope of StructureCheck::Scoped.
CheckScope commitScope(const Plan& plan, const Session& applied);

/// The edits of `pending` that `opened` (a session on the hive file, its
/// log replayed) still has to apply: all of them, or, when the file holds
/// the interrupted commit (its sequence number says so), the ones after
/// it. Errors: ErrorCode::Corrupt when the file is marked dirty by the
/// interrupted commit and its log did not replay; ErrorCode::Invalid when
/// the interrupted edits are no longer the first pending ones (the file
/// has them, and undoing them is a change of its own).
[[nodiscard]] Result<Plan> editsStillToApply(const Session& opened, const Plan& pending,
                                             const std::optional<InterruptedCommit>& interrupted);

}  // namespace hivekit
