#include "app/MainWindow.h"

#include "browse/GoToKeyDialog.h"
#include "browse/SubtreeExpander.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include "app/BookmarkStore.h"
#include "problems/DiagnosticsDock.h"
#include "problems/DiagnosticsModel.h"
#include "common/Display.h"
#include "document/DirtyHiveActions.h"
#include "document/HiveDocument.h"
#include "document/HiveView.h"
#include "app/RecentFiles.h"
#include "app/ScreenFit.h"
#include "search/SearchDock.h"
#include "deleted/DeletedDock.h"
#include "deleted/DeletedKeysInTree.h"
#include "artefacts/ArtefactNavigation.h"
#include "artefacts/ArtefactsDock.h"
#include "compare/CompareWindow.h"
#include "timeline/TimelineDock.h"
#include "timeline/TimelineNavigation.h"
#include "editing/EditActions.h"
#include "editing/PendingChangesDock.h"
#include "interpreter/InterpreterPanel.h"

namespace hivekit::gui {

namespace {
enum CentralPage { WelcomePage, TabsPage };
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      central_(new QStackedWidget),
      tabs_(new QTabWidget),
      searchDock_(new SearchDock(this)),
      diagnosticsDock_(new DiagnosticsDock(this)),
      deletedDock_(new DeletedDock(this)),
      artefactsDock_(new ArtefactsDock(this)),
      pathLabel_(new QLabel),
      countsLabel_(new QLabel),
      modeLabel_(new QLabel) {
    initResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/hivekit.svg")));
    setAcceptDrops(true);
    setObjectName(QStringLiteral("mainWindow"));

    tabs_->setDocumentMode(true);
    tabs_->setTabsClosable(true);
    tabs_->setMovable(true);
    tabs_->setElideMode(Qt::ElideMiddle);
    central_->addWidget(scrollableWhenSmall(createWelcomePage()));
    central_->addWidget(tabs_);
    setCentralWidget(central_);

    addDockWidget(Qt::BottomDockWidgetArea, searchDock_);
    addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock_);
    tabifyDockWidget(searchDock_, diagnosticsDock_);
    searchDock_->raise();
    resizeDocks({searchDock_}, {170}, Qt::Vertical);

