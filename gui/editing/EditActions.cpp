#include "editing/EditActions.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QRegularExpression>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QTimer>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QUndoGroup>
#include <QVBoxLayout>

#include "editing/CommitDialog.h"
#include "editing/ExportDialog.h"
#include "editing/RegistryRoots.h"
#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "browse/KeyTreeModel.h"
#include "editing/PendingChangesDock.h"
#include "editing/RegPreview.h"
#include "editing/ValueCodec.h"
#include "editing/ValueEditDialog.h"
#include "browse/ValueTableModel.h"
#include "index/Index.h"
#include "regfile/RegExport.h"
#include "regfile/RegFile.h"

namespace hivekit::gui {

namespace {

/// The type and data of the value `name` of the key at `keyPath` in `hive`
/// (the name compared as Windows compares it: engine/index/Index).
bool readValue(const Hive& hive, const QString& keyPath, const QString& name, uint32_t* type,
               std::vector<uint8_t>* data) {
    const Index index(hive);
    auto key = index.findKey(keyPath.toStdString());
    if (!key) return false;
    auto offset = index.findValue(*key, name.toStdU16String());
    if (!offset) return false;
    auto record = hive.valueRecord(*offset);
    if (!record) return false;
    auto value = hive.valueData(*record);
    if (!value) return false;
    *type = record->type;
    const Bytes bytes = value->bytes();
    data->assign(bytes.begin(), bytes.end());
    return true;
}

/// A short text of a value for the pending list.
QString shortData(uint32_t type, const std::vector<uint8_t>& data) {
    QString text = ValueCodec::format(type, data);
    text.replace(QLatin1Char('\n'), QStringLiteral(" | "));
    if (text.size() > 60) text = text.left(57) + QStringLiteral("...");
    return text;
}

}  // namespace

EditActions::EditActions(QMainWindow* window)
    : QObject(window), window_(window), dock_(new PendingChangesDock(window)), group_(new QUndoGroup(this)),
      exportJob_(new ExportJob(this)) {
    connect(exportJob_, &ExportJob::finished, this, &EditActions::onExportFinished);
    editMode_ = new QAction(tr("Open for &Editing"), this);
    editMode_->setCheckable(true);
    editMode_->setToolTip(tr("Edit this hive: changes stay pending until you commit them"));
    newKey_ = new QAction(tr("New &Key"), this);
    // New > String Value, Binary Value, ... as regedit's New menu: each
    // creates "New Value #1" of its type at once, its name open for editing.
    newValueMenu_ = new QMenu(tr("New &Value"), window);
    newValue_ = newValueMenu_->menuAction();
    const std::pair<uint32_t, QString> newTypes[] = {
        {kRegSz, tr("&String Value")},
        {kRegBinary, tr("&Binary Value")},
        {kRegDword, tr("&DWORD (32-bit) Value")},
        {kRegQword, tr("&QWORD (64-bit) Value")},
        {kRegMultiSz, tr("&Multi-String Value")},
        {kRegExpandSz, tr("&Expandable String Value")},
    };
    for (const auto& [type, text] : newTypes) {
        QAction* action = newValueMenu_->addAction(text);
        connect(action, &QAction::triggered, this, [this, type] { newValueOfType(type); });
        newValueOfType_.push_back({type, action});
    }
    editValue_ = new QAction(tr("&Modify Value…"), this);
    rename_ = new QAction(tr("&Rename"), this);
    rename_->setShortcut(Qt::Key_F2);
    className_ = new QAction(tr("Set &Class Name…"), this);
    className_->setStatusTip(tr("Set or remove the class name of the selected key"));
    delete_ = new QAction(tr("&Delete"), this);
    delete_->setShortcut(QKeySequence::Delete);
    undo_ = group_->createUndoAction(this, tr("&Undo"));
    undo_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    redo_ = group_->createRedoAction(this, tr("&Redo"));
    // Ctrl+Y as in regedit and Windows programs, Ctrl+Shift+Z as on Linux.
    redo_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Y), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    discard_ = new QAction(tr("Discard &All Changes"), this);
    commit_ = new QAction(tr("&Commit Changes…"), this);
    commit_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    exportKey_ = new QAction(tr("E&xport Key as .reg…"), this);
    exportHive_ = new QAction(tr("Export &Hive as .reg…"), this);
    importReg_ = new QAction(tr("&Import .reg…"), this);
    previewReg_ = new QAction(tr("&Preview Changes as .reg…"), this);
    history_ = new QAction(tr("Undo &History"), this);
    connect(history_, &QAction::triggered, dock_, &PendingChangesDock::showHistory);
    for (QAction* a : {rename_, delete_}) a->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    connect(editMode_, &QAction::toggled, this, &EditActions::toggleEditMode);
    connect(newKey_, &QAction::triggered, this, &EditActions::newKeyDialog);
    connect(editValue_, &QAction::triggered, this, &EditActions::editValueDialog);
    connect(rename_, &QAction::triggered, this, &EditActions::renameDialog);
    connect(className_, &QAction::triggered, this, &EditActions::classNameDialog);
    connect(delete_, &QAction::triggered, this, [this] {
        QString error;
        if (!deleteSelection(&error) && !error.isEmpty()) showSessionError(error);
    });
    connect(discard_, &QAction::triggered, this, &EditActions::discardAll);
    connect(commit_, &QAction::triggered, this, &EditActions::commitDialog);
    connect(exportKey_, &QAction::triggered, this, [this] { exportDialog(false); });
    connect(exportHive_, &QAction::triggered, this, [this] { exportDialog(true); });
    connect(importReg_, &QAction::triggered, this, &EditActions::importDialog);
    connect(previewReg_, &QAction::triggered, this, &EditActions::previewDialog);
    connect(dock_, &PendingChangesDock::commitRequested, this, &EditActions::commitDialog);
    connect(dock_, &PendingChangesDock::discardRequested, this, &EditActions::discardAll);
    connect(dock_, &PendingChangesDock::regPreviewRequested, this, &EditActions::previewDialog);

