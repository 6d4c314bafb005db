#include "timeline/TimelineNavigation.h"

#include "artefacts/ArtefactNavigation.h"
#include "document/HiveView.h"

namespace hivekit::gui {

bool showTimelineEvent(HiveView& view, const timeline::TimelineEvent& event, QString* why) {
    if (event.deleted) {
        if (event.cellOffset == kNoCell) return false;
        view.showOffset(fileOffsetOf(event.cellOffset).value);
        return true;
    }
    artefacts::RowSource source;
    source.keyPath = event.keyPath;
    source.valueName = event.valueName;
    source.hasValue = event.hasValue;
    source.keyOffset = event.keyOffset;
    source.valueOffset = event.hasValue ? event.cellOffset : kNoCell;
    return showArtefactSource(view, source, why);
}

}  // namespace hivekit::gui
