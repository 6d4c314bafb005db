#include "merge/Commit.h"

#include "tx/FileIO.h"

namespace hivekit {

namespace {

CommitFailure failedAt(CommitStep step, Error error) {
    CommitFailure f;
    f.step = step;
    f.error = std::move(error);
    return f;
}

}  // namespace

const char* commitStepName(CommitStep step) {
    switch (step) {
    case CommitStep::Open: return "open";
    case CommitStep::Resume: return "resume";
    case CommitStep::Validate: return "validate";
    case CommitStep::Check: return "check";
    case CommitStep::Backup: return "backup";
    case CommitStep::Apply: return "apply";
    case CommitStep::Write: return "write";
    }
    return "?";
}

Result<Plan> editsStillToApply(const Session& opened, const Plan& pending,
                               const std::optional<InterruptedCommit>& interrupted) {
    // The hive's sequence number after replay says whether the interrupted
    // commit is in the file: its log carried that number, and a replay (or
    // the commit's own completed header) leaves it in the base block.
    if (!interrupted) return pending;
    const RecoveryReport& recovery = opened.hive().recovery();
    if (recovery.wasDirty && !recovery.recovered) {
        // The interrupted commit marked the file dirty (primary N+1) and
        // its log did not replay: the bins may be half written.
        return fail(ErrorCode::Corrupt, opened.path() +
                                            ": the hive is marked dirty by the interrupted commit and its log could "
                                            "not be replayed; recover it (hivectl recover) before committing again");
    }
    if (opened.hive().header().primarySequence != interrupted->sequence) return pending;
    const auto& edits = pending.edits();
    if (!interrupted->intact || edits.size() < interrupted->edits) {
        return fail(ErrorCode::Invalid,
                    opened.path() + ": the hive already holds the " + std::to_string(interrupted->edits) +
                        (interrupted->edits == 1 ? " edit" : " edits") +
                        " of the interrupted commit (its log replays them), and some of them were undone since; "
                        "redo them, or discard the pending edits");
    }
    Plan rest;
    for (size_t i = interrupted->edits; i < edits.size(); ++i) rest.add(edits[i]);
    return rest;
}

CommitResult commitPlan(const std::string& path, const Plan& plan, const CommitRequest& request) {
    auto opened = Session::open(path, request.session);
    if (!opened) return std::unexpected(failedAt(CommitStep::Open, opened.error()));
    Session& session = **opened;

    auto rest = editsStillToApply(session, plan, request.interrupted);
    if (!rest) return std::unexpected(failedAt(CommitStep::Resume, rest.error()));
    if (auto valid = session.validate(*rest); !valid)
        return std::unexpected(failedAt(CommitStep::Validate, valid.error()));
    if (request.check) {
        if (auto checked = request.check(session); !checked)
            return std::unexpected(failedAt(CommitStep::Check, checked.error()));
    }

    CommitSummary summary;
    summary.strategy = session.strategy().name();
    summary.dryRun = request.dryRun;
    if (request.backup && !request.dryRun) {
        FileIO& io = request.session.tx.io ? *request.session.tx.io : realFileIO();
        auto backup = freeBackupPath(io, path);
        if (!backup) return std::unexpected(failedAt(CommitStep::Backup, backup.error()));
        // Durable (data and directory flushed) before the hive is touched.
        if (auto copied = copyFileDurably(io, path, *backup); !copied) {
            CommitFailure f = failedAt(CommitStep::Backup, copied.error());
            f.backupPath = *backup;
            return std::unexpected(f);
        }
        summary.backupPath = *backup;
    }

    // Edits an interrupted commit left in the log: the session has them.
    summary.changed = plan.size() - rest->size();
    if (!rest->empty()) {
        auto applied = session.apply(*rest);
        if (!applied) {
            CommitFailure f = failedAt(CommitStep::Apply, applied.error());
            f.backupPath = summary.backupPath;
            return std::unexpected(f);
        }
        summary.changed += applied->changed;
    }
    if (request.dryRun) {
        (void)session.rollback();
        return summary;
    }

    auto committed = session.commit();
    if (!committed) {
        CommitFailure f = failedAt(CommitStep::Write, committed.error());
        f.backupPath = summary.backupPath;
        f.hiveWritten = session.tx().primaryTouched();
        if (f.hiveWritten) f.interrupted = InterruptedCommit{plan.size(), session.sequence(), true};
        return std::unexpected(f);
    }
    summary.written = *committed;
    return summary;
}

}  // namespace hivekit