    pendingPrompt = [this](HiveView* view) {
        QMessageBox box(QMessageBox::Question, tr("Pending Changes"),
                        tr("%1 has pending changes that are not written to the file.")
                            .arg(view->document()->displayName()),
                        QMessageBox::NoButton, window_);
        QPushButton* commitButton = box.addButton(tr("Commit…"), QMessageBox::AcceptRole);
        QPushButton* discardButton = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        // Enter must never throw pending changes away: Cancel is the default.
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() == commitButton) return PendingChoice::Commit;
        if (box.clickedButton() == discardButton) return PendingChoice::Discard;
        return PendingChoice::Cancel;
    };
    commitPrompt = [this](HiveView* view) -> std::optional<CommitChoice> {
        CommitDialog dialog(*view->document()->hive(), static_cast<int>(view->editSession()->changes().size()),
                            window_);
        if (view->backupAdvised()) {
            CommitChoice advised = dialog.choice();
            advised.backup = true;
            dialog.setChoice(advised);
        }
        if (dialog.exec() != QDialog::Accepted) return std::nullopt;
        return dialog.choice();
    };
    damagedEditPrompt = [this](HiveView* view, int errors) {
        QMessageBox box(QMessageBox::Warning, tr("Edit a Damaged Hive"),
                        tr("%1 has %Ln structural error(s); editing may make it worse.", nullptr, errors)
                            .arg(view->document()->displayName()),
                        QMessageBox::NoButton, window_);
        box.setInformativeText(tr("The Problems panel lists them. Keep a backup copy of the file, made before the "
                                  "first commit, to be able to go back."));
        QPushButton* withBackup = box.addButton(tr("Edit with a Backup"), QMessageBox::AcceptRole);
        QPushButton* withoutBackup = box.addButton(tr("Edit without Backup"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(withBackup);
        box.exec();
        if (box.clickedButton() == withBackup) return DamagedEditChoice::EditWithBackup;
        if (box.clickedButton() == withoutBackup) return DamagedEditChoice::EditWithoutBackup;
        return DamagedEditChoice::Cancel;
    };
    classNamePrompt = [this](const QString& path, const QString& current) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(
            window_, tr("Set Class Name"),
            tr("Class name of %1 (empty to remove it):").arg(path.isEmpty() ? tr("the root key") : path),
            QLineEdit::Normal, current, &ok);
        if (!ok) return std::nullopt;
        return text;
    };
    errorPrompt = [this](const QString& text, const QString& details) {
        if (!window_->isVisible()) return;
        QMessageBox box(QMessageBox::Warning, tr("HiveKit"), text, QMessageBox::Ok, window_);
        if (!details.isEmpty()) box.setDetailedText(details);
        box.exec();
    };
    exportPrompt = [this](bool wholeHive, const QString& file,
                          const QStringList& roots) -> std::optional<ExportChoice> {
        ExportDialog dialog(wholeHive ? tr("Export Hive") : tr("Export Key"), file, roots,
                            wholeHive || !view_ ? QString() : view_->currentKeyPath(), window_);
        if (dialog.exec() != QDialog::Accepted) return std::nullopt;
        return ExportChoice{dialog.file(), dialog.root()};
    };
    confirmRecursiveDelete = [this](const QString& path) {
        return QMessageBox::question(window_, tr("Delete Key"),
                                     tr("%1 has subkeys. Delete it with all its subkeys and values?").arg(path)) ==
               QMessageBox::Yes;
    };
    updateActions();
}

