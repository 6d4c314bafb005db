// The colours of the compare view: added, removed and changed rows, and the
// mark behind differing bytes, chosen by the palette's lightness so that they
// read on a light and on a dark base alike.
#pragma once

#include <QColor>
#include <QPalette>

namespace hivekit::gui::compare {

/// Colours for one palette.
struct CompareColors {
    QColor added;     ///< text of rows only in B
    QColor removed;   ///< text of rows only in A
    QColor changed;   ///< text of rows in both that differ
    QColor byteMark;  ///< background behind a byte that differs (text stays QPalette::Text)

    /// The pair that reads on `palette`'s Base colour: darker tones on a
    /// light base, lighter ones on a dark base.
    static CompareColors forPalette(const QPalette& palette);
};

}  // namespace hivekit::gui::compare
