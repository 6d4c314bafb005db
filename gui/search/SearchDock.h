// SearchDock: the search panel. A query line, where to look, how to match,
// a progress bar with a stop button, and the list of hits; a click on a hit
// asks the window to select that key or value. Each tab has its own search
// (job, hits, status, "Show more"): the window names the current tab with
// showTarget() and the dock swaps them in; a search goes on while its tab is
// in the background. Hits copy (Ctrl+C, context menu) and export as CSV.
#pragma once

#include <QDockWidget>
#include <QPointer>

#include <memory>
#include <vector>

#include "search/HiveSearch.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QToolButton;
class QTreeView;

namespace hivekit::gui {

class SearchJob;
class SearchResultsModel;

class SearchDock : public QDockWidget {
    Q_OBJECT
public:
    explicit SearchDock(QWidget* parent = nullptr);
    ~SearchDock() override;

    /// The query as the controls set it.
    SearchQuery query() const;
    void setQuery(const SearchQuery& query);

    /// Searches `hive` with the current query; hits belong to `target`
    /// (the tab that was searched), which hitActivated() names again.
    void search(std::shared_ptr<const Hive> hive, QWidget* target);
    /// Shows the search of `target` (the current tab; null: none): its
    /// hits, status and progress, or an empty list if it has not searched.
    void showTarget(QWidget* target);
    void cancel();
    /// Continues the last search, which stopped at its limit of hits, for
    /// as many hits again (the "Show more" button).
    void searchMore();
    /// Forgets the hits of `target` (its tab is closing).
    void forget(QWidget* target);
    void focusQuery();
    /// F3 and Shift+F3: selects the hit `step` rows after the current one
    /// (the first or last when none is current) and shows it, as a click
    /// would. False when there is no such hit (none at all, or past the
    /// first or last: the status line says which).
    bool showNeighbourHit(int step);

    /// Hits per search before it stops and offers "Show more" (100,000
    /// unless set; the tests set less).
    void setHitLimit(size_t hits) { hitLimit_ = hits; }
    QToolButton* moreButton() const { return moreButton_; }

    /// The job and hits of the tab on show.
    SearchJob* job() const;
    SearchResultsModel* results() const;
    QTreeView* resultsView() const { return view_; }
    QString statusText() const;

    /// Copies the selected hits (rows as tab-separated text, or one column).
    void copySelection();
    void copySelectedColumn(int column);
    /// Writes the hits on show to `fileName` as CSV; false and `error` set
    /// when the file cannot be written.
    bool exportCsv(const QString& fileName, QString* error = nullptr);
    /// Asks for a file name, then exportCsv().
    void exportCsvDialog();

signals:
    /// The user asked to search (Enter or the Find button).
    void searchRequested();
    void hitActivated(QWidget* target, const hivekit::gui::SearchHit& hit);

private:
    /// One tab's search.
    struct TabSearch;

    /// The search of `target` (null: of no tab), made on first use.
    TabSearch& searchOf(QWidget* target);
    /// Gives `tab` its job and model and connects them.
    void wire(TabSearch& tab);
    void onFinished(TabSearch& tab, const SearchSummary& summary);
    void setStatus(TabSearch& tab, const QString& text);
    void setRunning(TabSearch& tab, bool running);
    /// Shows `tab`'s state in the controls.
    void display(TabSearch& tab);
    void onHitClicked(const QModelIndex& index);
    QList<int> selectedRows() const;
    void showContextMenu(const QPoint& pos);

    QLineEdit* queryEdit_;
    QComboBox* modeBox_;
    QCheckBox* caseBox_;
    QCheckBox* keysBox_;
    QCheckBox* valueNamesBox_;
    QCheckBox* valueDataBox_;
    QToolButton* findButton_;
    QToolButton* moreButton_;
    QProgressBar* progress_;
    QLabel* statusLabel_;
    QToolButton* exportButton_;
    QTreeView* view_;
    /// The searches of the tabs; the first is for no tab.
    std::vector<std::unique_ptr<TabSearch>> tabs_;
    TabSearch* current_ = nullptr;
    size_t hitLimit_ = SearchQuery().maxHits;
};

}  // namespace hivekit::gui
