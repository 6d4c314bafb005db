// EditActions: the edit side of the main window. The actions (open for
// editing, new key, new value of each type (named in place), edit, rename
// in place (F2), delete (Del), undo (Ctrl+Z), redo (Ctrl+Shift+Z), discard
// all, commit, .reg export, import and preview), the "Pending changes"
// dock, and the questions asked before a tab or the window closes over
// pending changes. The edits themselves go through the current HiveView's
// EditSession.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "editing/EditSession.h"
#include "editing/ExportJob.h"

class QAction;
class QMainWindow;
class QMenu;
class QProgressDialog;
class QUndoGroup;

namespace hivekit::gui {

class HiveView;
class PendingChangesDock;

class EditActions : public QObject {
    Q_OBJECT
public:
    explicit EditActions(QMainWindow* window);

    /// The view whose hive the actions edit (the current tab), or null.
    void setView(HiveView* view);
    HiveView* view() const { return view_; }
    PendingChangesDock* dock() const { return dock_; }
    /// Fills the "Modify" menu and puts undo/redo at the top of `editMenu`.
    void fillMenus(QMenu* modifyMenu, QMenu* editMenu);
    /// Adds the key and value actions to the view's context menus.
    void attach(HiveView* view);

    enum class PendingChoice { Commit, Discard, Cancel };
    /// Asks what to do with pending changes (a message box by default;
    /// the tests replace it).
    std::function<PendingChoice(HiveView*)> pendingPrompt;
    /// Asks how to commit (the commit dialog by default); nothing: cancelled.
    std::function<std::optional<CommitChoice>(HiveView*)> commitPrompt;
    enum class DamagedEditChoice { EditWithBackup, EditWithoutBackup, Cancel };
    /// Asks before opening for editing a hive whose structural check found
    /// `errors` errors (a message box by default; the tests replace it).
    /// EditWithBackup preselects the backup copy in the commit dialog.
    std::function<DamagedEditChoice(HiveView*, int errors)> damagedEditPrompt;
    /// Asks to confirm deleting a key that has subkeys.
    std::function<bool(const QString& path)> confirmRecursiveDelete;
    /// Asks for the class name of the key at `path` (now `current`);
    /// nothing: cancelled, "": remove the class name.
    std::function<std::optional<QString>(const QString& path, const QString& current)> classNamePrompt;

    /// Called, when set, instead of the plain refusal to edit a dirty hive
    /// (`why` is the refusal): the main window offers its ways out there.
    std::function<void(HiveView*, const QString& why)> dirtyHiveRefused;

    /// Opens `view`'s hive for editing, as the "Open for Editing" action
    /// does: once its structural check has run (waiting for it, starting it
    /// again after a stop), asking first when the check found errors.
    void requestEditing(HiveView* view);

    /// True when `view` may close or be replaced: nothing pending, or the
    /// user discarded, or committed successfully (waiting for the commit).
    bool settlePending(HiveView* view);
    /// Commits `view`'s pending changes with `choice`; with `wait`, runs
    /// the event loop until the commit ends and returns whether it worked.
    bool commit(HiveView* view, const CommitChoice& choice, bool wait);

    /// Where Export Key/Hive proposes to write: the hive's folder, named
    /// after the hive (or the selected key), with ".reg".
    QString suggestedExportPath(bool wholeHive) const;
    /// `file` with ".reg" added when it has no suffix (a save dialog that
    /// was given "backup" writes "backup.reg").
    static QString withRegSuffix(const QString& file);
    QAction* editModeAction() const { return editMode_; }
    QAction* newKeyAction() const { return newKey_; }
    /// The "New Value" submenu's action (in the Modify and context menus).
    QAction* newValueAction() const { return newValue_; }
    /// The submenu's entry that creates a value of `type` (REG_SZ,
    /// REG_BINARY, REG_DWORD, REG_QWORD, REG_MULTI_SZ, REG_EXPAND_SZ);
    /// null for another type.
    QAction* newValueAction(uint32_t type) const;
    /// The data a new value of `type` starts with: an empty string or
    /// list, zero, no bytes.
    static std::vector<uint8_t> emptyData(uint32_t type);
    QAction* editValueAction() const { return editValue_; }
    QAction* renameAction() const { return rename_; }
    QAction* classNameAction() const { return className_; }
    QAction* deleteAction() const { return delete_; }
    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }
    QAction* discardAction() const { return discard_; }
    QAction* commitAction() const { return commit_; }
    QAction* exportKeyAction() const { return exportKey_; }
    QAction* exportHiveAction() const { return exportHive_; }
    QAction* importRegAction() const { return importReg_; }
    QAction* previewRegAction() const { return previewReg_; }
    QAction* historyAction() const { return history_; }

