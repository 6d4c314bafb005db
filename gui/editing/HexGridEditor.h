// HexGridEditor: the binary value editor as a grid, as regedit's: an offset
// column, eight bytes a line in hex, and the same bytes as text. Hex digits
// typed in the hex column (or characters in the text column) insert bytes,
// or overwrite them in overwrite mode (Insert toggles); Backspace and Delete
// remove bytes; pasted hex text is read with the engine's hex grammar.
#pragma once

#include <QAbstractScrollArea>

#include <cstdint>
#include <optional>
#include <vector>

namespace hivekit::gui {

class HexGridEditor : public QAbstractScrollArea {
    Q_OBJECT
public:
    static constexpr int kBytesPerLine = 8;

    explicit HexGridEditor(QWidget* parent = nullptr);

    /// Replaces the bytes; the cursor goes to the start.
    void setData(std::vector<uint8_t> data);
    const std::vector<uint8_t>& data() const { return data_; }

    /// The cursor: before byte `cursorPosition()` (== size: at the end),
    /// on its second hex digit when `onLowNibble()`.
    size_t cursorPosition() const { return pos_; }
    bool onLowNibble() const { return lowNibble_; }
    /// Moves the cursor (clamped to the end); `extend` grows the selection.
    void setCursorPosition(size_t pos, bool extend = false);
    /// The selected bytes [begin, end), if any.
    std::optional<std::pair<size_t, size_t>> selection() const;
    void selectAll();

    bool overwriteMode() const { return overwrite_; }
    void setOverwriteMode(bool overwrite);

    /// Typing goes to the text column (characters) instead of the hex one.
    bool textColumnActive() const { return textActive_; }
    void setTextColumnActive(bool active);

    /// Clipboard operations: hex pairs out, hex text in. paste() returns
    /// false (and pasteRefused says why) for text that is not hex.
    void copy() const;
    void cut();
    bool paste();
    /// Inserts (or overwrites, in overwrite mode) `bytes` at the cursor,
    /// replacing the selection.
    void insertBytes(const std::vector<uint8_t>& bytes);

    /// Where byte `index` is drawn in the hex column, in viewport coordinates.
    QRect hexRect(size_t index) const;
    QRect textRect(size_t index) const;
    QSize sizeHint() const override;

signals:
    void dataChanged();
    void overwriteModeChanged(bool overwrite);
    void pasteRefused(const QString& why);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    void updateMetrics();
    void updateScrollBars();
    void ensureCursorVisible();
    int lineCount() const;
    int hexX() const;
    int textX() const;
    /// The cursor position a viewport point means, and whether it lies in
    /// the text column.
    std::pair<size_t, bool> positionAt(QPoint pos) const;
    void typeNibble(int digit);
    void typeByte(uint8_t byte);
    /// Removes the selection; false when there was none.
    bool removeSelection();
    void erase(size_t begin, size_t end);
    void changed();

    std::vector<uint8_t> data_;
    size_t pos_ = 0;
    bool lowNibble_ = false;
    std::optional<size_t> anchor_;
    size_t pressPos_ = 0;  ///< where the left button went down
    bool overwrite_ = false;
    bool textActive_ = false;
    int charWidth_ = 8;
    int lineHeight_ = 16;
    int ascent_ = 12;
    static constexpr int kMargin = 6;
};

}  // namespace hivekit::gui
