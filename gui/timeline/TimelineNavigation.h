// From a timeline event to the registry: a live key's event selects the
// key (and its value) in the tab as an artefact row does
// (showArtefactSource); a deleted key's shows its cell in the hex view,
// since it is in no tree.
#pragma once

#include <QString>

#include "timeline/Timeline.h"

namespace hivekit::gui {

class HiveView;

/// False, and `why` says why, when the key is not in the tab's tree.
bool showTimelineEvent(HiveView& view, const timeline::TimelineEvent& event, QString* why = nullptr);

}  // namespace hivekit::gui
