// MainWindow: HiveKit's window. Open hives in tabs, the problems and search
// docks, menus and toolbar, recent files, bookmarks, drag and drop, and the
// window state kept between runs.
#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace hivekit::gui {

class ArtefactsDock;
class InterpreterDock;
class DeletedDock;
class DiagnosticsDock;
class DirtyHiveActions;
class EditActions;
class HiveView;
class ScreenFitter;
class SearchDock;
class TimelineDock;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a hive in a new tab (or shows its tab when it is open already).
    HiveView* openFile(const QString& path);
    HiveView* currentView() const;
    QTabWidget* tabs() const { return tabs_; }
    SearchDock* searchDock() const { return searchDock_; }
    DiagnosticsDock* diagnosticsDock() const { return diagnosticsDock_; }
    DeletedDock* deletedDock() const { return deletedDock_; }
    ArtefactsDock* artefactsDock() const { return artefactsDock_; }
    TimelineDock* timelineDock() const { return timelineDock_; }
    InterpreterDock* interpreterDock() const { return interpreterDock_; }
    QAction* findDeletedAction() const { return findDeletedAction_; }
    QAction* findNextAction() const { return findNextAction_; }
    QAction* findPreviousAction() const { return findPreviousAction_; }

    /// Goes to a key path in the current hive; false and a message in the
    /// status bar when there is no such key.
    bool goToPath(const QString& path);
    /// Starts a search of the current hive with the search dock's query.
    void startSearch();
    /// Scans the current hive's free cells for deleted keys and values.
    void startDeletedScan();

    QAction* copyKeyPathAction() const { return copyKeyPathAction_; }
    QAction* copyValueAction() const { return copyValueAction_; }
    QAction* copyDataAction() const { return copyDataAction_; }
    QAction* withoutLogsAction() const { return withoutLogsAction_; }
    /// View > Show Deleted Keys (checkable, remembered).
    QAction* showDeletedKeysAction() const { return showDeletedKeysAction_; }
    /// The edit side: actions, the pending changes dock, close questions.
    EditActions* editActions() const { return editActions_; }
    /// View > Reload (F5): reads the current tab's file again.
    QAction* reloadAction() const { return reloadAction_; }
    /// File > Save Recovered Copy... and the ways out of a dirty hive.
    DirtyHiveActions* dirtyHiveActions() const { return dirtyHiveActions_; }

    /// The status bar's path label (tests).
    QString statusPath() const;
    /// Help > About: the About box (modal).
    void showAbout();
    /// `wanted` shrunk to fit `available` (a screen's available geometry,
    /// with room for the frame) and moved onto it when it would stick out.
    static QRect fittedGeometry(const QRect& wanted, const QRect& available);
    /// Keeps the window inside its screen (app/ScreenFit.h).
    ScreenFitter* screenFitter() const { return screenFitter_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    QWidget* createWelcomePage();

    void openDialog();
    void closeTab(int index);
    void onCurrentTabChanged();
    void onViewSelectionChanged(HiveView* view, const QString& path);
    void updateActions();
    void updateWindowTitle();
    void updateModeBadge();
    void fillRecentMenu();
    void updateWelcome();
    void fillBookmarksMenu();
    void goToPathDialog();
    void goToOffsetDialog();
    void addBookmark();
    void removeBookmark();
    void copyText(const QString& text, const QString& what);

    QStackedWidget* central_;
    QTabWidget* tabs_;
    SearchDock* searchDock_;
    DiagnosticsDock* diagnosticsDock_;
    DeletedDock* deletedDock_;
    ArtefactsDock* artefactsDock_;
    TimelineDock* timelineDock_ = nullptr;
    InterpreterDock* interpreterDock_ = nullptr;
    QLabel* pathLabel_;
    QLabel* countsLabel_;
    /// What the current tab is: read-only, or editing (with N pending).
    QLabel* modeLabel_;
    QMenu* recentMenu_ = nullptr;
    QMenu* bookmarksMenu_ = nullptr;
    QLabel* welcomeRecent_ = nullptr;

    QAction* openAction_ = nullptr;
    QAction* closeTabAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* copyKeyPathAction_ = nullptr;
    QAction* copyValueAction_ = nullptr;
    QAction* copyDataAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* findNextAction_ = nullptr;
    QAction* findPreviousAction_ = nullptr;
    QAction* goToPathAction_ = nullptr;
    QAction* goToOffsetAction_ = nullptr;
    QAction* findDeletedAction_ = nullptr;
    QAction* addBookmarkAction_ = nullptr;
    QAction* removeBookmarkAction_ = nullptr;
    QAction* withoutLogsAction_ = nullptr;
    QAction* showDeletedKeysAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    EditActions* editActions_ = nullptr;
    QAction* reloadAction_ = nullptr;
    DirtyHiveActions* dirtyHiveActions_ = nullptr;
    ScreenFitter* screenFitter_ = nullptr;
};

}  // namespace hivekit::gui
