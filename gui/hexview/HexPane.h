// HexPane: the hex view with the decoded fields of what it shows beside it.
// Shows a key's cells (nk, subkey lists, value list, sk, class name), a
// value's (vk and its data, or db, segment list and segments) or any single
// cell, each cell in its role's colour; the field list names every field
// with its offset, bytes and meaning, and a field that points to another
// cell is a link that jumps there. Go to offset, back and forward.
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

#include "hive/CellFields.h"

class QLabel;
class QLineEdit;
class QModelIndex;
class QSplitter;
class QToolButton;
class QTreeView;

namespace hivekit::gui {

class CellFieldModel;
class HexView;

/// The hex view of issue 5 as one widget: a toolbar (back, forward, title,
/// go to offset), the HexView and the field panel.
///
/// Signals are emitted only for what the user does inside the pane (a
/// link followed, a byte clicked, an offset typed, back or forward), never
/// for the show*() and goToOffset() calls of the program: a main window can
/// connect both ways without loops.
class HexPane : public QWidget {
    Q_OBJECT
public:
    explicit HexPane(QWidget* parent = nullptr);
    ~HexPane() override;

    /// Shows `hive` (null: nothing) from its start, with the base block's
    /// fields. History is cleared.
    void setHive(std::shared_ptr<const Hive> hive);
    const std::shared_ptr<const Hive>& hive() const { return hive_; }

    /// What is on show: the cells described (first = the primary one).
    const CellGroup& shown() const;
    /// The primary cell's offset, or kNoCell for headers and nothing.
    uint32_t currentCell() const;
    /// The title line ("nk "Select" · key node at 0xf808"), or the error.
    QString title() const;

    /// A deleted-data scan of `hive` (the Deleted dock's), so that a click
    /// in an allocated cell nothing references, or in the slack of a data
    /// cell, shows the deleted record the scan found there (only the scan
    /// knows those places). Used while `hive` is the hive on show; null
    /// forgets it. Free cells, the slack of records and the bytes past the
    /// last hbin need no scan.
    void setDeletedScan(std::shared_ptr<const Hive> hive, std::shared_ptr<const DeletedScan> scan);
    /// The scan in use for the hive on show, or null.
    const DeletedScan* deletedScan() const;

    HexView* hexView() const { return hex_; }
    /// The fields beside the hex (wide panes) or beneath it (narrow ones).
    Qt::Orientation fieldsPlacement() const;
    QTreeView* fieldView() const { return fields_; }
    CellFieldModel* fieldModel() const { return model_; }
    QSplitter* splitter() const { return splitter_; }
    /// The cursor's offset, or the selection's start and length.
    QLabel* statusLabel() const { return cursorLabel_; }

public slots:
    /// A key's cells, the nk first.
    void showKey(uint32_t nkOffset);
    /// A value's cells, the vk first.
    void showValue(uint32_t vkOffset);
    /// One cell read by its signature; an nk or vk shows its key's or
    /// value's cells.
    void showCell(uint32_t cellOffset);
    /// Moves the cursor to a file offset and shows what lies there (base
    /// block, hbin header, the cell containing it, or the deleted record
    /// covering it followed by the cell it was found in: describeGroupAt).
    void goToOffset(uint64_t fileOffset);
    /// What a click on a link does: shows the cell the field at `index`
    /// points to. Returns false (and does nothing) for rows without a link.
    bool followField(const QModelIndex& index);
    /// Outlines a row's bytes in the hex view and scrolls to them.
    void markRow(const QModelIndex& index);
    void back();
    void forward();
    /// Focuses the go-to-offset box (what Ctrl+G does in the main window).
    void focusGoToOffset();

signals:
    /// The user brought a cell on show (link, click, go to, history).
    void cellActivated(uint32_t cellOffset);
    /// ... and that cell is an nk: the main window may select the key.
    void keyRequested(uint32_t nkOffset);
    /// ... and that cell is a vk: the main window may select the value.
    void valueRequested(uint32_t vkOffset);
    /// The hex cursor moved (any cause): for a status bar.
    void cursorMoved(uint64_t fileOffset);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// One place the pane can show, for history.
    struct Place {
        enum class Kind { Key, Value, Cell, Offset } kind = Kind::Offset;
        CellRef ref;
        uint64_t fileOffset = 0;
    };

    void navigate(const Place& place, bool byUser, bool record = true);
    void display(const Place& place);
    void updateHistoryButtons();
    /// The title line in the current palette's colours.
    void updateTitle();
    /// Puts the fields beside the hex when the pane is wide enough for the
    /// hex and fieldsWidthWanted(), else beneath it at full width.
    void arrangeSplitter();
    int fieldsWidthWanted() const;
    void goToTypedOffset();
    void onHexClicked(uint64_t fileOffset);
    void onCursorMoved(uint64_t fileOffset);

    std::shared_ptr<const Hive> hive_;
    std::shared_ptr<const Hive> scannedHive_;
    std::shared_ptr<const DeletedScan> deletedScan_;
    HexView* hex_ = nullptr;
    QTreeView* fields_ = nullptr;
    CellFieldModel* model_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QToolButton* backButton_ = nullptr;
    QToolButton* forwardButton_ = nullptr;
    QLabel* titleLabel_ = nullptr;
    QLabel* cursorLabel_ = nullptr;
    QLineEdit* offsetEdit_ = nullptr;
    QString title_;
    bool titleIsError_ = false;
    CellRole titleRole_ = CellRole::Auto;
    QString titleMain_;
    QString titleWhere_;
    bool offsetIsBad_ = false;
    /// The role of each highlight on show, to recolour them on a palette change.
    std::vector<CellRole> highlightRoles_;

    std::vector<Place> history_;
    size_t historyPos_ = 0;  ///< index of the current place in history_
};

}  // namespace hivekit::gui