void EditActions::fillMenus(QMenu* modifyMenu, QMenu* editMenu) {
    QAction* first = editMenu->actions().isEmpty() ? nullptr : editMenu->actions().front();
    editMenu->insertAction(first, undo_);
    editMenu->insertAction(first, redo_);
    editMenu->insertAction(first, history_);
    editMenu->insertSeparator(first);
    modifyMenu->addAction(editMode_);
    modifyMenu->addSeparator();
    for (QAction* a : {newKey_, newValue_, editValue_, rename_, className_, delete_}) modifyMenu->addAction(a);
    modifyMenu->addSeparator();
    for (QAction* a : {commit_, discard_, previewReg_}) modifyMenu->addAction(a);
    modifyMenu->addSeparator();
    for (QAction* a : {importReg_, exportKey_, exportHive_}) modifyMenu->addAction(a);
    modifyMenu->addSeparator();
    modifyMenu->addAction(dock_->toggleViewAction());
}

void EditActions::attach(HiveView* view) {
    for (QAction* a : {newKey_, newValue_, rename_, className_, delete_, exportKey_}) view->keyTree()->addAction(a);
    for (QAction* a : {editValue_, newValue_, rename_, delete_}) view->valueTable()->addAction(a);
    connect(view->valueTable(), &QTableView::doubleClicked, this, [this, view] {
        if (view == view_ && view->isEditing()) editValueDialog();
    });
}

void EditActions::setView(HiveView* view) {
    view_ = view;
    EditSession* session = view ? view->editSession() : nullptr;
    if (session && !group_->stacks().contains(session->undoStack())) group_->addStack(session->undoStack());
    group_->setActiveStack(session ? session->undoStack() : nullptr);
    // Error texts name keys as regedit shows them, under the hive's root.
    if (session && session->displayRoot().isEmpty()) session->setDisplayRoot(defaultRoot());
    dock_->setSession(session);
    if (session) connect(session, &EditSession::changed, this, &EditActions::updateActions, Qt::UniqueConnection);
    updateActions();
}

void EditActions::updateActions() {
    const bool loaded = view_ && view_->isLoaded();
    const bool editing = loaded && view_->isEditing();
    const bool pending = editing && view_->hasPendingChanges();
    const bool committing = editing && view_->editSession()->isCommitting();
    {
        const QSignalBlocker block(editMode_);
        editMode_->setChecked(editing);
    }
    editMode_->setEnabled(loaded && !pending);
    // A deleted key recovered by a scan (View > Show Deleted Keys) is evidence: read-only.
    const bool recovered = loaded && view_->currentKeyIsRecovered();
    for (QAction* a : {newKey_, newValue_, rename_, className_, delete_})
        a->setEnabled(editing && !committing && !recovered);
    importReg_->setEnabled(editing && !committing);
    editValue_->setEnabled(editing && !committing && !recovered && !view_->currentValueName().isNull() &&
                           !view_->currentValueIsPendingDeletion());
    if (view_) {
        // In-place renaming (F2, or a click on the selected name) while the
        // tab edits; the handlers check again when called.
        HiveView* view = view_;
        if (editing && !committing) {
            view->keyModel()->setRenameHandler([this, view](const QModelIndex& index, const QString& name) {
                return view == view_ && renameKeyInPlace(view->keyModel()->pathOf(index), name);
            });
            view->valueModel()->setRenameHandler([this, view](const QString& name, const QString& newName) {
                return view == view_ && renameValueInPlace(view->currentKeyPath(), name, newName);
            });
        } else {
            view->keyModel()->setRenameHandler(nullptr);
            view->valueModel()->setRenameHandler(nullptr);
        }
    }
    for (QAction* a : {commit_, discard_, previewReg_}) a->setEnabled(pending && !committing);
    for (QAction* a : {exportKey_, exportHive_}) a->setEnabled(loaded);
    emit stateChanged();
}

void EditActions::showError(const QString& text, const QString& details) {
    lastError_ = text;
    lastErrorDetails_ = details;
    emit message(text);
    errorPrompt(text, details);
}

