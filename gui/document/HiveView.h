// HiveView: one open hive in a tab. The key tree on the left; on the right
// the value table above and the details below (with the hex and layout
// views beside the details); banners above for dirty and for damaged hives.
#pragma once

#include <QString>
#include <QWidget>

#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "hive/Hive.h"

class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace hivekit::gui {

class ChangeMarks;
class DamageBanner;
class DetailsPane;
class DiskChangeBanner;
class DiskChangeWatcher;
class EditSession;
class HexPane;
class HiveDocument;
class KeyTreeModel;
class LayoutView;
class RecoveryBanner;
class SubtreeExpander;
class ValueTableModel;
struct SearchHit;

class HiveView : public QWidget {
    Q_OBJECT
public:
    /// Opens `path` off the GUI thread; the view shows progress until then.
    explicit HiveView(const QString& path, QWidget* parent = nullptr);
    ~HiveView() override;

    HiveDocument* document() const { return document_; }
    std::shared_ptr<const Hive> hive() const;
    bool isLoaded() const;

    /// The selected key's path ("" for the root; null when nothing is selected).
    QString currentKeyPath() const;
    /// The selected key's nk offset, or 0xffffffff.
    uint32_t currentKeyOffset() const;
    /// The selected value's vk offset, or 0xffffffff.
    uint32_t currentValueOffset() const;

    /// Selects the key reached through `chain` (see KeyTreeModel::indexForChain).
    bool selectChain(const std::vector<uint32_t>& chain);
    /// Selects a key by path; false (and `error` says why) when there is none.
    bool goToPath(const QString& path, QString* error = nullptr);
    /// Selects a search hit's key, and its value for value hits.
    bool showHit(const SearchHit& hit);
    /// Selects the value whose vk is at `valueOffset` in the current key.
    bool selectValue(uint32_t valueOffset);
    /// Shows a file offset in the hex view.
    void showOffset(quint64 fileOffset);

    /// Texts for the clipboard ("" when nothing fits).
    QString keyPathForCopy() const;
    /// "name<TAB>type<TAB>data" of the selected value(s), one per line.
    QString valueForCopy() const;
    /// The decoded data of the selected value(s), one per line.
    QString dataForCopy() const;

    /// Reopens the file with or without its transaction logs.
    void reopen(bool useLogs);
    /// Reads the file again as it is now on disk (View > Reload, F5), keeping
    /// the selected key and value, the keys open in the tree and the scroll.
    /// Pending changes stay pending: those that no longer apply to the file
    /// are dropped and named in the disk-change banner.
    void reload();
    /// Watches the file for changes made by other programs.
    DiskChangeWatcher* diskWatcher() const { return watcher_; }
    /// The strip that says the file changed on disk.
    DiskChangeBanner* diskBanner() const { return diskBanner_; }
    /// Before a commit: true when the file is as it was read, or the user
    /// agreed (commitOverChangePrompt) to commit over its change.
    bool confirmCommitOverChange();
    /// Asks whether to commit although the file changed on disk (`change`
    /// says how); a message box whose default is Cancel (tests replace it).
    std::function<bool(HiveView*, const QString& change)> commitOverChangePrompt;

    // ---- Edit mode ----
    /// Opens the hive for editing: false, and `why` says why, for a file
    /// that is not writable (evidence stays read-only) or a dirty hive
    /// (recover first). The tree and table then show the hive as the
    /// pending changes leave it (EditSession::preview), the keys and values
    /// they add or change marked.
    bool startEditing(QString* why);
    /// Leaves edit mode, dropping the pending changes (ask first).
    void stopEditing();
    EditSession* editSession() const { return edit_; }
    bool isEditing() const { return edit_ != nullptr; }
    /// The hive was opened for editing despite structural errors, with a
    /// backup copy advised before the first commit (EditActions asks).
    void setBackupAdvised(bool advised) { backupAdvised_ = advised; }
    bool backupAdvised() const { return backupAdvised_; }
    bool hasPendingChanges() const;
    /// Shows the preview of the pending changes again (after each change).
    void refreshPreview();
    /// The selected value's stored name (null when none is selected).
    QString currentValueName() const;
    /// The selected key or value is deleted by a pending change (shown
    /// struck out until the commit): it cannot be edited.
    bool currentKeyIsPendingDeletion() const;
    /// The selected key is a deleted key recovered by a scan (View > Show
    /// Deleted Keys), or their group: read-only, no edit applies.
    bool currentKeyIsRecovered() const;
    bool currentValueIsPendingDeletion() const;
    /// Selects the value named `name` of the current key.
    bool selectValueByName(const QString& name);

