#include "compare/CompareColors.h"

namespace hivekit::gui::compare {

CompareColors CompareColors::forPalette(const QPalette& palette) {
    const bool darkBase = palette.color(QPalette::Base).lightness() < 128;
    CompareColors c;
    if (darkBase) {
        c.added = QColor(0x7e, 0xe7, 0x87);
        c.removed = QColor(0xff, 0x8f, 0x87);
        c.changed = QColor(0xf2, 0xcc, 0x60);
        c.byteMark = QColor(0x7a, 0x4b, 0x00);
    } else {
        c.added = QColor(0x11, 0x6d, 0x2c);
        c.removed = QColor(0xb3, 0x1d, 0x28);
        c.changed = QColor(0x8a, 0x5a, 0x00);
        c.byteMark = QColor(0xff, 0xd8, 0x70);
    }
    return c;
}

}  // namespace hivekit::gui::compare