void EditActions::showSessionError(const QString& text) {
    showError(text, view_ && view_->editSession() ? view_->editSession()->lastErrorDetails() : QString());
}

bool EditActions::refusePendingDeletion(bool valueSide) {
    if (!view_) return false;
    if (view_->currentKeyIsRecovered()) {
        showError(tr("%1 is a deleted key recovered from the file: it and its values are read-only.")
                      .arg(view_->currentKeyPath()));
        return true;
    }
    if (valueSide && view_->currentValueIsPendingDeletion()) {
        showError(tr("The value %1 is deleted by a pending change: undo the deletion to change it.")
                      .arg(view_->currentValueName().isEmpty() ? tr("(Default)") : view_->currentValueName()));
        return true;
    }
    if (view_->currentKeyIsPendingDeletion()) {
        showError(tr("The key %1 is deleted by a pending change: undo the deletion to change it or its values.")
                      .arg(view_->currentKeyPath()));
        return true;
    }
    return false;
}

QString EditActions::freeNewName(const QString& parentPath, bool forValue) const {
    const auto hive = view_ ? view_->hive() : nullptr;
    const QString base = forValue ? tr("New Value #%1") : tr("New Key #%1");
    if (!hive) return base.arg(1);
    const Index index(*hive);
    auto parent = index.findKey(parentPath.toStdString());
    for (int n = 1;; ++n) {
        const QString name = base.arg(n);
        if (!parent) return name;
        const bool taken = forValue ? index.findValue(*parent, name.toStdU16String()).has_value()
                                    : index.findKey(EditSession::childPath(parentPath, name).toStdString()).has_value();
        if (!taken) return name;
    }
}

QString EditActions::renameProblem(const QString& parentPath, const QString& oldName, const QString& newName,
                                   bool forValue) const {
    const QString where = EditSession::displayPath(defaultRoot(), parentPath);
    if (newName.isEmpty())
        return forValue ? tr("Cannot rename the value \"%1\" in %2: a value name cannot be empty.").arg(oldName, where)
                        : tr("Cannot rename the key \"%1\" in %2: a key name cannot be empty.").arg(oldName, where);
    if (!forValue && newName.contains(QLatin1Char('\\')))
        return tr("Cannot rename the key \"%1\" in %2: a key name cannot contain a backslash (\\).").arg(oldName, where);
    if (newName.size() > (forValue ? 16383 : 255))
        return tr("Cannot rename \"%1\" in %2: the new name is too long.").arg(oldName, where);
    // A change of case alone renames the same item.
    if (newName.compare(oldName, Qt::CaseInsensitive) == 0) return QString();
    const auto hive = view_ ? view_->hive() : nullptr;
    if (!hive) return QString();
    const Index index(*hive);
    if (forValue) {
        auto key = index.findKey(parentPath.toStdString());
        if (key && index.findValue(*key, newName.toStdU16String()))
            return tr("Cannot rename the value \"%1\" in %2: a value named \"%3\" already exists.")
                .arg(oldName, where, newName);
    } else if (index.findKey(EditSession::childPath(parentPath, newName).toStdString())) {
        return tr("Cannot rename the key \"%1\" in %2: a key named \"%3\" already exists.").arg(oldName, where, newName);
    }
    return QString();
}

bool EditActions::renameKeyInPlace(const QString& keyPath, const QString& newName) {
    if (!view_ || !view_->isEditing() || keyPath.isEmpty()) return false;
    const qsizetype slash = keyPath.lastIndexOf(QLatin1Char('\\'));
    const QString parent = slash < 0 ? QString() : keyPath.left(slash);
    const QString oldName = keyPath.mid(slash + 1);
    if (newName == oldName) return false;
    if (const QString why = renameProblem(parent, oldName, newName, false); !why.isEmpty()) {
        // Said once the editor has closed.
        QTimer::singleShot(0, this, [this, why] { showError(why); });
        return false;
    }
    QPointer<HiveView> view = view_;
    QTimer::singleShot(0, this, [this, view, keyPath, parent, newName] {
        if (!view || !view->isEditing()) return;
        QString error;
        if (!view->editSession()->renameKey(keyPath, newName, &error)) {
            showSessionError(error);
            return;
        }
        view->goToPath(EditSession::childPath(parent, newName));
    });
    return true;
}

