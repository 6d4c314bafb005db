#include "merge/Commit.h"

#include <set>

#include "format/Names.h"
#include "index/Index.h"
#include "tx/FileIO.h"

namespace hivekit {

namespace {

CommitFailure failedAt(CommitStep step, Error error) {
    CommitFailure f;
    f.step = step;
    f.error = std::move(error);
    return f;
}

/// The structure check's verdict: the caller's judge, or any error.
Result<void> judge(const CommitRequest& request, const CheckReport& report) {
    if (request.judgeStructure) return request.judgeStructure(report);
    if (report.errors() == 0) return {};
    for (const Diagnostic& d : report.diagnostics.items())
        if (d.severity == Diagnostic::Severity::Error)
            return fail(ErrorCode::Corrupt, "the structure check finds " + std::to_string(report.errors()) +
                                                (report.errors() == 1 ? " error" : " errors") + ", the first at " +
                                                hexOffset(d.offset) + ": " + d.message,
                        d.offset);
    return fail(ErrorCode::Corrupt, "the structure check finds errors");
}

/// The scoped check of what `rest`, applied in `session`, touched, in the
/// hive as the session found it: the file opened again read-only (logs
/// replayed the same way), since the session's image now holds the edits.
/// The session holds the hive's lock, so no other writer changed it.
Result<void> checkTouched(const std::string& path, const CommitRequest& request, const Plan& rest,
                          const Session& session) {
    OpenOptions options;
    options.useLogs = request.session.tx.useLogs;
    auto before = Hive::open(path, options);
    if (!before) return std::unexpected(before.error());
    return judge(request, checkScope(**before, commitScope(rest, session)).report);
}

}  // namespace

CheckScope commitScope(const Plan& plan, const Session& applied) {
    CheckScope scope;
    std::set<std::u16string> seen;  // upcased joined paths: an import of n values into one key is one path
    auto add = [&](std::vector<std::vector<std::u16string>>& into, const std::vector<std::u16string>& parts,
                   char16_t kind) {
        std::u16string key(1, kind);
        for (const auto& p : parts) {
            key += u'\\';
            for (char16_t c : p) key += windowsUpcase(c);
        }
        if (seen.insert(key).second) into.push_back(parts);
    };
    for (const Edit& e : plan.edits()) {
        auto parts = splitKeyPath(e.path);
        if (!parts) continue;  // validation refused it already
        if (e.kind == Edit::Kind::DeleteKey) add(scope.subtrees, *parts, u'S');
        else add(scope.paths, *parts, u'P');
    }
    scope.binOffsets = applied.allocator().learnedBins();
    const uint64_t header = kHiveBinsStart;
    for (const DirtyTracker::Range& run : applied.tx().dirty().pageRuns(header))
        for (uint64_t page = run.offset; page < run.offset + run.length; page += DirtyTracker::kPageSize)
            scope.binOffsets.push_back(static_cast<uint32_t>(page - header));
    return scope;
}

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
    if (request.structure == StructureCheck::Whole) {
        if (auto judged = judge(request, checkHive(session.hive())); !judged)
            return std::unexpected(failedAt(CommitStep::Check, judged.error()));
    }

    // Edits an interrupted commit left in the log: the session has them.
    const size_t alreadyLogged = plan.size() - rest->size();
    size_t changed = 0;
    if (!rest->empty()) {
        auto applied = session.apply(*rest);
        if (!applied) return std::unexpected(failedAt(CommitStep::Apply, applied.error()));
        changed = applied->changed;
    }
    if (request.structure == StructureCheck::Scoped) {
        if (auto judged = checkTouched(path, request, *rest, session); !judged) {
            (void)session.rollback();
            return std::unexpected(failedAt(CommitStep::Check, judged.error()));
        }
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

    summary.changed = alreadyLogged + changed;
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