    /// Deletes the selected value(s) if the value table has focus or a
    /// value is selected, else the selected key (asking when it has
    /// subkeys). False and `error` when the engine refused.
    bool deleteSelection(QString* error);
    /// Imports a .reg file as one pending step.
    bool importReg(const QString& file, QString* error);
    /// Writes the selected key (or the whole hive) as a .reg file, on the
    /// export worker, and waits for it (the menu's export does not wait:
    /// it shows progress with Cancel). `root` stands for the hive's root
    /// in key lines ("" : defaultRoot()).
    bool exportReg(const QString& file, bool wholeHive, QString* error, const QString& root = QString());
    /// The root an export of the current hive writes unless the user
    /// chooses another (editing/RegistryRoots.h: from the hive's kind).
    QString defaultRoot() const;
    /// Asks where to export and under which root (the export dialog by
    /// default; the tests replace it). Nothing: cancelled.
    struct ExportChoice {
        QString file;
        QString root;
    };
    std::function<std::optional<ExportChoice>(bool wholeHive, const QString& file, const QStringList& roots)>
        exportPrompt;

    /// A name no sibling has yet: "New Key #1", "New Key #2", ... below the
    /// key at `parentPath` of the current view (keys), or among the values
    /// of that key (values), as regedit names what it creates.
    QString freeNewName(const QString& parentPath, bool forValue) const;
    /// Why `newName` cannot replace `oldName` among the subkeys of
    /// `parentPath` (forValue: among its values); "" when it can.
    QString renameProblem(const QString& parentPath, const QString& oldName, const QString& newName,
                          bool forValue) const;
    /// Renames in place, as the tree's and table's editors do: checks the
    /// name, then pushes the rename on the next turn of the event loop (the
    /// view is rebuilt after a change, which an editor committing its data
    /// must not see). False and the reason shown when refused.
    bool renameKeyInPlace(const QString& keyPath, const QString& newName);
    bool renameValueInPlace(const QString& keyPath, const QString& name, const QString& newName);
    /// Shows `text` in a message box, with the engine's `details` in its
    /// Details section (the tests replace it); also emitted as message().
    std::function<void(const QString& text, const QString& details)> errorPrompt;
    /// The last error shown (tests).
    const QString& lastError() const { return lastError_; }
    const QString& lastErrorDetails() const { return lastErrorDetails_; }
    /// The worker the exports run on.
    ExportJob* exportJob() const { return exportJob_; }
    /// The pending changes as .reg text.
    QString pendingAsReg() const;

    void updateActions();

signals:
    void message(const QString& text);
    /// The current tab's edit state changed (edit mode, pending changes,
    /// a commit starting or ending).
    void stateChanged();

private:
    void toggleEditMode(bool on);
    void newKeyDialog();
    /// Creates "New Value #n" of `type` under the selected key as a pending
    /// change and opens its name's editor in the value table.
    void newValueOfType(uint32_t type);
    void editValueDialog();
    void renameDialog();
    void classNameDialog();
    /// Says how a commit ended: the summary, or the error in a message box.
    void reportCommit(const CommitOutcome& outcome);
    void commitDialog();
    void discardAll();
    void exportDialog(bool wholeHive);
    /// Starts an export on the worker; false and `error` when it cannot.
    bool startExport(const QString& file, bool wholeHive, QString* error, const QString& root = QString());
    void onExportFinished(const ExportOutcome& outcome);
    void importDialog();
    void previewDialog();
    void showError(const QString& text, const QString& details = QString());
    /// The current session's refusal, with its engine details.
    void showSessionError(const QString& text);
    /// Says that the selection is deleted by a pending change; true then.
    bool refusePendingDeletion(bool valueSide);

    /// The view waiting for its check before it is opened for editing.
    QPointer<HiveView> awaitingCheck_;
    QMetaObject::Connection awaitingConnection_;

    QMainWindow* window_;
    HiveView* view_ = nullptr;
    PendingChangesDock* dock_;
    QUndoGroup* group_;
    QAction* editMode_;
    QAction* newKey_;
    QAction* newValue_;
    QMenu* newValueMenu_;
    std::vector<std::pair<uint32_t, QAction*>> newValueOfType_;
    QAction* editValue_;
    QAction* rename_;
    QAction* className_;
    QAction* delete_;
    QAction* undo_;
    QAction* redo_;
    QAction* discard_;
    QAction* commit_;
    QAction* exportKey_;
    QAction* exportHive_;
    QAction* importReg_;
    QAction* previewReg_;
    QAction* history_;
    QString lastError_;
    QString lastErrorDetails_;
    ExportJob* exportJob_;
    ExportOutcome lastExport_;
    QPointer<QProgressDialog> exportProgress_;
    /// The export was started from the menu: say how it ended.
    bool showExportOutcome_ = false;
};

}  // namespace hivekit::gui
