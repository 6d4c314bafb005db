#include "document/DirtyHiveActions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include <filesystem>

#include "common/Display.h"
#include "document/DiskChangeWatcher.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "editing/EditActions.h"
#include "hive/LogRecovery.h"
#include "merge/Commit.h"
#include "tx/FileIO.h"

namespace hivekit::gui {

namespace {

std::string nativeOf(const QString& path) { return QFile::encodeName(path).toStdString(); }

/// True when `a` and `b` name the same existing file (links too).
bool sameFile(const QString& a, const QString& b) {
    std::error_code ec;
    return std::filesystem::equivalent(std::filesystem::path(nativeOf(a)), std::filesystem::path(nativeOf(b)), ec);
}

/// `bytes` written to a temporary file beside `path`, flushed, renamed over
/// `path` and the directory flushed: a reader never sees half a hive.
Result<void> writeWhole(FileIO& io, const std::string& path, Bytes bytes) {
    const std::string temp = path + ".hivekit-tmp";
    auto written = [&]() -> Result<void> {
        auto f = io.open(temp, true);
        if (!f) return std::unexpected(f.error());
        auto r = io.truncate(*f, 0);
        if (r) r = io.write(*f, 0, bytes);
        if (r) r = io.sync(*f, SyncKind::Full);
        auto closed = io.close(*f);
        if (!r) return r;
        if (!closed) return closed;
        if (auto m = io.rename(temp, path); !m) return m;
        return io.syncDirectory(directoryOf(path));
    }();
    if (!written) (void)io.remove(temp);
    return written;
}

}  // namespace

DirtyHiveActions::DirtyHiveActions(QWidget* window, EditActions* edit,
                                   std::function<HiveView*(const QString&)> openFile)
    : QObject(window), window_(window), edit_(edit), openFile_(std::move(openFile)),
      saveCopy_(new QAction(tr("Save &Recovered Copy…"), this)) {
    saveCopy_->setStatusTip(tr("Write the hive with its transaction logs replayed to a new file; the hive and its "
                               "logs stay untouched"));
    saveCopy_->setEnabled(false);
    connect(saveCopy_, &QAction::triggered, this, &DirtyHiveActions::saveCopyDialog);

    wayOutPrompt = [this](HiveView* view, const QString& why) {
        // As every question of the window: none without a window to ask in.
        if (!window_->isVisible()) return WayOut::Cancel;
        QMessageBox box(QMessageBox::Warning, tr("Edit a Dirty Hive"), tr("Cannot edit: %1").arg(why),
                        QMessageBox::NoButton, window_);
        box.setInformativeText(
            tr("HiveKit can write the recovered hive (its logs replayed) to a new file and edit that, leaving "
               "this file and its logs untouched; or apply the logs to this file itself, as Windows does when it "
               "loads the hive, after a backup copy."));
        QPushButton* copy = box.addButton(tr("Recover into a Copy and Edit That…"), QMessageBox::AcceptRole);
        QPushButton* apply = box.addButton(tr("Apply the Logs to This File…"), QMessageBox::DestructiveRole);
        // Evidence on read-only media can still be recovered into a copy.
        apply->setEnabled(QFileInfo(view->document()->path()).isWritable());
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() == copy) return WayOut::RecoverIntoCopy;
        if (box.clickedButton() == apply) return WayOut::ApplyLogs;
        return WayOut::Cancel;
    };
    copyPathPrompt = [this](HiveView* view) {
        if (!window_->isVisible()) return QString();
        return QFileDialog::getSaveFileName(window_, tr("Save Recovered Copy"),
                                            suggestedCopyPath(view->document()->path()));
    };
    applyLogsConfirm = [this](const QString& hivePath, const QString& backupPath) {
        if (!window_->isVisible()) return false;
        QMessageBox box(QMessageBox::Warning, tr("Apply the Logs to the File"),
                        tr("Apply the transaction logs to %1?").arg(QDir::toNativeSeparators(hivePath)),
                        QMessageBox::NoButton, window_);
        box.setInformativeText(
            tr("The file is rewritten with the state its logs hold and the logs are marked as used, as Windows "
               "does when it loads the hive. First the file as it is now is copied to %1.")
                .arg(QDir::toNativeSeparators(backupPath)));
        QPushButton* apply = box.addButton(tr("Apply the Logs"), QMessageBox::DestructiveRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.clickedButton() == apply;
    };
}

void DirtyHiveActions::setView(HiveView* view) {
    view_ = view;
    const auto hive = view && view->isLoaded() ? view->document()->hive() : nullptr;
    saveCopy_->setEnabled(hive && hive->recovery().wasDirty);
}

DirtyHiveActions::Outcome DirtyHiveActions::saveRecoveredCopy(const QString& hivePath, const QString& outPath) {
    Outcome out;
    out.path = outPath;
    // As `hivectl recover`: never over the evidence (the hive, its logs).
    std::vector<std::string> evidence = findLogFiles(nativeOf(hivePath));
    evidence.push_back(nativeOf(hivePath));
    for (const std::string& file : evidence) {
        if (sameFile(outPath, QFile::decodeName(file.c_str()))) {
            out.message = tr("Refusing to write over %1: the recovered copy must be another file.")
                              .arg(QFile::decodeName(file.c_str()));
            return out;
        }
    }
    auto hive = Hive::open(nativeOf(hivePath));
    if (!hive) {
        out.message = toQString(hive.error().message);
        return out;
    }
    const RecoveryReport& recovery = (*hive)->recovery();
    if (recovery.wasDirty && !recovery.recovered) {
        out.message = tr("%1 is dirty and no log could be applied; nothing written.").arg(hivePath);
        return out;
    }
    if (auto written = writeWhole(realFileIO(), nativeOf(outPath), (*hive)->bytes()); !written) {
        out.message = toQString(written.error().message);
        return out;
    }
    out.ok = true;
    out.message = (recovery.wasDirty ? tr("Wrote the recovered hive to %1 (%2).")
                                     : tr("The hive is clean; wrote a copy to %1 (%2)."))
                      .arg(QDir::toNativeSeparators(outPath),
                           QLocale().formattedDataSize(qint64((*hive)->bytes().size())));
    return out;
}

QString DirtyHiveActions::backupPathFor(const QString& hivePath) {
    auto backup = freeBackupPath(realFileIO(), nativeOf(hivePath));
    return backup ? QFile::decodeName(backup->c_str()) : QString();
}

DirtyHiveActions::Outcome DirtyHiveActions::applyLogs(const QString& hivePath) {
    Outcome out;
    {
        auto hive = Hive::open(nativeOf(hivePath));
        if (!hive) {
            out.message = toQString(hive.error().message);
            return out;
        }
        const RecoveryReport& recovery = (*hive)->recovery();
        if (!recovery.wasDirty) {
            out.message = tr("%1 is not dirty: there is nothing to apply.").arg(hivePath);
            return out;
        }
        if (!recovery.recovered) {
            out.message = tr("%1 is dirty but no log could be applied; nothing written.").arg(hivePath);
            return out;
        }
    }
    // A commit of no edits is the checkpoint alone (tx/TxManager (10)): the
    // recovered state written to the file, its header clean, its logs reset.
    CommitRequest request;
    request.backup = true;
    const CommitResult result = commitPlan(nativeOf(hivePath), Plan(), request);
    if (!result) {
        const CommitFailure& failure = result.error();
        out.path = QFile::decodeName(failure.backupPath.c_str());
        out.message = tr("The logs were not applied (%1): %2")
                          .arg(QString::fromLatin1(commitStepName(failure.step)), toQString(failure.error.message));
        if (failure.hiveWritten)
            out.message += QLatin1Char('\n') + tr("The file was partly written; its logs still rebuild the "
                                                   "recovered state, and %1 holds the original.")
                                                    .arg(out.path);
        return out;
    }
    out.ok = true;
    out.path = QFile::decodeName(result->backupPath.c_str());
    out.message = tr("Applied the logs to %1 (%2 bytes written); the original is in %3.")
                      .arg(QDir::toNativeSeparators(hivePath))
                      .arg(result->written.primaryBytes)
                      .arg(QDir::toNativeSeparators(out.path));
    return out;
}

QString DirtyHiveActions::suggestedCopyPath(const QString& hivePath) {
    const QFileInfo info(hivePath);
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    const QString base = info.absolutePath() + QLatin1Char('/') + info.completeBaseName() + QStringLiteral("-recovered");
    QString candidate = base + suffix;
    for (int n = 2; QFileInfo::exists(candidate); ++n) candidate = base + QString::number(n) + suffix;
    return candidate;
}

void DirtyHiveActions::report(const Outcome& outcome) {
    last_ = outcome;
    emit message(outcome.message);
    if (!outcome.ok && window_->isVisible()) QMessageBox::warning(window_, tr("HiveKit"), outcome.message);
}

void DirtyHiveActions::saveCopyDialog() {
    HiveView* view = view_;
    if (!view) return;
    const QString out = copyPathPrompt(view);
    if (out.isEmpty()) return;
    report(saveRecoveredCopy(view->document()->path(), out));
}

void DirtyHiveActions::offerWayOut(HiveView* view, const QString& why) {
    switch (wayOutPrompt(view, why)) {
    case WayOut::Cancel:
        emit message(tr("Cannot edit: %1").arg(why));
        return;
    case WayOut::RecoverIntoCopy: {
        const QString out = copyPathPrompt(view);
        if (!out.isEmpty()) recoverIntoCopyAndEdit(view, out);
        return;
    }
    case WayOut::ApplyLogs: applyLogsAndEdit(view); return;
    }
}

namespace {

/// Opens `view` for editing once it is loaded.
void editWhenLoaded(HiveView* view, EditActions* edit) {
    if (view->isLoaded()) {
        edit->requestEditing(view);
        return;
    }
    QObject::connect(view, &HiveView::loaded, edit, [view, edit] { edit->requestEditing(view); },
                     Qt::SingleShotConnection);
}

}  // namespace

HiveView* DirtyHiveActions::recoverIntoCopyAndEdit(HiveView* view, const QString& outPath) {
    const Outcome outcome = saveRecoveredCopy(view->document()->path(), outPath);
    report(outcome);
    if (!outcome.ok) return nullptr;
    HiveView* copy = openFile_(QFileInfo(outPath).absoluteFilePath());
    if (copy) editWhenLoaded(copy, edit_);
    return copy;
}

bool DirtyHiveActions::applyLogsAndEdit(HiveView* view) {
    const QString path = view->document()->path();
    const QString backup = backupPathFor(path);
    if (backup.isEmpty() || !applyLogsConfirm(path, backup)) {
        emit message(tr("The logs were not applied; %1 is unchanged.").arg(view->document()->displayName()));
        return false;
    }
    // HiveKit's own write, not news from another program.
    view->diskWatcher()->suspend();
    const Outcome outcome = applyLogs(path);
    view->diskWatcher()->resume(true);
    report(outcome);
    if (!outcome.ok) return false;
    // Read the file again (now clean), then open it for editing.
    view->reload();
    editWhenLoaded(view, edit_);
    return true;
}

}  // namespace hivekit::gui
