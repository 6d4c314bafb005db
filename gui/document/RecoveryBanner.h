// RecoveryBanner: the strip above a dirty hive's tree. It says that the
// file was dirty, which logs were replayed (or that none were found), and
// offers to show the primary file as it is, without its logs, and back, and
// the history of what each log entry changed.
#pragma once

#include <QFrame>

#include "hive/Hive.h"

class QLabel;
class QPushButton;
class QToolButton;

namespace hivekit::gui {

class RecoveryBanner : public QFrame {
    Q_OBJECT
public:
    explicit RecoveryBanner(QWidget* parent = nullptr);

    /// Shows what recovery did for `hive`; hides itself for a clean hive
    /// opened with logs.
    void setReport(const RecoveryReport& report, bool primaryIsDirty);

    /// The banner's text (tests).
    QString text() const;
    QPushButton* switchButton() const { return switchButton_; }
    /// "History…": what each log entry changed (shown when logs were looked at).
    QPushButton* historyButton() const { return historyButton_; }

signals:
    /// The user asked to reopen with logs (true) or without (false).
    void useLogsRequested(bool useLogs);
    /// The user asked for the log history (gui/loghistory).
    void historyRequested();

private:
    QLabel* icon_;
    QLabel* text_;
    QToolButton* detailsButton_;
    QLabel* details_;
    QPushButton* switchButton_;
    QPushButton* historyButton_;
    bool logsUsed_ = true;
};

}  // namespace hivekit::gui
