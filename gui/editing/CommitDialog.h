// CommitDialog: how to commit the pending changes. The three strategies
// with a line each on what they do, the hive's free space now (from the
// cell scan), whether to keep a backup copy of the file first, and the
// flush mode the commit uses (always the durable one).
#pragma once

#include <QDialog>

#include "editing/EditSession.h"

class QCheckBox;
class QLabel;
class QRadioButton;

namespace hivekit::gui {

class CommitDialog : public QDialog {
    Q_OBJECT
public:
    /// `hive` is the file as it is (its free cells are counted); `changes`
    /// the number of pending changes.
    CommitDialog(const Hive& hive, int changes, QWidget* parent = nullptr);

    CommitChoice choice() const;
    void setChoice(const CommitChoice& choice);
    QLabel* freeSpaceLabel() const { return freeSpace_; }

    /// "123 KiB free in 45 cells, largest 8 KiB": the figures shown.
    static QString freeSpaceText(const Hive& hive);

private:
    QRadioButton* inPlace_;
    QRadioButton* append_;
    QRadioButton* hybrid_;
    QCheckBox* backup_;
    QLabel* freeSpace_;
};

}  // namespace hivekit::gui
