#include "artefacts/ArtefactNavigation.h"

#include <QCoreApplication>

#include "common/Display.h"
#include "document/HiveView.h"
#include "index/Index.h"

namespace hivekit::gui {

bool showArtefactSource(HiveView& view, const artefacts::RowSource& source, QString* why) {
    const auto hive = view.hive();
    if (!hive) {
        if (why) *why = QCoreApplication::translate("ArtefactNavigation", "The hive is not open yet.");
        return false;
    }
    const Index index(*hive);
    // The offsets are the decoded hive's; the tab may show another image of
    // it (pending edits), where only a key whose path still matches counts.
    bool selected = false;
    if (source.keyOffset != kNoCell) {
        auto path = index.pathOf(source.keyOffset);
        auto chain = index.ancestryOf(source.keyOffset);
        if (path && *path == source.keyPath && chain) selected = view.selectChain(*chain);
    }
    if (!selected && !view.goToPath(toQString(source.keyPath), why)) return false;

    uint32_t shown = view.currentKeyOffset();
    if (source.hasValue) {
        if (view.selectValue(source.valueOffset) || view.selectValueByName(toQString(source.valueName)))
            shown = view.currentValueOffset();
        else if (why)
            *why = QCoreApplication::translate("ArtefactNavigation", "The key has no value called \"%1\".").arg(toQString(source.valueName));
    }
    if (shown != kNoCell) view.showOffset(fileOffsetOf(shown).value);
    return true;
}

}  // namespace hivekit::gui