bool EditActions::renameValueInPlace(const QString& keyPath, const QString& name, const QString& newName) {
    if (!view_ || !view_->isEditing() || name.isEmpty() || newName == name) return false;
    if (const QString why = renameProblem(keyPath, name, newName, true); !why.isEmpty()) {
        QTimer::singleShot(0, this, [this, why] { showError(why); });
        return false;
    }
    QPointer<HiveView> view = view_;
    QTimer::singleShot(0, this, [this, view, keyPath, name, newName] {
        if (!view || !view->isEditing()) return;
        QString error;
        if (!view->editSession()->renameValue(keyPath, name, newName, &error)) {
            showSessionError(error);
            return;
        }
        view->selectValueByName(newName);
    });
    return true;
}

void EditActions::toggleEditMode(bool on) {
    if (!view_) return;
    if (on) {
        requestEditing(view_);
        return;
    }
    if (settlePending(view_)) view_->stopEditing();
    setView(view_);
}

void EditActions::requestEditing(HiveView* view) {
    if (!view || view->isEditing()) return;
    HiveDocument* document = view->document();
    QString why = document->hive() ? EditSession::editBlocker(document->path(), document->hive().get())
                                   : tr("The hive is not open yet.");
    if (!why.isEmpty()) {
        if (dirtyHiveRefused && document->hive() && document->hive()->recovery().wasDirty)
            dirtyHiveRefused(view, why);
        else
            showError(tr("Cannot edit: %1").arg(why));
        if (view == view_) setView(view_);
        return;
    }
    if (!document->checkFinished()) {
        // How damaged the hive is decides what to ask: wait for the check.
        if (!document->isChecking()) document->startCheck();
        if (awaitingCheck_ != view) {
            disconnect(awaitingConnection_);
            awaitingCheck_ = view;
            awaitingConnection_ = connect(document, &HiveDocument::checkEnded, this, [this, view](bool completed) {
                disconnect(awaitingConnection_);
                awaitingCheck_ = nullptr;
                if (completed)
                    requestEditing(view);
                else
                    emit message(tr("%1 was not opened for editing: the structural check it waits for was stopped.")
                                     .arg(view->document()->displayName()));
            });
        }
        emit message(tr("Checking %1 before opening it for editing…").arg(document->displayName()));
        if (view == view_) setView(view_);
        return;
    }
    bool backup = false;
    if (const int errors = document->diagnostics()->count(Diagnostic::Severity::Error); errors > 0) {
        switch (damagedEditPrompt(view, errors)) {
        case DamagedEditChoice::Cancel:
            emit message(tr("%1 was not opened for editing.").arg(document->displayName()));
            if (view == view_) setView(view_);
            return;
        case DamagedEditChoice::EditWithBackup: backup = true; break;
        case DamagedEditChoice::EditWithoutBackup: break;
        }
    }
    if (!view->startEditing(&why)) {
        showError(tr("Cannot edit: %1").arg(why));
    } else {
        view->setBackupAdvised(backup);
        if (const QString warning = EditSession::editWarning(document->path()); !warning.isEmpty())
            showError(warning);
        else
            emit message(tr("%1 is open for editing; changes stay pending until committed.")
                             .arg(document->displayName()));
    }
    if (view == view_) setView(view_);
}

bool EditActions::settlePending(HiveView* view) {
    if (!view || !view->hasPendingChanges()) return true;
    switch (pendingPrompt(view)) {
    case PendingChoice::Cancel: return false;
    case PendingChoice::Discard:
        view->editSession()->discardAll();
        return true;
    case PendingChoice::Commit: {
        auto choice = commitPrompt(view);
        return choice && commit(view, *choice, true);
    }
    }
    return false;
}

bool EditActions::commit(HiveView* view, const CommitChoice& choice, bool wait) {
    EditSession* session = view->editSession();
    if (!session || !session->hasPending() || session->isCommitting()) return false;
    // Another program changed the file since it was read: ask first.
    if (!view->confirmCommitOverChange()) {
        emit message(tr("Not committed: %1 changed on disk.").arg(view->document()->displayName()));
        return false;
    }
    // The outcome is reported once, whether or not the caller waits.
    connect(session, &EditSession::commitFinished, this, &EditActions::reportCommit, Qt::SingleShotConnection);
    if (!wait) {
        session->commit(choice);
        updateActions();
        return true;
    }
    bool ok = false;
    QEventLoop loop;
    auto c = connect(session, &EditSession::commitFinished, &loop, [&](const CommitOutcome& outcome) {
        ok = outcome.ok;
        loop.quit();
    });
    session->commit(choice);
    updateActions();
    loop.exec();
    disconnect(c);
    return ok;
}

void EditActions::reportCommit(const CommitOutcome& outcome) {
    if (outcome.ok) {
        emit message(outcome.message);
    } else {
        showError(tr("The commit failed; nothing was lost, the changes are still pending.\n%1").arg(outcome.message));
    }
    updateActions();
}

