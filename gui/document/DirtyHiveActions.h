// DirtyHiveActions: the ways out of a dirty hive (its last changes only in
// its transaction logs), which cannot be edited as it is:
//   File > Save Recovered Copy...: the log-replayed image written to a new
//     file (what `hivectl recover` writes); the hive and its logs are only
//     read.
//   In the refusal to edit it: recover into a copy and edit that (a new tab
//     on the copy, opened for editing), or apply the logs to the file itself
//     after a durable backup, as Windows does when it loads the hive: the
//     engine's commit of no edits (merge/Commit commitPlan), which writes the
//     recovered state to the file, marks it clean and resets its logs
//     (tx/TxManager invariant 10).
// Every question's default answer is Cancel.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace hivekit::gui {

class EditActions;
class HiveView;

class DirtyHiveActions : public QObject {
    Q_OBJECT
public:
    /// `openFile` opens a file in a tab (MainWindow::openFile); `edit`
    /// opens tabs for editing.
    DirtyHiveActions(QWidget* window, EditActions* edit, std::function<HiveView*(const QString&)> openFile);

    /// File > Save Recovered Copy...
    QAction* saveCopyAction() const { return saveCopy_; }
    /// The tab the action applies to (the current one); enables the action
    /// for a dirty hive.
    void setView(HiveView* view);

    /// What one of the operations did.
    struct Outcome {
        bool ok = false;
        QString message;  ///< the summary, or the error
        QString path;     ///< the copy written, or the backup made
    };
    /// Writes `hivePath` with its logs replayed to `outPath` (a new file or
    /// one to replace, never the hive or one of its logs): written beside
    /// it, flushed and renamed into place. The hive and its logs are only read.
    static Outcome saveRecoveredCopy(const QString& hivePath, const QString& outPath);
    /// Where applyLogs() will put its backup: the first free HIVE.bak, ...
    static QString backupPathFor(const QString& hivePath);
    /// Applies the logs of the dirty hive at `hivePath` to the file itself,
    /// after a durable backup (Outcome::path).
    static Outcome applyLogs(const QString& hivePath);
    /// A free name for the recovered copy of `hivePath`, beside it
    /// ("SYSTEM" -> "SYSTEM-recovered", "a.dat" -> "a-recovered.dat").
    static QString suggestedCopyPath(const QString& hivePath);

    /// The refusal to edit `view`'s dirty hive (`why` says why), with its
    /// ways out; what the user chose is done.
    void offerWayOut(HiveView* view, const QString& why);
    /// Saves the recovered copy of `view`'s hive to `outPath`, opens it in a
    /// new tab and opens that for editing; the new tab, or null on failure.
    HiveView* recoverIntoCopyAndEdit(HiveView* view, const QString& outPath);
    /// Applies the logs to `view`'s file (after the backup), reloads the tab
    /// and opens it for editing; false on failure.
    bool applyLogsAndEdit(HiveView* view);
    /// The last outcome (tests, and the message shown).
    const Outcome& lastOutcome() const { return last_; }

    enum class WayOut { RecoverIntoCopy, ApplyLogs, Cancel };
    /// The refusal's question (a message box whose default is Cancel; the
    /// tests replace it).
    std::function<WayOut(HiveView*, const QString& why)> wayOutPrompt;
    /// Asks where to save the recovered copy ("": cancelled).
    std::function<QString(HiveView*)> copyPathPrompt;
    /// Asks to confirm applying the logs to `hivePath` with a backup to
    /// `backupPath` (a message box whose default is Cancel).
    std::function<bool(const QString& hivePath, const QString& backupPath)> applyLogsConfirm;

signals:
    /// A line for the status bar.
    void message(const QString& text);

private:
    void saveCopyDialog();
    void report(const Outcome& outcome);

    QWidget* window_;
    EditActions* edit_;
    std::function<HiveView*(const QString&)> openFile_;
    QAction* saveCopy_;
    QPointer<HiveView> view_;
    Outcome last_;
};

}  // namespace hivekit::gui
