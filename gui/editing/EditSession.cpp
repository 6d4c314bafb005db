#include "editing/EditSession.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>


#include "common/Display.h"
#include "editing/ValueCodec.h"
#include "merge/Commit.h"
#include "merge/Session.h"
#include "strategy/Strategy.h"
#include "tx/HiveLock.h"
#include "tx/TxManager.h"

namespace hivekit::gui {

namespace {

/// One undoable step: the changes it adds to the plan. Undo and redo do
/// nothing themselves: the plan is read from the commands below the
/// stack's index.
class EditCommand : public QUndoCommand {
public:
    EditCommand(const QString& text, std::vector<PendingChange> changes)
        : QUndoCommand(text), changes_(std::move(changes)) {}
    const std::vector<PendingChange>& changes() const { return changes_; }

private:
    std::vector<PendingChange> changes_;
};

/// Why the engine refused to resume an interrupted commit
/// (editsStillToApply), in the user's language.
QString resumeRefusal(const Error& error, const std::optional<InterruptedCommit>& interrupted) {
    if (error.code == ErrorCode::Corrupt) {
        return EditSession::tr("The hive is marked dirty by the interrupted commit and its log could not be "
                               "replayed; recover it (hivectl recover) before committing again.");
    }
    return EditSession::tr("The hive already holds the %n change(s) of the interrupted commit (its log replays "
                           "them), and some of them were undone since. Redo them, or discard the pending changes.",
                           nullptr, interrupted ? static_cast<int>(interrupted->edits) : 0);
}

/// A session on the hive file (its log replayed, as every session's is)
/// with the pending edits applied or, with `validateOnly`, checked.
Result<std::unique_ptr<Session>> sessionWith(const QString& path, const Plan& pending,
                                             const std::optional<InterruptedCommit>& interrupted,
                                             SessionOptions options, bool validateOnly) {
    auto session = Session::open(path.toStdString(), std::move(options));
    if (!session) return std::unexpected(session.error());
    auto rest = editsStillToApply(**session, pending, interrupted);
    if (!rest) {
        Error refused = rest.error();
        refused.message = resumeRefusal(refused, interrupted).toStdString();
        return std::unexpected(refused);
    }
    if (!rest->empty()) {
        if (validateOnly) {
            if (auto valid = (*session)->validate(*rest); !valid) return std::unexpected(valid.error());
        } else if (auto applied = (*session)->apply(*rest); !applied) {
            return std::unexpected(applied.error());
        }
    }
    return session;
}

}  // namespace

std::optional<InterruptedCommit> EditSession::interruptedCommit() const {
    if (!interrupted_) return std::nullopt;
    InterruptedCommit out = *interrupted_;
    // Undo below the mark, or a new step pushed after such an undo (which
    // drops the marked command: cleanIndex() becomes -1), breaks the prefix.
    out.intact = stack_->cleanIndex() >= 0 && stack_->index() >= stack_->cleanIndex();
    return out;
}

EditSession::EditSession(const QString& path, QObject* parent)
    : QObject(parent), path_(path), previewClock_(filetimeNow()), stack_(new QUndoStack(this)),
      commitWatcher_(new QFutureWatcher<CommitOutcome>(this)) {
    // Held until the session is destroyed; every Session opened below shares it.
    if (auto lock = HiveLock::acquire(path.toStdString(), LockKind::Exclusive); lock) lock_ = std::move(*lock);
    else lockError_ = toQString(lock.error().message);
    connect(stack_, &QUndoStack::indexChanged, this, &EditSession::changed);
    connect(commitWatcher_, &QFutureWatcher<CommitOutcome>::finished, this, &EditSession::onCommitFinished);
}

EditSession::~EditSession() {
    // The worker holds copies of everything it uses; wait so that it does
    // not outlive a test's temporary directory mid-write.
    commitWatcher_->waitForFinished();
}

QString EditSession::editBlocker(const QString& path, const Hive* hive) {
    const QFileInfo info(path);
    if (!info.exists()) return tr("%1 does not exist.").arg(path);
    if (!info.isWritable()) return tr("%1 is not writable: it stays read-only.").arg(path);
    if (hive != nullptr && hive->recovery().wasDirty) {
        return tr("%1 is dirty (its last changes are only in its transaction logs): recover it first.").arg(path);
    }
    return QString();
}

QString EditSession::editWarning(const QString& path) {
    const QFileInfo directory(QFileInfo(path).absolutePath());
    if (!directory.isWritable()) {
        return tr("The directory of %1 is not writable: its transaction log and a backup cannot be written there, "
                  "so a commit will fail.")
            .arg(path);
    }
    return QString();
}

bool EditSession::push(const QString& text, std::vector<PendingChange> changes, QString* error) {
    lockReplacedFile();
    Plan candidate = plan();
    for (const auto& c : changes) candidate.add(c.edit);
    SessionOptions options;
    options.tx.io = io_;
    options.tx.lock = lock_;
    if (auto session = sessionWith(path_, candidate, interruptedCommit(), options, true); !session) {
        *error = describeFailure(candidate, session.error(), displayRoot_);
        lastErrorDetails_ = toQString(session.error().message);
        if (*error == lastErrorDetails_) lastErrorDetails_.clear();
        return false;
    }
    lastErrorDetails_.clear();
    stack_->push(new EditCommand(text, std::move(changes)));
    return true;
}

bool EditSession::push(PendingChange change, QString* error) {
    const QString text = change.operation + QLatin1Char(' ') + change.path;
    std::vector<PendingChange> one;
    one.push_back(std::move(change));
    return push(text, std::move(one), error);
}

QString EditSession::childPath(const QString& parentPath, const QString& name) {
    return parentPath.isEmpty() ? name : parentPath + QLatin1Char('\\') + name;
}

namespace {

PendingChange makeChange(Edit edit, const QString& operation, const QString& path, const QString& oldText,
                         const QString& newText) {
    PendingChange c;
    c.edit = std::move(edit);
    c.operation = operation;
    c.path = path;
    c.oldText = oldText;
    c.newText = newText;
    return c;
}

QString valuePath(const QString& keyPath, const QString& name) {
    return keyPath + QStringLiteral(" : ") + (name.isEmpty() ? EditSession::tr("(Default)") : name);
}

}  // namespace

bool EditSession::newKey(const QString& parentPath, const QString& name, QString* error) {
    const QString path = childPath(parentPath, name);
    Edit e = Plan().createKey(path.toStdString(), false).edits().front();
    return push(makeChange(std::move(e), tr("New key"), path, QString(), QString()), error);
}

bool EditSession::deleteKey(const QString& path, bool recursive, QString* error) {
    Edit e = Plan().deleteKey(path.toStdString(), recursive).edits().front();
    return push(makeChange(std::move(e), recursive ? tr("Delete key and subkeys") : tr("Delete key"), path, QString(),
                           QString()),
                error);
}

bool EditSession::renameKey(const QString& path, const QString& newName, QString* error) {
    Edit e = Plan().renameKey(path.toStdString(), newName.toStdString()).edits().front();
    const qsizetype slash = path.lastIndexOf(QLatin1Char('\\'));
    return push(makeChange(std::move(e), tr("Rename key"), path, path.mid(slash + 1), newName), error);
}

bool EditSession::setClassName(const QString& path, const QString& className, const QString& oldText,
                               QString* error) {
    Edit e = Plan().setClassName(path.toStdString(), className.toStdString()).edits().front();
    return push(makeChange(std::move(e), className.isEmpty() ? tr("Remove class name") : tr("Set class name"), path,
                           oldText, className),
                error);
}

bool EditSession::setValue(const QString& keyPath, const QString& name, uint32_t type, std::vector<uint8_t> data,
                           const QString& oldText, const QString& newText, QString* error) {
    Edit e = Plan().setValue(keyPath.toStdString(), name.toStdString(), type, std::move(data)).edits().front();
    return push(makeChange(std::move(e), oldText.isEmpty() ? tr("New value") : tr("Set value"),
                           valuePath(keyPath, name), oldText, newText),
                error);
}

bool EditSession::deleteValue(const QString& keyPath, const QString& name, const QString& oldText, QString* error) {
    Edit e = Plan().deleteValue(keyPath.toStdString(), name.toStdString()).edits().front();
    return push(makeChange(std::move(e), tr("Delete value"), valuePath(keyPath, name), oldText, QString()), error);
}

bool EditSession::renameValue(const QString& keyPath, const QString& name, const QString& newName, QString* error) {
    Edit e = Plan().renameValue(keyPath.toStdString(), name.toStdString(), newName.toStdString()).edits().front();
    return push(makeChange(std::move(e), tr("Rename value"), valuePath(keyPath, name), name, newName), error);
}

bool EditSession::pushPlan(const QString& text, const Plan& plan, QString* error) {
    std::vector<PendingChange> changes;
    for (const Edit& e : plan.edits()) {
        QString operation;
        QString path = toQString(e.path);
        QString newText;
        switch (e.kind) {
        case Edit::Kind::CreateKey: operation = tr("New key"); break;
        case Edit::Kind::DeleteKey: operation = tr("Delete key and subkeys"); break;
        case Edit::Kind::SetValue:
            operation = tr("Set value");
            path = valuePath(path, toQString(e.name));
            newText = ValueCodec::format(e.type, e.data).replace(QLatin1Char('\n'), QStringLiteral(" | "));
            if (newText.size() > 60) newText = newText.left(57) + QStringLiteral("...");
            break;
        case Edit::Kind::DeleteValue:
            operation = tr("Delete value");
            path = valuePath(path, toQString(e.name));
            break;
        case Edit::Kind::RenameKey: operation = tr("Rename key"); newText = toQString(e.newName); break;
        case Edit::Kind::RenameValue:
            operation = tr("Rename value");
            path = valuePath(path, toQString(e.name));
            newText = toQString(e.newName);
            break;
        case Edit::Kind::SetClassName: operation = tr("Set class name"); newText = toQString(e.className); break;
        }
        changes.push_back(makeChange(e, operation, path, QString(), newText));
    }
    if (changes.empty()) {
        *error = tr("Nothing to import.");
        return false;
    }
    return push(text, std::move(changes), error);
}

std::vector<PendingChange> EditSession::changes() const {
    std::vector<PendingChange> out;
    for (int i = 0; i < stack_->index(); ++i) {
        const auto* command = static_cast<const EditCommand*>(stack_->command(i));
        out.insert(out.end(), command->changes().begin(), command->changes().end());
    }
    return out;
}

Plan EditSession::plan() const {
    Plan out;
    for (const auto& c : changes()) out.add(c.edit);
    return out;
}

Result<std::shared_ptr<const Hive>> EditSession::preview() const {
    SessionOptions options;
    options.tx.io = io_;
    options.tx.lock = lock_;
    const uint64_t now = previewClock_;
    options.tx.clock = [now] { return now; };
    auto session = sessionWith(path_, plan(), interruptedCommit(), options, false);
    if (!session) return std::unexpected(session.error());
    const Bytes image = (*session)->hive().bytes();
    auto copy = Hive::fromBytes(std::vector<uint8_t>(image.begin(), image.end()), path_.toStdString());
    // The session is dropped without commit: its transaction is discarded.
    if (!copy) return std::unexpected(copy.error());
    const CellStoreStats& written = (*session)->storeStats();
    lastPreviewWork_ = {written.created + written.rewrittenInPlace + written.moved,
                        (*session)->tx().dirty().pageCount(), (image.size() + 4095) / 4096};
    return std::shared_ptr<const Hive>(std::move(*copy));
}

QString EditSession::displayPath(const QString& displayRoot, const QString& path) {
    if (displayRoot.isEmpty()) return path.isEmpty() ? tr("the root key") : path;
    return path.isEmpty() ? displayRoot : displayRoot + QLatin1Char('\\') + path;
}

namespace {

QString quotedName(const std::string& name) {
    return name.empty() ? EditSession::tr("(Default)") : QLatin1Char('"') + toQString(name) + QLatin1Char('"');
}

QString lastComponent(const std::string& path) {
    const QString p = toQString(path);
    return p.mid(p.lastIndexOf(QLatin1Char('\\')) + 1);
}

QString parentPart(const std::string& path) {
    const QString p = toQString(path);
    const qsizetype slash = p.lastIndexOf(QLatin1Char('\\'));
    return slash < 0 ? QString() : p.left(slash);
}

}  // namespace

QString EditSession::describeFailure(const Edit& e, const Error& error, size_t index, const QString& displayRoot) {
    // The engine prefixes its reason with the edit's label (merge/Plan.h
    // editLabel); the reason alone is what the user needs besides our words.
    const std::string label = editLabel(index, e) + ": ";
    std::string reasonText = error.message;
    if (reasonText.rfind(label, 0) == 0) reasonText = reasonText.substr(label.size());
    const QString reason = toQString(reasonText);
    const bool missing = error.code == ErrorCode::NotFound;
    const QString key = displayPath(displayRoot, toQString(e.path));
    const QString parent = displayPath(displayRoot, parentPart(e.path));
    const QString keyName = QLatin1Char('"') + lastComponent(e.path) + QLatin1Char('"');
    auto has = [&](const char* text) { return reasonText.find(text) != std::string::npos; };
    switch (e.kind) {
    case Edit::Kind::CreateKey:
        if (missing) return tr("Cannot create the key %1 in %2: that key does not exist.").arg(keyName, parent);
        return tr("Cannot create the key %1 in %2: %3.").arg(keyName, parent, reason);
    case Edit::Kind::DeleteKey:
        if (missing) return tr("Cannot delete the key %1: it does not exist.").arg(key);
        if (has("NO_DELETE"))
            return tr("Cannot delete the key %1: it is marked as a key that must not be deleted.").arg(key);
        if (has("subkey"))
            return tr("Cannot delete the key %1: it has subkeys, which would have to be deleted with it.").arg(key);
        return tr("Cannot delete the key %1: %2.").arg(key, reason);
    case Edit::Kind::SetValue:
        if (missing) return tr("Cannot set the value %1 in %2: the key does not exist.").arg(quotedName(e.name), key);
        if (has("does not fit"))
            return tr("Cannot set the value %1 in %2: its data is too large for this hive's format version.")
                .arg(quotedName(e.name), key);
        return tr("Cannot set the value %1 in %2: %3.").arg(quotedName(e.name), key, reason);
    case Edit::Kind::DeleteValue:
        if (missing && has("has no value"))
            return tr("Cannot delete the value %1 in %2: there is no value of that name.").arg(quotedName(e.name), key);
        if (missing) return tr("Cannot delete the value %1 in %2: the key does not exist.").arg(quotedName(e.name), key);
        return tr("Cannot delete the value %1 in %2: %3.").arg(quotedName(e.name), key, reason);
    case Edit::Kind::RenameKey:
        if (has("already exists"))
            return tr("Cannot rename the key %1 in %2: a key named \"%3\" already exists.")
                .arg(keyName, parent, toQString(e.newName));
        if (missing) return tr("Cannot rename the key %1: it does not exist.").arg(key);
        return tr("Cannot rename the key %1 in %2: %3.").arg(keyName, parent, reason);
    case Edit::Kind::RenameValue:
        if (has("already has a value"))
            return tr("Cannot rename the value %1 in %2: a value named %3 already exists.")
                .arg(quotedName(e.name), key, quotedName(e.newName));
        if (missing && has("has no value"))
            return tr("Cannot rename the value %1 in %2: there is no value of that name.").arg(quotedName(e.name), key);
        if (missing) return tr("Cannot rename the value %1 in %2: the key does not exist.").arg(quotedName(e.name), key);
        return tr("Cannot rename the value %1 in %2: %3.").arg(quotedName(e.name), key, reason);
    case Edit::Kind::SetClassName:
        if (missing) return tr("Cannot set the class name of %1: the key does not exist.").arg(key);
        return tr("Cannot set the class name of %1: %2.").arg(key, reason);
    }
    return toQString(error.message);
}

QString EditSession::describeFailure(const Plan& plan, const Error& error, const QString& displayRoot) {
    // "edit N (": the engine's label (merge/Plan.h editLabel) names the edit.
    const std::string& message = error.message;
    if (message.rfind("edit ", 0) == 0) {
        size_t end = 5;
        size_t number = 0;
        while (end < message.size() && message[end] >= '0' && message[end] <= '9')
            number = number * 10 + static_cast<size_t>(message[end++] - '0');
        if (end > 5 && number >= 1 && number <= plan.size())
            return describeFailure(plan.edits()[number - 1], error, number - 1, displayRoot);
    }
    return toQString(message);
}

void EditSession::discardAll() {
    stack_->clear();
    // The file keeps an interrupted commit's edits (its log replays them):
    // they are now part of the hive every session opens, not pending.
    if (interrupted_) interrupted_->edits = 0;
    emit changed();
}

void EditSession::lockReplacedFile() {
    if (!lock_ || lock_->covers(path_.toStdString())) return;
    if (auto lock = HiveLock::acquire(path_.toStdString(), LockKind::Exclusive); lock) lock_ = std::move(*lock);
}

QStringList EditSession::dropInapplicable() {
    lockReplacedFile();
    SessionOptions options;
    options.tx.io = io_;
    options.tx.lock = lock_;
    QStringList dropped;
    std::vector<std::pair<QString, std::vector<PendingChange>>> kept;
    Plan candidate;
    for (int i = 0; i < stack_->index(); ++i) {
        const auto* command = static_cast<const EditCommand*>(stack_->command(i));
        Plan with = candidate;
        for (const auto& c : command->changes()) with.add(c.edit);
        auto valid = sessionWith(path_, with, interruptedCommit(), options, true);
        if (!valid) {
            dropped << tr("%1: %2").arg(command->text(), toQString(valid.error().message));
            continue;
        }
        candidate = std::move(with);
        kept.emplace_back(command->text(), command->changes());
    }
    if (dropped.isEmpty()) return dropped;
    // A step cannot be taken out of the middle of a QUndoStack: the kept
    // ones are pushed again, in order, each still one undoable step.
    stack_->clear();
    for (auto& [text, changes] : kept) stack_->push(new EditCommand(text, std::move(changes)));
    emit changed();
    return dropped;
}

namespace {

StrategyKind strategyKindOf(CommitStrategy strategy) {
    switch (strategy) {
    case CommitStrategy::InPlace: return StrategyKind::InPlace;
    case CommitStrategy::Append: return StrategyKind::Append;
    case CommitStrategy::Hybrid: return StrategyKind::Hybrid;
    }
    return StrategyKind::Hybrid;
}

/// Why the engine's commit failed, in the user's language.
QString failureMessage(const CommitFailure& failure, const std::optional<InterruptedCommit>& interrupted,
                       const Plan& plan, const QString& displayRoot) {
    QString engine = toQString(failure.error.message);
    if (failure.step == CommitStep::Validate || failure.step == CommitStep::Apply)
        engine = EditSession::describeFailure(plan, failure.error, displayRoot);
    switch (failure.step) {
    case CommitStep::Open: return engine;
    case CommitStep::Resume: return resumeRefusal(failure.error, interrupted) + EditSession::tr("; nothing written");
    case CommitStep::Validate:
    case CommitStep::Check:
    case CommitStep::Apply: return engine + EditSession::tr("; nothing written");
    case CommitStep::Backup:
        return EditSession::tr("Cannot make the backup %1: %2; nothing written")
            .arg(toQString(failure.backupPath), engine);
    case CommitStep::Write: break;
    }
    if (!failure.hiveWritten) return engine;
    // The protocol writes the hive only after its log is complete, so the
    // changes are in the log: the next open replays them.
    return engine + QLatin1Char('\n') +
           EditSession::tr("The hive file was partly written; its transaction log holds the changes (opening the "
                           "hive again replays them). Committing again finishes the interrupted commit.");
}

}  // namespace

CommitOutcome EditSession::commitPlan(const QString& path, const Plan& plan, const CommitChoice& choice, FileIO* io,
                                      const std::optional<InterruptedCommit>& interrupted,
                                      std::shared_ptr<HiveLock> lock, const QString& displayRoot) {
    CommitRequest request;
    request.session.strategy = strategyKindOf(choice.strategy);
    request.session.tx.io = io;
    request.session.tx.lock = std::move(lock);
    request.backup = choice.backup;
    request.interrupted = interrupted;
    const CommitResult result = hivekit::commitPlan(path.toStdString(), plan, request);
    CommitOutcome out;
    if (!result) {
        const CommitFailure& failure = result.error();
        out.message = failureMessage(failure, interrupted, plan, displayRoot);
        out.details = toQString(failure.error.message);
        if (out.message.startsWith(out.details)) out.details.clear();
        if (failure.step != CommitStep::Backup) out.backupPath = toQString(failure.backupPath);
        out.partlyWritten = failure.hiveWritten;
        out.interrupted = failure.interrupted;
        return out;
    }
    out.ok = true;
    out.backupPath = toQString(result->backupPath);
    out.message = tr("%1 edit(s) committed (%2): %3 bytes written to the hive, %4 to its log.")
                      .arg(result->changed)
                      .arg(toQString(result->strategy))
                      .arg(result->written.primaryBytes)
                      .arg(result->written.logBytes);
    if (!out.backupPath.isEmpty()) out.message += QLatin1Char(' ') + tr("The original is in %1.").arg(out.backupPath);
    return out;
}

void EditSession::commit(const CommitChoice& choice) {
    if (committing_) return;
    lockReplacedFile();
    committing_ = true;
    emit commitStarted();
    commitWatcher_->setFuture(
        QtConcurrent::run(&EditSession::commitPlan, path_, plan(), choice, io_, interruptedCommit(), lock_,
                          displayRoot_));
}

void EditSession::onCommitFinished() {
    committing_ = false;
    const CommitOutcome outcome = commitWatcher_->result();
    if (outcome.ok) {
        interrupted_.reset();
        stack_->clear();
        emit changed();
    } else if (outcome.interrupted) {
        // Every pending edit is in the log now; the clean index marks
        // where they end, so that an undo below it can be told.
        interrupted_ = outcome.interrupted;
        stack_->setClean();
        emit changed();
    }
    emit commitFinished(outcome);
}

}  // namespace hivekit::gui