void EditActions::commitDialog() {
    if (!view_ || !view_->hasPendingChanges()) return;
    if (auto choice = commitPrompt(view_)) commit(view_, *choice, false);
}

void EditActions::discardAll() {
    if (!view_ || !view_->isEditing()) return;
    if (window_->isVisible() &&
        QMessageBox::question(window_, tr("Discard Changes"), tr("Discard every pending change?")) != QMessageBox::Yes) {
        return;
    }
    view_->editSession()->discardAll();
}

void EditActions::newKeyDialog() {
    if (!view_ || !view_->isEditing() || refusePendingDeletion(false)) return;
    // As regedit: "New Key #1" is made at once and opened for renaming.
    const QString parent = view_->currentKeyPath();
    const QString name = freeNewName(parent, false);
    QString error;
    if (!view_->editSession()->newKey(parent, name, &error)) {
        showSessionError(error);
        return;
    }
    if (view_->goToPath(EditSession::childPath(parent, name))) {
        view_->keyTree()->setFocus();
        view_->keyTree()->edit(view_->keyTree()->currentIndex());
    }
}

QAction* EditActions::newValueAction(uint32_t type) const {
    for (const auto& [t, action] : newValueOfType_)
        if (t == type) return action;
    return nullptr;
}

std::vector<uint8_t> EditActions::emptyData(uint32_t type) {
    switch (type) {
    case kRegSz:
    case kRegExpandSz: return ValueCodec::parseString(QString()).bytes;
    case kRegMultiSz: return ValueCodec::parseMultiString(QString()).bytes;
    case kRegDword: return std::vector<uint8_t>(4, 0);
    case kRegQword: return std::vector<uint8_t>(8, 0);
    default: return {};
    }
}

void EditActions::newValueOfType(uint32_t type) {
    if (!view_ || !view_->isEditing() || refusePendingDeletion(false)) return;
    // As regedit: "New Value #1" (the next free number) is made at once,
    // empty, and its name opened for editing; Escape keeps the name, and
    // the data is edited after (Modify, Enter, a double click).
    const QString keyPath = view_->currentKeyPath();
    const QString name = freeNewName(keyPath, true);
    const std::vector<uint8_t> data = emptyData(type);
    QString error;
    if (!view_->editSession()->setValue(keyPath, name, type, data, QString(), shortData(type, data), &error)) {
        showSessionError(error);
        return;
    }
    if (!view_->selectValueByName(name)) return;
    QTableView* table = view_->valueTable();
    table->setFocus();
    table->edit(table->currentIndex().siblingAtColumn(ValueTableModel::NameColumn));
}

void EditActions::editValueDialog() {
    if (!view_ || !view_->isEditing() || refusePendingDeletion(true)) return;
    const QString name = view_->currentValueName();
    if (name.isNull()) return;
    uint32_t type = 0;
    std::vector<uint8_t> data;
    if (!readValue(*view_->hive(), view_->currentKeyPath(), name, &type, &data)) {
        showError(tr("The value %1 cannot be read.").arg(name));
        return;
    }
    ValueEditDialog dialog(false, window_);
    dialog.setValue(name, type, data);
    if (dialog.exec() != QDialog::Accepted) return;
    QString error;
    if (!view_->editSession()->setValue(view_->currentKeyPath(), name, dialog.type(), dialog.data(),
                                        shortData(type, data), shortData(dialog.type(), dialog.data()), &error)) {
        showSessionError(error);
    }
}

void EditActions::renameDialog() {
    if (!view_ || !view_->isEditing()) return;
    // In place, as regedit's F2: the name's editor opens where it is shown.
    const bool valueSide = view_->valueTable()->hasFocus() && !view_->currentValueName().isNull();
    if (refusePendingDeletion(valueSide)) return;
    if (valueSide) {
        if (view_->currentValueName().isEmpty()) {
            showError(tr("The default value has no name to change."));
            return;
        }
        QTableView* table = view_->valueTable();
        table->edit(table->currentIndex().siblingAtColumn(ValueTableModel::NameColumn));
        return;
    }
    if (view_->currentKeyPath().isEmpty()) {
        showError(tr("The root key cannot be renamed."));
        return;
    }
    view_->keyTree()->edit(view_->keyTree()->currentIndex());
}

