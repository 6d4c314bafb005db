// One palette for cells across the views: the hex view's highlights (by the
// role a cell plays for the selected key or value) and the layout view's
// blocks (by the kind the cell's signature says) use the same hue for the
// same thing, so a key's nk is the same blue in both. Each colour is made to
// read on the palette it is drawn in (common/Theme): blocks keep 3:1 against
// the view's Base, tints keep the palette's Text readable; the overloads
// without a palette use the application's.
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include "hive/CellFields.h"
#include "hive/CellScanner.h"

namespace hivekit::gui {

/// The strong colour of a cell kind (layout blocks, legend chips).
QColor kindColor(CellKind kind, const QPalette& palette);
QColor kindColor(CellKind kind);
/// The strong colour of a role (field-panel swatches).
QColor roleColor(CellRole role, const QPalette& palette);
QColor roleColor(CellRole role);
/// A tint of roleColor for painting behind the palette's Text (hex
/// highlights): light over a light Base, dark over a dark one.
QColor roleTint(CellRole role, const QPalette& palette);
QColor roleTint(CellRole role);

/// Colours of what is not a cell in the layout picture.
QColor binHeaderColor(const QPalette& palette);
QColor baseBlockColor(const QPalette& palette);
QColor unreadableColor(const QPalette& palette);
/// Free space in the layout picture: a shade just off Base, and its hatch.
QColor freeColor(const QPalette& palette);
QColor freeHatchColor(const QPalette& palette);

/// "key node (nk)", "value (vk)", ...: the legend's words for a kind.
QString kindDisplayName(CellKind kind);
/// "key node", "subkey list", ...: the field panel's words for a role.
QString roleDisplayName(CellRole role);

}  // namespace hivekit::gui