    createActions();
    editActions_ = new EditActions(this);
    addDockWidget(Qt::BottomDockWidgetArea, editActions_->dock());
    tabifyDockWidget(diagnosticsDock_, editActions_->dock());
    addDockWidget(Qt::BottomDockWidgetArea, deletedDock_);
    tabifyDockWidget(editActions_->dock(), deletedDock_);
    addDockWidget(Qt::BottomDockWidgetArea, artefactsDock_);
    tabifyDockWidget(deletedDock_, artefactsDock_);
    // The Timeline: tabbed with the Deleted and Artefacts docks; an event goes to its key.
    timelineDock_ = new TimelineDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, timelineDock_);
    tabifyDockWidget(artefactsDock_, timelineDock_);
    connect(timelineDock_, &TimelineDock::eventActivated, this,
            [this](QWidget* target, const timeline::TimelineEvent& event) {
                auto* view = qobject_cast<HiveView*>(target);
                if (!view) return;
                tabs_->setCurrentWidget(view);
                QString why;
                if (!showTimelineEvent(*view, event, &why) || !why.isEmpty()) statusBar()->showMessage(why, 8000);
            });
    interpreterDock_ = new InterpreterDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, interpreterDock_);
    tabifyDockWidget(artefactsDock_, interpreterDock_);
    searchDock_->raise();
    connect(editActions_, &EditActions::stateChanged, this, &MainWindow::updateModeBadge);
    connect(editActions_, &EditActions::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
    });
    dirtyHiveActions_ = new DirtyHiveActions(this, editActions_, [this](const QString& path) { return openFile(path); });
    connect(dirtyHiveActions_, &DirtyHiveActions::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
    });
    editActions_->dirtyHiveRefused = [this](HiveView* view, const QString& why) {
        dirtyHiveActions_->offerWayOut(view, why);
    };
    // Every dock can be made low: the window must fit an 800x500 screen.
    makeDocksScrollable(this);
    createMenus();
    createToolBar();
    createStatusBar();

    connect(tabs_, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(tabs_, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(searchDock_, &SearchDock::searchRequested, this, &MainWindow::startSearch);
    connect(searchDock_, &SearchDock::hitActivated, this, [this](QWidget* target, const SearchHit& hit) {
        auto* view = qobject_cast<HiveView*>(target);
        if (!view) return;
        tabs_->setCurrentWidget(view);
        if (!view->showHit(hit)) statusBar()->showMessage(tr("That key is no longer in the tree."), 5000);
    });
    connect(deletedDock_, &DeletedDock::scanRequested, this, &MainWindow::startDeletedScan);
    connect(deletedDock_, &DeletedDock::offsetActivated, this, [this](QWidget* target, quint64 offset) {
        auto* view = qobject_cast<HiveView*>(target);
        if (!view) return;
        tabs_->setCurrentWidget(view);
        view->showOffset(offset);
    });
    connect(artefactsDock_, &ArtefactsDock::rowActivated, this,
            [this](QWidget* target, const artefacts::RowSource& source) {
                auto* view = qobject_cast<HiveView*>(target);
                if (!view) return;
                tabs_->setCurrentWidget(view);
                QString why;
                if (!showArtefactSource(*view, source, &why) || !why.isEmpty()) statusBar()->showMessage(why, 8000);
            });
    connect(diagnosticsDock_, &DiagnosticsDock::offsetActivated, this, [this](quint64 offset) {
        if (HiveView* view = currentView()) view->showOffset(offset);
    });

    resize(1280, 820);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // The default size, or one saved on a bigger screen (or at a smaller
    // scale factor), must not open the window past the screen's edges;
    // nor may a tab opened later, or a move to another screen.
    screenFitter_ = new ScreenFitter(this);
    screenFitter_->fit();
    updateWelcome();
    updateActions();
    updateWindowTitle();
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::createWelcomePage() {
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("welcomePage"));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(2);
    auto* icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/hivekit.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(QStringLiteral("<h1>HiveKit</h1>"));
    title->setAlignment(Qt::AlignCenter);
    auto* subtitle = new QLabel(tr("Inspect offline Windows registry hives. Files open read-only; nothing is "
                                   "written until you choose Edit and commit your changes."));
    subtitle->setAlignment(Qt::AlignCenter);
    subtitle->setWordWrap(true);
    auto* open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open Hive…"));
    open->setDefault(true);
    connect(open, &QPushButton::clicked, this, &MainWindow::openDialog);
    auto* hint = new QLabel(tr("or drop hive files (SYSTEM, SOFTWARE, NTUSER.DAT, …) on this window"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    welcomeRecent_ = new QLabel;
    welcomeRecent_->setAlignment(Qt::AlignCenter);
    welcomeRecent_->setTextFormat(Qt::RichText);
    connect(welcomeRecent_, &QLabel::linkActivated, this, [this](const QString& link) {
        openFile(QUrl(link).toLocalFile());
    });
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(12);
    layout->addWidget(open, 0, Qt::AlignHCenter);
    layout->addWidget(hint);
    layout->addSpacing(18);
    layout->addWidget(welcomeRecent_);
    layout->addStretch(3);
    return page;
}

void MainWindow::updateWelcome() {
    const QStringList files = RecentFiles::files();
    if (files.isEmpty()) {
        welcomeRecent_->clear();
        return;
    }
    QString html = QStringLiteral("<p><b>") + tr("Recent files").toHtmlEscaped() + QStringLiteral("</b></p>");
    for (const QString& f : files.mid(0, 6))
        html += QStringLiteral("<p><a href=\"%1\">%2</a> <span style=\"color:gray\">%3</span></p>")
                    .arg(QUrl::fromLocalFile(f).toString().toHtmlEscaped(), QFileInfo(f).fileName().toHtmlEscaped(),
                         QDir::toNativeSeparators(QFileInfo(f).absolutePath()).toHtmlEscaped());
    welcomeRecent_->setText(html);
}

void MainWindow::createActions() {
    auto icon = [](const char* name) { return QIcon(QStringLiteral(":/icons/") + QLatin1String(name)); };

    openAction_ = new QAction(icon("open.svg"), tr("&Open Hive…"), this);
    openAction_->setShortcut(QKeySequence::Open);
    openAction_->setStatusTip(tr("Open a registry hive file, read-only"));
    connect(openAction_, &QAction::triggered, this, &MainWindow::openDialog);

    closeTabAction_ = new QAction(tr("&Close"), this);
    closeTabAction_->setShortcut(QKeySequence::Close);
    connect(closeTabAction_, &QAction::triggered, this, [this] { closeTab(tabs_->currentIndex()); });

    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    copyKeyPathAction_ = new QAction(icon("copy.svg"), tr("Copy Key &Path"), this);
    copyKeyPathAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyKeyPathAction_->setStatusTip(tr("Copy the selected key's path from the root"));
    connect(copyKeyPathAction_, &QAction::triggered, this, [this] {
        if (HiveView* v = currentView()) copyText(v->keyPathForCopy(), tr("key path"));
    });

    copyValueAction_ = new QAction(tr("Copy &Value"), this);
    copyValueAction_->setShortcut(QKeySequence::Copy);
    copyValueAction_->setStatusTip(tr("Copy the selected values as name, type and data"));
    connect(copyValueAction_, &QAction::triggered, this, [this] {
        if (HiveView* v = currentView()) copyText(v->valueForCopy(), tr("value"));
    });

    copyDataAction_ = new QAction(tr("Copy &Data"), this);
    copyDataAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    copyDataAction_->setStatusTip(tr("Copy the selected values' data"));
    connect(copyDataAction_, &QAction::triggered, this, [this] {
        if (HiveView* v = currentView()) copyText(v->dataForCopy(), tr("data"));
    });

    findAction_ = new QAction(icon("search.svg"), tr("&Find…"), this);
    findAction_->setShortcut(QKeySequence::Find);
    findAction_->setStatusTip(tr("Search key names, value names and value data"));
    connect(findAction_, &QAction::triggered, searchDock_, &SearchDock::focusQuery);
    findNextAction_ = new QAction(tr("Find &Next"), this);
    findNextAction_->setShortcut(QKeySequence(Qt::Key_F3));
    findNextAction_->setStatusTip(tr("Show the next search hit"));
    connect(findNextAction_, &QAction::triggered, this, [this] { searchDock_->showNeighbourHit(1); });
    findPreviousAction_ = new QAction(tr("Find Prev&ious"), this);
    findPreviousAction_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    findPreviousAction_->setStatusTip(tr("Show the previous search hit"));
    connect(findPreviousAction_, &QAction::triggered, this, [this] { searchDock_->showNeighbourHit(-1); });

    goToPathAction_ = new QAction(icon("goto.svg"), tr("&Go to Key…"), this);
    goToPathAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    goToPathAction_->setStatusTip(tr("Select a key by its path"));
    connect(goToPathAction_, &QAction::triggered, this, &MainWindow::goToPathDialog);

    findDeletedAction_ = new QAction(tr("Find &Deleted Keys and Values"), this);
    findDeletedAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    findDeletedAction_->setStatusTip(tr("Scan the free cells for keys and values that were deleted"));
    connect(findDeletedAction_, &QAction::triggered, this, &MainWindow::startDeletedScan);

    goToOffsetAction_ = new QAction(icon("hex.svg"), tr("Go to &Offset…"), this);
    goToOffsetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goToOffsetAction_->setStatusTip(tr("Show a file offset in the hex view"));
    connect(goToOffsetAction_, &QAction::triggered, this, &MainWindow::goToOffsetDialog);

    addBookmarkAction_ = new QAction(icon("bookmark.svg"), tr("&Bookmark This Key"), this);
    addBookmarkAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(addBookmarkAction_, &QAction::triggered, this, &MainWindow::addBookmark);
    removeBookmarkAction_ = new QAction(tr("&Remove Bookmark"), this);
    connect(removeBookmarkAction_, &QAction::triggered, this, &MainWindow::removeBookmark);

    withoutLogsAction_ = new QAction(tr("Show Primary File &Without Logs"), this);
    withoutLogsAction_->setCheckable(true);
    withoutLogsAction_->setStatusTip(tr("Show a dirty hive as its primary file is, without replaying its logs"));
    connect(withoutLogsAction_, &QAction::triggered, this, [this](bool checked) {
        if (HiveView* v = currentView()) v->reopen(!checked);
    });

    // View > Show Deleted Keys: each tab's deleted keys merged into its tree.
    showDeletedKeysAction_ = new QAction(tr("Show &Deleted Keys"), this);
    showDeletedKeysAction_->setCheckable(true);
    showDeletedKeysAction_->setChecked(QSettings().value(QStringLiteral("view/showDeletedKeys"), false).toBool());
    showDeletedKeysAction_->setStatusTip(
        tr("Show the deleted keys a scan of the file recovers in the key tree, read-only, with their values"));
    connect(showDeletedKeysAction_, &QAction::toggled, this, [this](bool shown) {
        QSettings().setValue(QStringLiteral("view/showDeletedKeys"), shown);
        for (int i = 0; i < tabs_->count(); ++i) {
            if (auto* keys = DeletedKeysInTree::of(qobject_cast<HiveView*>(tabs_->widget(i)))) keys->setShown(shown);
        }
    });

    reloadAction_ = new QAction(tr("&Reload"), this);
    reloadAction_->setShortcut(QKeySequence(Qt::Key_F5));
    reloadAction_->setStatusTip(tr("Read the file again as it is now on disk; pending changes stay pending"));
    connect(reloadAction_, &QAction::triggered, this, [this] {
        if (HiveView* v = currentView()) v->reload();
    });

    aboutAction_ = new QAction(tr("&About HiveKit"), this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(closeTabAction_);
    file->addSeparator();
    // File > Compare With... (gui/compare): the current tab's hive is A.
    file->addAction(compare::compareWithAction(this, [this]() -> std::pair<std::shared_ptr<const Hive>, QString> {
        HiveView* view = currentView();
        if (!view || !view->isLoaded()) return {};
        return {view->hive(), view->document()->path()};
    }));
    file->addAction(dirtyHiveActions_->saveCopyAction());
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(copyKeyPathAction_);
    edit->addAction(copyValueAction_);
    edit->addAction(copyDataAction_);
    edit->addSeparator();
    edit->addAction(findAction_);
    edit->addAction(findNextAction_);
    edit->addAction(findPreviousAction_);
    edit->addAction(goToPathAction_);
    edit->addAction(goToOffsetAction_);
    edit->addSeparator();
    edit->addAction(findDeletedAction_);

    QMenu* modify = menuBar()->addMenu(tr("&Modify"));
    editActions_->fillMenus(modify, edit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(reloadAction_);
    view->addAction(withoutLogsAction_);
    view->addAction(showDeletedKeysAction_);
    view->addSeparator();
    view->addAction(searchDock_->toggleViewAction());
    view->addAction(diagnosticsDock_->toggleViewAction());
    view->addAction(deletedDock_->toggleViewAction());
    view->addAction(artefactsDock_->toggleViewAction());
    view->addAction(timelineDock_->toggleViewAction());
    view->addAction(interpreterDock_->toggleViewAction());

    bookmarksMenu_ = menuBar()->addMenu(tr("&Bookmarks"));
    connect(bookmarksMenu_, &QMenu::aboutToShow, this, &MainWindow::fillBookmarksMenu);
    fillBookmarksMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    bar->addAction(openAction_);
    bar->addAction(editActions_->editModeAction());
    bar->addSeparator();
    bar->addAction(goToPathAction_);
    bar->addAction(findAction_);
    bar->addAction(addBookmarkAction_);
    bar->addAction(copyKeyPathAction_);
}

void MainWindow::createStatusBar() {
    pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel_->setObjectName(QStringLiteral("statusPath"));
    modeLabel_->setObjectName(QStringLiteral("modeBadge"));
    modeLabel_->hide();
    statusBar()->addWidget(pathLabel_, 1);
    statusBar()->addPermanentWidget(countsLabel_);
    statusBar()->addPermanentWidget(modeLabel_);
}

HiveView* MainWindow::currentView() const { return qobject_cast<HiveView*>(tabs_->currentWidget()); }

HiveView* MainWindow::openFile(const QString& path) {
    const QString key = BookmarkStore::fileKey(path);
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* v = qobject_cast<HiveView*>(tabs_->widget(i));
        if (v && BookmarkStore::fileKey(v->document()->path()) == key) {
            tabs_->setCurrentIndex(i);
            return v;
        }
    }
    auto* view = new HiveView(QFileInfo(path).absoluteFilePath());
    const int index = tabs_->addTab(view, QIcon(QStringLiteral(":/icons/hive.svg")), view->document()->displayName());
    tabs_->setTabToolTip(index, QDir::toNativeSeparators(view->document()->path()));
    for (QTreeView* tree : {view->keyTree()}) {
        tree->addAction(copyKeyPathAction_);
        tree->addAction(addBookmarkAction_);
    }
    view->valueTable()->addAction(copyValueAction_);
    view->valueTable()->addAction(copyDataAction_);
    editActions_->attach(view);
    auto* deletedKeys = new DeletedKeysInTree(view, deletedDock_);
    deletedKeys->setShown(showDeletedKeysAction_->isChecked());
    connect(deletedKeys, &DeletedKeysInTree::failed, this, [this](const QString& why) {
        statusBar()->showMessage(tr("Cannot show the deleted keys: %1").arg(why), 10000);
    });
    // '*' expanding a subtree shows its progress and Cancel here.
    statusBar()->addWidget(view->subtreeExpander()->statusWidget());
    connect(view, &HiveView::selectionChanged, this,
            [this, view](const QString& keyPath) { onViewSelectionChanged(view, keyPath); });
    connect(view, &HiveView::statusMessage, this, [this, view](const QString& text) {
        if (view == currentView()) statusBar()->showMessage(text, 8000);
    });
    connect(view, &HiveView::loaded, this, [this, view] {
        RecentFiles::add(view->document()->path());
        updateWelcome();
        if (view == currentView()) onCurrentTabChanged();
    });
    connect(view->document(), &HiveDocument::checkEnded, this, [this, view](bool completed) {
        if (view != currentView() || !completed) return;
        onCurrentTabChanged();
        // A damaged hive shows its problems at once (the damage banner says
        // so too, should the panel be closed).
        if (view->document()->diagnostics()->count(Diagnostic::Severity::Error) > 0) diagnosticsDock_->raise();
    });
    connect(view, &HiveView::problemsRequested, this, [this, view] {
        tabs_->setCurrentWidget(view);
        diagnosticsDock_->show();
        diagnosticsDock_->raise();
    });
    connect(view, &HiveView::loadFailed, this, [this, view](const QString& message) {
        if (view == currentView()) statusBar()->showMessage(message, 10000);
    });
    central_->setCurrentIndex(TabsPage);
    tabs_->setCurrentIndex(index);
    screenFitter_->fitSoon();
    return view;
}

void MainWindow::openDialog() {
    const QString dir = QSettings().value(QStringLiteral("lastDirectory")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Hive"), dir, tr("Registry hives (*);;Hive files (*.dat *.hve *.hiv *.DAT)"));
    if (files.isEmpty()) return;
    QSettings().setValue(QStringLiteral("lastDirectory"), QFileInfo(files.front()).absolutePath());
    for (const QString& f : files) openFile(f);
}

void MainWindow::closeTab(int index) {
    auto* view = qobject_cast<HiveView*>(tabs_->widget(index));
    if (!view) return;
    // Pending changes are committed, discarded, or the tab stays.
    if (!editActions_->settlePending(view)) return;
    searchDock_->forget(view);
    deletedDock_->forget(view);
    artefactsDock_->forget(view);
    timelineDock_->forget(view);
    if (diagnosticsDock_->document() == view->document()) diagnosticsDock_->setDocument(nullptr);
    view->saveLayout();
    tabs_->removeTab(index);
    view->deleteLater();
    if (tabs_->count() == 0) central_->setCurrentIndex(WelcomePage);
    onCurrentTabChanged();
}

void MainWindow::onCurrentTabChanged() {
    HiveView* view = currentView();
    diagnosticsDock_->setDocument(view ? view->document() : nullptr);
    editActions_->setView(view);
    interpreterDock_->setView(view);
    // The hive as the file is (logs replayed or not, as the tab shows it),
    // not the preview of pending edits: artefacts are evidence.
    artefactsDock_->setSource(view && view->isLoaded() ? view->document()->hive() : nullptr, view);
    timelineDock_->setSource(view && view->isLoaded() ? view->document()->hive() : nullptr, view);
    searchDock_->showTarget(view);
    if (view)
        onViewSelectionChanged(view, view->currentKeyPath());
    else
        pathLabel_->clear();
    countsLabel_->clear();
    if (view && view->document()->checkFinished()) {
        // One plural-aware phrase per count: languages inflect each noun
        // by its own number.
        countsLabel_->setText(tr("%Ln key(s)", nullptr, pluralN(view->document()->keyCount())) +
                              QStringLiteral(", ") +
                              tr("%Ln value(s)", nullptr, pluralN(view->document()->valueCount())));
    }
    updateActions();
    updateWindowTitle();
}

void MainWindow::onViewSelectionChanged(HiveView* view, const QString& path) {
    if (view != currentView()) return;
    if (!view->isLoaded()) {
        pathLabel_->clear();
        return;
    }
    pathLabel_->setText(path.isEmpty() ? tr("(root key)") : path);
    updateActions();
}

QString MainWindow::statusPath() const { return pathLabel_->text(); }

void MainWindow::updateActions() {
    HiveView* view = currentView();
    const bool loaded = view && view->isLoaded();
    for (QAction* a : {closeTabAction_}) a->setEnabled(view != nullptr);
    for (QAction* a : {copyKeyPathAction_, copyValueAction_, copyDataAction_, goToPathAction_, goToOffsetAction_,
                       addBookmarkAction_, findAction_, findNextAction_, findPreviousAction_, findDeletedAction_})
        a->setEnabled(loaded);
    // A recovered deleted key has no place in the live tree to come back to.
    if (loaded && view->currentKeyIsRecovered()) addBookmarkAction_->setEnabled(false);
    const auto hive = loaded ? view->hive() : nullptr;
    const bool dirty = hive && hive->recovery().wasDirty;
    withoutLogsAction_->setEnabled(dirty);
    withoutLogsAction_->setChecked(dirty && !hive->recovery().logsConsidered);
    reloadAction_->setEnabled(loaded);
    dirtyHiveActions_->setView(view);
    editActions_->updateActions();
    removeBookmarkAction_->setEnabled(loaded &&
                                      BookmarkStore::contains(view->document()->path(), view->currentKeyPath()));
}

void MainWindow::updateWindowTitle() {
    HiveView* view = currentView();
    if (!view) {
        setWindowTitle(tr("HiveKit"));
        return;
    }
    setWindowTitle(tr("%1 — HiveKit").arg(QDir::toNativeSeparators(view->document()->path())));
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList files = RecentFiles::files();
    for (const QString& f : files) {
        QAction* a = recentMenu_->addAction(QFileInfo(f).fileName() + QStringLiteral("  —  ") +
                                            QDir::toNativeSeparators(QFileInfo(f).absolutePath()));
        connect(a, &QAction::triggered, this, [this, f] { openFile(f); });
    }
    if (files.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("Clear List"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentFiles::clear();
        updateWelcome();
    });
}

void MainWindow::fillBookmarksMenu() {
    bookmarksMenu_->clear();
    bookmarksMenu_->addAction(addBookmarkAction_);
    bookmarksMenu_->addAction(removeBookmarkAction_);
    updateActions();
    HiveView* view = currentView();
    if (!view) return;
    const QStringList marks = BookmarkStore::bookmarks(view->document()->path());
    if (marks.isEmpty()) return;
    bookmarksMenu_->addSeparator();
    for (const QString& path : marks) {
        QAction* a = bookmarksMenu_->addAction(QIcon(QStringLiteral(":/icons/bookmark.svg")),
                                               path.isEmpty() ? tr("(root key)") : path);
        connect(a, &QAction::triggered, this, [this, path] { goToPath(path); });
    }
}

void MainWindow::addBookmark() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) return;
    BookmarkStore::add(view->document()->path(), view->currentKeyPath());
    statusBar()->showMessage(tr("Bookmarked %1").arg(view->currentKeyPath()), 4000);
    updateActions();
}

void MainWindow::removeBookmark() {
    HiveView* view = currentView();
    if (!view) return;
    BookmarkStore::remove(view->document()->path(), view->currentKeyPath());
    updateActions();
}

bool MainWindow::goToPath(const QString& path) {
    HiveView* view = currentView();
    if (!view) return false;
    QString error;
    if (!view->goToPath(path, &error)) {
        statusBar()->showMessage(error, 8000);
        return false;
    }
    view->keyTree()->setFocus();
    return true;
}

void MainWindow::goToPathDialog() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) return;
    // Completes as the user types (browse/GoToKeyDialog); focus goes to the
    // tree once there, as in regedit.
    GoToKeyDialog dialog(view->hive(), {editActions_->defaultRoot()}, this);
    dialog.setPath(view->currentKeyPath());
    while (dialog.exec() == QDialog::Accepted) {
        QString error;
        if (view->goToPath(dialog.path(), &error)) {
            view->keyTree()->setFocus();
            return;
        }
        QMessageBox::information(this, tr("Go to Key"), error);
    }
}

void MainWindow::goToOffsetDialog() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) return;
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Go to Offset"), tr("File offset (hex, like 0x1020):"),
                                               QLineEdit::Normal, QStringLiteral("0x"), &ok);
    if (!ok) return;
    QString digits = text.trimmed();
    if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) digits = digits.mid(2);
    bool valid = false;
    const quint64 offset = digits.toULongLong(&valid, 16);
    if (!valid || offset >= view->hive()->bytes().size()) {
        QMessageBox::information(this, tr("Go to Offset"),
                                 tr("\"%1\" is not an offset in this file (it has %2 bytes).")
                                     .arg(text)
                                     .arg(view->hive()->bytes().size()));
        return;
    }
    view->showOffset(offset);
}

