// One palette for cells across the views: the hex view's highlights (by the
// role a cell plays for the selected key or value) and the layout view's
// blocks (by the kind the cell's signature says) use the same hue for the
// same thing, so a key's nk is the same blue in both.
#pragma once

#include <QColor>
#include <QString>

#include "hive/CellFields.h"
#include "hive/CellScanner.h"

namespace hivekit::gui {

/// The strong colour of a cell kind (layout blocks, legend chips).
QColor kindColor(CellKind kind);
/// The strong colour of a role (field-panel swatches).
QColor roleColor(CellRole role);
/// A light tint of roleColor for painting behind text (hex highlights).
QColor roleTint(CellRole role);

/// Colours of what is not a cell in the layout picture.
QColor binHeaderColor();
QColor baseBlockColor();
QColor unreadableColor();

/// "key node (nk)", "value (vk)", ...: the legend's words for a kind.
QString kindDisplayName(CellKind kind);
/// "key node", "subkey list", ...: the field panel's words for a role.
QString roleDisplayName(CellRole role);

}  // namespace hivekit::gui
