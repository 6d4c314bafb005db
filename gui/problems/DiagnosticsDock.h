// DiagnosticsDock: the Problems panel. The structural check of the current
// hive (the one `hivectl check` runs) with its progress and a Stop button
// while it runs, then its findings; clicking one asks to go to its file
// offset.
#pragma once

#include <QDockWidget>
#include <QPointer>

#include "problems/DiagnosticsModel.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace hivekit::gui {

class HiveDocument;

class DiagnosticsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit DiagnosticsDock(QWidget* parent = nullptr);

    /// Shows the check of `document` (the current tab's), or nothing for null.
    void setDocument(HiveDocument* document);
    HiveDocument* document() const { return document_; }
    /// The shown document's findings, or null.
    DiagnosticsModel* model() const;
    QTreeView* view() const { return view_; }
    /// The line above the list: what the check found, or how far it is.
    QString summary() const;
    QProgressBar* progressBar() const { return progress_; }
    /// Stops the running check, or starts it again after a stop.
    QPushButton* checkButton() const { return checkButton_; }

signals:
    void offsetActivated(quint64 fileOffset);

private:
    void updateState();
    void onClicked(const QModelIndex& index);

    QPointer<HiveDocument> document_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_;
    QLabel* summary_;
    QProgressBar* progress_;
    QPushButton* checkButton_;
};

}  // namespace hivekit::gui
