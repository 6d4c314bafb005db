// The byte difference of a changed value's data: two hex dumps side by side,
// old and new, with the bytes that differ marked (a byte past the end of the
// other side's data differs too).
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

#include "format/ByteReader.h"

class QTextEdit;

namespace hivekit::gui::compare {

/// One line of a dump: 16 bytes (fewer on the last line) from `offset`,
/// with bit i of `differs` set when byte i differs from the other side's
/// byte at the same offset.
struct ByteDiffLine {
    uint64_t offset = 0;
    std::vector<uint8_t> bytes;
    uint16_t differs = 0;
};

/// The lines of `mine` compared with `other`, byte by byte at equal offsets.
std::vector<ByteDiffLine> byteDiffLines(Bytes mine, Bytes other);

/// Old data on the left, new on the right; differing bytes on a marked
/// background (CompareColors::byteMark for the widget's palette).
class ByteDiffView : public QWidget {
    Q_OBJECT
public:
    explicit ByteDiffView(QWidget* parent = nullptr);

    /// Shows the two sides; an absent side (`hasOld`/`hasNew` false) is
    /// left empty with a note.
    void setData(const std::vector<uint8_t>& oldData, bool hasOld, const std::vector<uint8_t>& newData, bool hasNew);
    void clear();

    /// Bytes marked as differing on each side (what the panes show).
    int markedOld() const { return markedOld_; }
    int markedNew() const { return markedNew_; }
    QTextEdit* oldPane() const { return old_; }
    QTextEdit* newPane() const { return new_; }

private:
    int fill(QTextEdit* pane, Bytes mine, Bytes other, bool present);

    QTextEdit* old_;
    QTextEdit* new_;
    int markedOld_ = 0;
    int markedNew_ = 0;
};

}  // namespace hivekit::gui::compare
