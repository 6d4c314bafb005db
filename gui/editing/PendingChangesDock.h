// PendingChangesDock: the "Pending changes" dock. Lists the pending changes
// of the current hive in the order they will be applied (operation, path,
// old -> new), with the undo history (QUndoView) beside it, and buttons to
// undo, redo, discard all, preview them as .reg, and commit.
#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QUndoView;

namespace hivekit::gui {

class EditSession;

class PendingChangesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PendingChangesDock(QWidget* parent = nullptr);

    /// Shows the changes of `session` (null: a hive not being edited).
    void setSession(EditSession* session);
    EditSession* session() const { return session_; }

    QTableWidget* table() const { return table_; }
    QUndoView* undoView() const { return undoView_; }
    QPushButton* commitButton() const { return commitButton_; }
    QPushButton* discardButton() const { return discardButton_; }
    /// Shows the dock with its undo history (QUndoView) in front.
    void showHistory();
    bool historyShown() const;

signals:
    void commitRequested();
    void discardRequested();
    void regPreviewRequested();

private:
    void refresh();

    QPointer<EditSession> session_;
    QLabel* summary_;
    QTabWidget* tabs_;
    QTableWidget* table_;
    QUndoView* undoView_;
    QPushButton* undoButton_;
    QPushButton* redoButton_;
    QPushButton* discardButton_;
    QPushButton* previewButton_;
    QPushButton* commitButton_;
};

}  // namespace hivekit::gui
