// SearchDock: the search panel. A query line, where to look, how to match,
// a progress bar with a stop button, and the list of hits; a click on a hit
// asks the window to select that key or value.
#pragma once

#include <QDockWidget>
#include <QPointer>

#include <memory>

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

    SearchJob* job() const { return job_; }
    SearchResultsModel* results() const { return results_; }
    QTreeView* resultsView() const { return view_; }

signals:
    /// The user asked to search (Enter or the Find button).
    void searchRequested();
    void hitActivated(QWidget* target, const hivekit::gui::SearchHit& hit);

private:
    void onFinished(const SearchSummary& summary);
    void setRunning(bool running);
    void onHitClicked(const QModelIndex& index);

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
    QTreeView* view_;
    SearchResultsModel* results_;
    SearchJob* job_;
    QPointer<QWidget> target_;
    /// The hive of the last search, kept for searchMore().
    std::shared_ptr<const Hive> hive_;
    /// Keys and values visited by the searches whose hits are listed.
    SearchSummary total_;
    size_t hitLimit_ = SearchQuery().maxHits;
};

}  // namespace hivekit::gui
