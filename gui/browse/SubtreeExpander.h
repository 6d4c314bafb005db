// SubtreeExpander: '*' on the numeric keypad expands the whole subtree of
// the current key, as in regedit, without freezing the window on a hive of
// 300,000 keys. Qt's own '*' (QTreeView::expandRecursively) walks the
// subtree in one go; this one fetches and expands a few milliseconds' worth
// of keys per turn of the event loop, depth first, and stops on Esc or on
// the Cancel button of its status-bar strip.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>

#include <vector>

class QLabel;
class QPushButton;
class QTreeView;
class QWidget;

namespace hivekit::gui {

class KeyTreeModel;

class SubtreeExpander : public QObject {
    Q_OBJECT
public:
    /// Watches `tree` (showing `model`) for '*' and Esc.
    SubtreeExpander(QTreeView* tree, KeyTreeModel* model, QObject* parent = nullptr);
    ~SubtreeExpander() override;

    /// Starts expanding the subtree of `index` (an expansion running is
    /// stopped first).
    void start(const QModelIndex& index);
    void cancel();
    bool isRunning() const { return !stack_.empty(); }
    /// Keys expanded by the current (or last) run.
    qsizetype expandedCount() const { return expanded_; }
    /// How long one turn works at least (milliseconds; longer when the
    /// tree's relayout between turns takes longer, up to 100 ms).
    void setSliceMilliseconds(int ms) { sliceMs_ = ms > 0 ? ms : 1; }
    /// "Expanding… N keys [Cancel]": shown while running, for the status bar.
    QWidget* statusWidget() const { return strip_; }
    QPushButton* cancelButton() const { return cancelButton_; }

signals:
    /// The run ended: all expanded, or cancelled (Esc, Cancel, a reload).
    void finished(bool cancelled);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void step();
    void stop(bool cancelled);

    struct Work {
        QPersistentModelIndex index;
        int nextChild = 0;
    };
    QTreeView* tree_;
    KeyTreeModel* model_;
    std::vector<Work> stack_;
    QTimer timer_;
    int sliceMs_ = 12;
    /// Since the last slice ended: how long the rest of the event loop took.
    QElapsedTimer between_;
    qsizetype expanded_ = 0;
    /// Owned by the status bar that shows it, or by this (see the destructor).
    QPointer<QWidget> strip_;
    QLabel* label_;
    QPushButton* cancelButton_;
};

}  // namespace hivekit::gui
