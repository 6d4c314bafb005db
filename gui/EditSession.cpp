#include "EditSession.h"

#include <QFile>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>

#include "Display.h"
#include "ValueCodec.h"
#include "merge/Session.h"
#include "strategy/Strategy.h"
#include "tx/FileIO.h"
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

}  // namespace

EditSession::EditSession(const QString& path, QObject* parent)
    : QObject(parent), path_(path), previewClock_(filetimeNow()), stack_(new QUndoStack(this)),
      commitWatcher_(new QFutureWatcher<CommitOutcome>(this)) {
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
    Plan candidate = plan();
    for (const auto& c : changes) candidate.add(c.edit);
    SessionOptions options;
    options.tx.io = io_;
    auto session = Session::open(path_.toStdString(), options);
    if (!session) {
        *error = toQString(session.error().message);
        return false;
    }
    if (auto valid = (*session)->validate(candidate); !valid) {
        *error = toQString(valid.error().message);
        return false;
    }
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
    const uint64_t now = previewClock_;
    options.tx.clock = [now] { return now; };
    auto session = Session::open(path_.toStdString(), options);
    if (!session) return std::unexpected(session.error());
    const Plan pending = plan();
    if (!pending.empty()) {
        if (auto applied = (*session)->apply(pending); !applied) return std::unexpected(applied.error());
    }
    const Bytes image = (*session)->hive().bytes();
    auto copy = Hive::fromBytes(std::vector<uint8_t>(image.begin(), image.end()), path_.toStdString());
    // The session is dropped without commit: its transaction is discarded.
    if (!copy) return std::unexpected(copy.error());
    return std::shared_ptr<const Hive>(std::move(*copy));
}

void EditSession::discardAll() {
    stack_->clear();
    emit changed();
}

namespace {

/// The whole file's bytes, to tell afterwards whether a failed commit got as
/// far as the hive file (hives edited by hand are small; a commit reads the
/// file anyway).
QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

CommitOutcome EditSession::commitPlan(const QString& path, const Plan& plan, const CommitChoice& choice, FileIO* io) {
    const QByteArray before = fileBytes(path);
    CommitOutcome out = commitPlanOnce(path, plan, choice, io);
    if (!out.ok && fileBytes(path) != before) {
        // The protocol writes the hive only after its log is complete, so
        // the changes are in the log: the next open replays them.
        out.partlyWritten = true;
        out.message += QLatin1Char('\n') +
                       tr("The hive file was partly written; its transaction log holds the changes, and opening the "
                          "hive again replays them. Check the hive before committing these changes again.");
    }
    return out;
}

CommitOutcome EditSession::commitPlanOnce(const QString& path, const Plan& plan, const CommitChoice& choice,
                                          FileIO* io) {
    CommitOutcome out;
    SessionOptions options;
    options.strategy = choice.strategy == CommitStrategy::InPlace  ? StrategyKind::InPlace
                       : choice.strategy == CommitStrategy::Append ? StrategyKind::Append
                                                                   : StrategyKind::Hybrid;
    options.tx.io = io;
    auto session = Session::open(path.toStdString(), options);
    if (!session) {
        out.message = toQString(session.error().message);
        return out;
    }
    if (auto valid = (*session)->validate(plan); !valid) {
        out.message = toQString(valid.error().message) + tr("; nothing written");
        return out;
    }
    if (choice.backup) {
        QString backup = path + QStringLiteral(".bak");
        for (int i = 1; QFileInfo::exists(backup); ++i) backup = path + QStringLiteral(".bak.%1").arg(i);
        std::error_code ec;
        std::filesystem::copy_file(path.toStdString(), backup.toStdString(), ec);
        if (ec) {
            out.message = tr("Cannot make the backup %1: %2; nothing written")
                              .arg(backup, toQString(ec.message()));
            return out;
        }
        out.backupPath = backup;
    }
    auto applied = (*session)->apply(plan);
    if (!applied) {
        out.message = toQString(applied.error().message) + tr("; nothing written");
        return out;
    }
    auto committed = (*session)->commit();
    if (!committed) {
        out.message = toQString(committed.error().message);
        return out;
    }
    out.ok = true;
    out.message = tr("%1 edit(s) committed (%2): %3 bytes written to the hive, %4 to its log.")
                      .arg(applied->changed)
                      .arg(QString::fromLatin1((*session)->strategy().name()))
                      .arg(committed->primaryBytes)
                      .arg(committed->logBytes);
    if (!out.backupPath.isEmpty()) out.message += QLatin1Char(' ') + tr("The original is in %1.").arg(out.backupPath);
    return out;
}

void EditSession::commit(const CommitChoice& choice) {
    if (committing_) return;
    committing_ = true;
    commitWatcher_->setFuture(QtConcurrent::run(&EditSession::commitPlan, path_, plan(), choice, io_));
}

void EditSession::onCommitFinished() {
    committing_ = false;
    const CommitOutcome outcome = commitWatcher_->result();
    if (outcome.ok) {
        stack_->clear();
        emit changed();
    }
    emit commitFinished(outcome);
}

}  // namespace hivekit::gui