void EditActions::classNameDialog() {
    if (!view_ || !view_->isEditing() || refusePendingDeletion(false)) return;
    const QString keyPath = view_->currentKeyPath();
    // The class name as the pending changes leave it (the preview).
    QString current;
    const auto hive = view_->hive();
    if (!hive) {
        showError(tr("No key is selected."));
        return;
    }
    const auto keyOffset = Index(*hive).findKey(keyPath.toStdString());
    if (!keyOffset) {
        showError(toQString(keyOffset.error().message));
        return;
    }
    QString error;
    const auto key = hive->keyNode(*keyOffset);
    const auto className = key ? hive->className(*key) : Result<std::u16string>(std::unexpected(key.error()));
    if (className) current = QString::fromStdU16String(*className);
    const auto wanted = classNamePrompt(keyPath, current);
    if (!wanted || *wanted == current) return;
    if (!view_->editSession()->setClassName(keyPath, *wanted, current, &error)) showSessionError(error);
}

bool EditActions::deleteSelection(QString* error) {
    if (!view_ || !view_->isEditing()) return false;
    const QString keyPath = view_->currentKeyPath();
    const QModelIndexList rows = view_->valueTable()->selectionModel()->selectedRows();
    if (view_->currentKeyIsRecovered()) {
        *error = tr("%1 is a deleted key recovered from the file: it and its values are read-only.").arg(keyPath);
        return false;
    }
    if (view_->currentKeyIsPendingDeletion()) {
        *error = tr("The key %1 is already deleted by a pending change.").arg(keyPath);
        return false;
    }
    if (view_->valueTable()->hasFocus() && !rows.isEmpty()) {
        QStringList names;
        for (const QModelIndex& row : rows) {
            // Already deleted (struck out): nothing more to do.
            if (!row.data(ValueTableModel::PendingDeletionRole).toBool())
                names << row.data(ValueTableModel::ValueNameRole).toString();
        }
        if (names.isEmpty()) {
            *error = tr("The selected values are already deleted by pending changes.");
            return false;
        }
        bool all = true;
        for (const QString& name : names) {
            uint32_t type = 0;
            std::vector<uint8_t> data;
            const QString old = readValue(*view_->hive(), keyPath, name, &type, &data) ? shortData(type, data)
                                                                                      : QString();
            all = view_->editSession()->deleteValue(keyPath, name, old, error) && all;
        }
        return all;
    }
    if (keyPath.isEmpty()) {
        *error = tr("The root key cannot be deleted.");
        return false;
    }
    const QModelIndex current = view_->keyTree()->currentIndex();
    const bool hasSubkeys = view_->keyModel()->hasChildren(current);
    if (hasSubkeys && !confirmRecursiveDelete(keyPath)) return false;
    return view_->editSession()->deleteKey(keyPath, hasSubkeys, error);
}

bool EditActions::importReg(const QString& file, QString* error) {
    if (!view_ || !view_->isEditing()) {
        *error = tr("Open the hive for editing first.");
        return false;
    }
    // The engine's reader, as hivectl import uses it: a device, a FIFO or a
    // file over the size limit is refused before anything is read (the
    // message names the file and why).
    auto bytes = readRegFileBytes(file.toStdString());
    if (!bytes) {
        *error = toQString(bytes.error().message);
        return false;
    }
    // A file exported under this hive's own root (Export Key's default)
    // may need that root given: HKEY_CURRENT_USER\Software\Classes is
    // deeper than the automatic rule reads (regfile/RegFile.h).
    auto parsed = parseRegFile(*bytes);
    if (const QString prefix = importPrefixFor(defaultRoot()); !prefix.isEmpty()) {
        RegParseOptions options;
        options.rootPrefix = prefix.toStdString();
        if (auto under = parseRegFile(*bytes, options)) parsed = std::move(under);
    }
    if (!parsed) {
        *error = tr("%1: %2").arg(file, toQString(parsed.error().message));
        return false;
    }
    return view_->editSession()->pushPlan(tr("Import %1").arg(QFileInfo(file).fileName()), toPlan(*parsed), error);
}

bool EditActions::exportReg(const QString& file, bool wholeHive, QString* error, const QString& root) {
    if (!startExport(file, wholeHive, error, root)) return false;
    exportJob_->waitForFinished();
    if (!lastExport_.ok) *error = lastExport_.message;
    return lastExport_.ok;
}

QString EditActions::defaultRoot() const {
    if (!view_ || !view_->document()->hive()) return QString();
    return defaultRegistryRoot(*view_->document()->hive(), QFileInfo(view_->document()->path()).fileName());
}

