// CompareWindow: File > Compare With... Compares the current tab's hive (A)
// with a second hive (B) opened read-only, off the GUI thread (CompareJob),
// and shows the merged key tree (CompareModel), the selected key's values
// side by side (CompareValueModel) and a changed value's byte difference
// (ByteDiffView). A window of its own: the main window only adds the menu
// action (compareWithAction).
#pragma once

#include <QWidget>

#include <functional>
#include <memory>

#include "compare/CompareJob.h"

class QAction;
class QCheckBox;
class QLabel;
class QTableView;
class QTreeView;

namespace hivekit::gui::compare {

class ByteDiffView;
class CompareModel;
class CompareValueModel;

class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(QWidget* parent = nullptr);
    ~CompareWindow() override;

    /// Compares `a` (or, when null, the hive at `aPath`) with the hive at
    /// `bPath`; the window shows progress until the job is done.
    void start(std::shared_ptr<const Hive> a, const QString& aPath, const QString& bPath);

    CompareJob* job() const { return job_; }
    CompareModel* model() const { return model_; }
    CompareValueModel* valueModel() const { return values_; }
    QTreeView* treeView() const { return tree_; }
    QTableView* valueView() const { return valueView_; }
    ByteDiffView* byteView() const { return bytes_; }
    QCheckBox* onlyDifferencesBox() const { return onlyDifferences_; }
    /// Checked: the comparison runs again without last-write times.
    QCheckBox* ignoreTimesBox() const { return ignoreTimes_; }
    QLabel* summaryLabel() const { return summary_; }

private:
    void run();
    void onFinished(const CompareOutcome& outcome);
    void onKeySelected();
    void onValueSelected();

    CompareJob* job_;
    CompareModel* model_;
    CompareValueModel* values_;
    QLabel* title_;
    QLabel* summary_;
    QCheckBox* onlyDifferences_;
    QCheckBox* ignoreTimes_;
    std::shared_ptr<const Hive> a_;
    QString aPath_;
    QString bPath_;
    QTreeView* tree_;
    QTableView* valueView_;
    ByteDiffView* bytes_;
};

/// The File menu's "Compare With..." action: asks for hive B (and for A when
/// `currentHive` gives none, no hive being open) and opens a CompareWindow.
/// `currentHive` returns the current tab's hive and its path.
QAction* compareWithAction(QWidget* window,
                           std::function<std::pair<std::shared_ptr<const Hive>, QString>()> currentHive);

}  // namespace hivekit::gui::compare
