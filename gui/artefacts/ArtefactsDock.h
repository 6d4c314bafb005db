// ArtefactsDock: the Artefacts view of the current tab's hive. Every
// artefact decoder that applies to the hive (engine/artefacts) runs on a
// worker thread (ArtefactsJob); a combo box lists the tables with their row
// counts, a filter narrows the shown table's rows (any column), the header
// sorts by type. Rows copy as tab-separated text; the table exports as CSV
// and all of the hive's tables as JSON, through the engine's TableWriter,
// so the files equal `hivectl artefacts`'s. A double-click asks the main
// window to show the row's key and value (rowActivated).
#pragma once

#include <QDockWidget>
#include <QPointer>

#include <memory>
#include <vector>

#include "artefacts/Artefact.h"
#include "artefacts/ArtefactsJob.h"
#include "hive/Hive.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace hivekit::gui {

class ArtefactTableModel;

class ArtefactsDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ArtefactsDock(QWidget* parent = nullptr);
    ~ArtefactsDock() override;

    /// The hive the tab `target` shows (logs replayed or not, as it was
    /// opened). Decodes it now when the dock is visible, else when it is
    /// shown; the same hive of the same tab is not decoded twice.
    void setSource(std::shared_ptr<const Hive> hive, QWidget* target);
    /// Decodes the source hive again (the Decode button).
    void decode();
    /// Forgets `target`'s tables (its tab is closing).
    void forget(QWidget* target);
    bool isRunning() const;
    /// Blocks until the worker is done (tests, shutdown).
    void waitForFinished();

    /// The tables of the last run and the one shown.
    const std::vector<std::shared_ptr<const artefacts::ArtefactTable>>& tables() const { return tables_; }
    artefacts::HiveKind hiveKind() const { return kind_; }
    /// The hive the tables were decoded from (null before the first run).
    const std::shared_ptr<const Hive>& decodedHive() const { return decoded_; }
    /// Shows the table of the decoder called `name`; false when there is none.
    bool showTable(const QString& name);
    QWidget* target() const { return target_; }

    /// The selected rows (in the order shown) as tab-separated text with a
    /// header line; null when none is selected.
    QString selectedRowsText() const;
    /// Writes the shown table as `hivectl artefacts HIVE NAME --csv` would.
    bool exportCsv(const QString& path, QString* error) const;
    /// Writes every table as `hivectl artefacts HIVE --json` would.
    bool exportJson(const QString& path, QString* error) const;

    ArtefactTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* view() const { return view_; }
    QComboBox* tableBox() const { return tableBox_; }
    QLineEdit* filterEdit() const { return filter_; }
    ArtefactsJob* job() const { return job_; }
    QString statusText() const;
    /// The text shown instead of the table when no decoder applies.
    QString emptyText() const;

signals:
    /// A row was double-clicked: show its key (and value) in `target`.
    void rowActivated(QWidget* target, const hivekit::artefacts::RowSource& source);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void run();
    void onFinished(const ArtefactsOutcome& outcome);
    void onTableChosen(int index);
    void updateStatus();
    void updateActions();
    void copyRows();
    void exportCsvDialog();
    void exportJsonDialog();
    void onActivated(const QModelIndex& index);
    void showContextMenu(const QPoint& pos);

    QComboBox* tableBox_;
    QLineEdit* filter_;
    QToolButton* decodeButton_;
    QToolButton* copyButton_;
    QToolButton* exportButton_;
    QLabel* statusLabel_;
    QLabel* descriptionLabel_;
    QStackedWidget* pages_;
    QLabel* emptyLabel_;
    QTableView* view_;
    ArtefactTableModel* model_;
    QSortFilterProxyModel* proxy_;
    ArtefactsJob* job_;
    QAction* copyAction_;
    QAction* goAction_;
    QAction* csvAction_;
    QAction* jsonAction_;

    std::shared_ptr<const Hive> hive_;  ///< the source (decoded or waiting to be)
    QPointer<QWidget> target_;
    bool stale_ = false;  ///< the source changed since the last run started
    std::shared_ptr<const Hive> decoded_;  ///< the hive the tables are of
    artefacts::HiveKind kind_ = artefacts::HiveKind::Unknown;
    std::vector<std::shared_ptr<const artefacts::ArtefactTable>> tables_;
    qint64 milliseconds_ = 0;
};

}  // namespace hivekit::gui