void MainWindow::startSearch() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) {
        statusBar()->showMessage(tr("Open a hive to search it."), 4000);
        return;
    }
    searchDock_->show();
    searchDock_->raise();
    searchDock_->search(view->hive(), view);
}

void MainWindow::startDeletedScan() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) {
        statusBar()->showMessage(tr("Open a hive to scan it."), 4000);
        return;
    }
    deletedDock_->show();
    deletedDock_->raise();
    // The hive as the file is (logs replayed or not, as the tab shows it),
    // never the preview of pending edits: deleted data is evidence.
    deletedDock_->scan(view->document()->hive(), view);
}

void MainWindow::copyText(const QString& text, const QString& what) {
    if (text.isNull()) return;
    QGuiApplication::clipboard()->setText(text);
    statusBar()->showMessage(tr("Copied the %1 to the clipboard").arg(what), 3000);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About HiveKit"),
                       tr("<h3>HiveKit %1</h3><p>An inspector and editor for offline Windows registry hives (regf).</p>"
                          "<p>Files open read-only and dirty hives are recovered from their transaction logs in "
                          "memory. A file is written only when you choose Edit and commit changes, through a "
                          "crash-safe transaction.</p>")
                           .arg(QApplication::applicationVersion()));
}

QRect MainWindow::fittedGeometry(const QRect& wanted, const QRect& available) {
    // Room for the window frame, which geometry() excludes.
    const QMargins frame(20, 20, 20, 20);
    return fittedFrame(wanted.marginsAdded(frame), available).marginsRemoved(frame);
}