    QTreeView* keyTree() const { return tree_; }
    QTableView* valueTable() const { return table_; }
    KeyTreeModel* keyModel() const { return keyModel_; }
    ValueTableModel* valueModel() const { return valueModel_; }
    QSortFilterProxyModel* valueProxy() const { return valueProxy_; }
    /// '*' on the keypad: expands the current key's subtree in slices.
    SubtreeExpander* subtreeExpander() const { return expander_; }
    DetailsPane* details() const { return details_; }
    RecoveryBanner* banner() const { return banner_; }
    /// The strip shown when the structural check found errors.
    DamageBanner* damageBanner() const { return damageBanner_; }
    QTabWidget* lowerTabs() const { return lowerTabs_; }
    /// The Hex tab (gui/hexview) and the Layout tab (gui/layoutview).
    HexPane* hexPane() const { return hexPane_; }
    LayoutView* layoutView() const { return layoutView_; }
    /// The same, as the lower tabs' pages.
    QWidget* hexPage() const;
    QWidget* layoutPage() const;

    /// Splitter sizes, saved and restored through QSettings by every view.
    void saveLayout() const;
    void restoreLayout();

signals:
    void loaded();
    void loadFailed(const QString& message);
    /// The selection changed: the key's path (or a status text).
    void selectionChanged(const QString& keyPath);
    /// A line for the status bar.
    void statusMessage(const QString& text);
    /// The user asked to see the hive's problems (the damage banner).
    void problemsRequested();
    /// Another program changed the file on disk (`change` says how).
    void changedOnDisk(const QString& change);
    /// A reload ended; `dropped` names the pending changes it dropped.
    void reloaded(const QStringList& dropped);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onOpened();
    void onFailed(const QString& message);
    void onKeySelected(const QModelIndex& current);
    void onValueSelected();
    /// A recovered deleted key: its recovered values, its nk cell.
    void showRecoveredKey(const QModelIndex& current);
    void continueFetching(const QModelIndex& parent);
    void onCheckEnded(bool completed);
    // The constructor's parts, in the order it calls them.
    QWidget* createLoadingPage(const QString& path);
    void setUpErrorPage();
    void setUpKeyTree();
    void setUpValueTable();
    void createLowerTabs();
    void createHexPage();
    void createLayoutPage();
    void arrangePanes();
    void arrangePages(QWidget* loadingPage);
    void connectSignals();
    /// Selects the key at `keyOffset` (through its parent chain) and, when
    /// given, its value `valueOffset`; for clicks in the hex and layout views.
    bool selectKeyAndValue(uint32_t keyOffset, uint32_t valueOffset);
    void selectValueAnywhere(uint32_t valueOffset);
    void onLowerTabChanged();
    /// The paths of the keys open in the tree, parents first.
    QStringList expandedPaths() const;
    void expandPaths(const QStringList& paths);
    /// Selects `path`, or its nearest ancestor still in the tree.
    void selectPathOrAncestor(const QString& path);
    /// What a reload keeps of the view.
    struct ViewState {
        QString keyPath;
        QString valueName;
        QStringList expanded;
        int treeScroll = 0;
        int tableScroll = 0;
    };
    void restoreAfterReload(const ViewState& state);

    HiveDocument* document_;
    KeyTreeModel* keyModel_;
    ValueTableModel* valueModel_;
    QSortFilterProxyModel* valueProxy_;

    QStackedWidget* stack_;
    QLabel* loadingLabel_;
    QLabel* errorLabel_;
    RecoveryBanner* banner_;
    DamageBanner* damageBanner_;
    QSplitter* mainSplitter_;
    QSplitter* rightSplitter_;
    QTreeView* tree_;
    QTableView* table_;
    QTabWidget* lowerTabs_;
    DetailsPane* details_;
    HexPane* hexPane_ = nullptr;
    LayoutView* layoutView_ = nullptr;
    /// The layout view maps the hive's cells when its tab is first shown.
    bool layoutFed_ = false;
    std::vector<uint32_t> pendingChain_;
    SubtreeExpander* expander_ = nullptr;
    EditSession* edit_ = nullptr;
    bool backupAdvised_ = false;
    /// The hive after the pending changes (null: none pending, the file's
    /// own hive is shown).
    std::shared_ptr<const Hive> preview_;
    std::shared_ptr<const ChangeMarks> marks_;
    DiskChangeWatcher* watcher_;
    DiskChangeBanner* diskBanner_;
    /// Set from reload() until the file is open again.
    std::optional<ViewState> reloading_;
};

}  // namespace hivekit::gui
