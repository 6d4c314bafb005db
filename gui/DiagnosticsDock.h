// DiagnosticsDock: the problems of the current hive; clicking one asks to
// go to its file offset.
#pragma once

#include <QDockWidget>
#include <QPointer>

#include "DiagnosticsModel.h"

class QLabel;
class QSortFilterProxyModel;
class QTreeView;

namespace hivekit::gui {


class DiagnosticsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DiagnosticsDock(QWidget* parent = nullptr);

    /// Shows `model` (the current tab's), or nothing for null.
    void setModel(DiagnosticsModel* model);
    DiagnosticsModel* model() const { return model_; }
    QTreeView* view() const { return view_; }

signals:
    void offsetActivated(quint64 fileOffset);

private:
    void updateSummary();
    void onClicked(const QModelIndex& index);

    QPointer<DiagnosticsModel> model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_;
    QLabel* summary_;
};

}  // namespace hivekit::gui