void MainWindow::updateModeBadge() {
    HiveView* view = currentView();
    if (!view || !view->isLoaded()) {
        modeLabel_->hide();
        return;
    }
    // Fixed pairs of text and background colour: the badge carries its own
    // background, so it reads the same in light and dark palettes.
    QString text, tip, colors;
    if (!view->isEditing()) {
        text = tr("Read-only");
        tip = tr("Nothing is written to this file. Choose Edit to make changes.");
        colors = QStringLiteral("color: #1f4f21; background: #e3f1e3; border: 1px solid #9cc79c;");
    } else if (const int pending = static_cast<int>(view->editSession()->changes().size()); pending > 0) {
        text = tr("Editing: %n pending change(s)", nullptr, pending);
        tip = tr("The file is unchanged until you commit; Discard drops the pending changes.");
        colors = QStringLiteral("color: #5c3a00; background: #fde8bf; border: 1px solid #e0b45c;");
    } else {
        text = tr("Editing");
        tip = tr("Open for editing: changes stay pending until you commit them.");
        colors = QStringLiteral("color: #5c3a00; background: #fde8bf; border: 1px solid #e0b45c;");
    }
    modeLabel_->setText(text);
    modeLabel_->setToolTip(tip);
    modeLabel_->setStyleSheet(QStringLiteral("QLabel { %1 border-radius: 3px; padding: 0 6px; }").arg(colors));
    modeLabel_->show();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    for (int i = 0; i < tabs_->count(); ++i) {
        auto* v = qobject_cast<HiveView*>(tabs_->widget(i));
        if (!v || !v->hasPendingChanges()) continue;
        tabs_->setCurrentIndex(i);
        if (!editActions_->settlePending(v)) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (HiveView* v = currentView()) v->saveLayout();
    searchDock_->cancel();
    deletedDock_->cancel();
    artefactsDock_->setSource(nullptr, nullptr);
    timelineDock_->setSource(nullptr, nullptr);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!event->mimeData()->hasUrls()) return;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    bool any = false;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) {
            openFile(url.toLocalFile());
            any = true;
        }
    }
    if (any) event->acceptProposedAction();
}

}  // namespace hivekit::gui
