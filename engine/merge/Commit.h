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
//   Check     CommitRequest::check, the caller's own refusal (hivectl's
//             structure check).
//   Backup    a durable copy (tx/FileIO copyFileDurably) to the first free
//             HIVE.bak, HIVE.bak.1, ... before the hive is touched.
//   Apply     Session::apply (a dry run stops after it, rolled back).
//   Write     Session::commit, TxManager's crash-safe protocol.
//
// Nothing is written to the hive before Write; a failure before it leaves
// the hive file as it was (a backup may have been made).
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>

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