bool EditActions::startExport(const QString& file, bool wholeHive, QString* error, const QString& root) {
    if (!view_ || !view_->isLoaded()) return false;
    if (exportJob_->isRunning()) {
        *error = tr("An export is still running.");
        return false;
    }
    const QString path = wholeHive ? QString() : view_->currentKeyPath();
    lastExport_ = ExportOutcome{};
    return exportJob_->start(view_->hive(), path, file, root.isEmpty() ? defaultRoot() : root);
}

void EditActions::onExportFinished(const ExportOutcome& outcome) {
    lastExport_ = outcome;
    if (exportProgress_) {
        exportProgress_->reset();
        exportProgress_->deleteLater();
        exportProgress_ = nullptr;
    }
    if (!showExportOutcome_) return;
    showExportOutcome_ = false;
    if (outcome.ok || outcome.cancelled)
        emit message(outcome.message);
    else
        showError(outcome.message);
}

QString EditActions::pendingAsReg() const {
    if (!view_ || !view_->isEditing()) return QString();
    return toQString(planAsRegText(view_->editSession()->plan()));
}

QString EditActions::suggestedExportPath(bool wholeHive) const {
    if (!view_) return QString();
    const QFileInfo hive(view_->document()->path());
    QString name = hive.completeBaseName().isEmpty() ? hive.fileName() : hive.completeBaseName();
    if (!wholeHive) {
        const QString key = view_->currentKeyPath();
        if (!key.isEmpty()) name = key.section(QLatin1Char('\\'), -1);
    }
    // A file name, not a path: a key name may hold characters a file
    // system refuses.
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]")), QStringLiteral("_"));
    return hive.absoluteDir().filePath(name + QStringLiteral(".reg"));
}

QString EditActions::withRegSuffix(const QString& file) {
    if (file.isEmpty() || !QFileInfo(file).suffix().isEmpty()) return file;
    return file + QStringLiteral(".reg");
}

void EditActions::exportDialog(bool wholeHive) {
    if (!view_ || !view_->isLoaded()) return;
    const auto choice = exportPrompt(wholeHive, suggestedExportPath(wholeHive),
                                     registryRootChoices(*view_->document()->hive(),
                                                         QFileInfo(view_->document()->path()).fileName()));
    if (!choice || choice->file.isEmpty()) return;
    const QString file = choice->file;
    QString error;
    if (!startExport(file, wholeHive, &error, choice->root)) {
        if (!error.isEmpty()) showError(error);
        return;
    }
    // The export runs on a worker; the dialog shows how far it got and
    // offers Cancel (which leaves no file behind).
    showExportOutcome_ = true;
    exportProgress_ = new QProgressDialog(tr("Exporting to %1…").arg(QFileInfo(file).fileName()), tr("Cancel"), 0,
                                          0, window_);
    exportProgress_->setWindowTitle(wholeHive ? tr("Export Hive") : tr("Export Key"));
    exportProgress_->setWindowModality(Qt::WindowModal);
    exportProgress_->setMinimumDuration(300);
    const uint64_t total = view_->document() ? view_->document()->keyCount() : 0;
    if (wholeHive && total > 0) exportProgress_->setRange(0, 1000);
    connect(exportProgress_, &QProgressDialog::canceled, exportJob_, &ExportJob::cancel);
    connect(exportJob_, &ExportJob::progressed, exportProgress_, [this, total, wholeHive](quint64 keys, quint64 bytes) {
        if (!exportProgress_) return;
        exportProgress_->setLabelText(tr("%Ln key(s), %1 written", nullptr, pluralN(keys))
                                          .arg(QLocale().formattedDataSize(static_cast<qint64>(bytes))));
        if (wholeHive && total > 0)
            exportProgress_->setValue(static_cast<int>(std::min<uint64_t>(999, keys * 1000 / total)));
    });
}

void EditActions::importDialog() {
    const QString folder = view_ ? QFileInfo(view_->document()->path()).absolutePath() : QString();
    const QString file = QFileDialog::getOpenFileName(window_, tr("Import .reg"), folder,
                                                      tr("Registration files (*.reg);;All files (*)"));
    if (file.isEmpty()) return;
    QString error;
    if (!importReg(file, &error)) showSessionError(error);
}

void EditActions::previewDialog() {
    QDialog dialog(window_);
    dialog.setWindowTitle(tr("Pending Changes as .reg"));
    auto* text = new QPlainTextEdit(&dialog);
    text->setReadOnly(true);
    text->setFont(QFont(QStringLiteral("monospace")));
    new RegHighlighter(text->document(), text);
    text->setPlainText(pendingAsReg());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(700, 500);
    dialog.exec();
}

}  // namespace hivekit::gui
