// From an artefact row to the registry: the key and value it was read from,
// selected in a tab, with the record's cell shown in the hex view.
#pragma once

#include <QString>

#include "artefacts/Artefact.h"

namespace hivekit::gui {

class HiveView;

/// Selects the row's key in `view`'s tree (through the key cell's parent
/// chain, or by its path when the tab shows another image of the hive, as
/// with pending edits), then its value, and shows the value's cell (the
/// key's, for a row without a value) in the hex view. False, and `why`
/// says why, when the key is not in the tree.
bool showArtefactSource(HiveView& view, const artefacts::RowSource& source, QString* why = nullptr);

}  // namespace hivekit::gui
