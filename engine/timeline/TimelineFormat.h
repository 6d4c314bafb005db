// The timeline's output formats, shared by hivectl timeline and the GUI's
// export: the Sleuth Kit body file (mactime's input) and the CSV and JSON
// Lines that Timesketch imports (its required message, datetime and
// timestamp_desc, then the registry's own columns).
#pragma once

#include <string>
#include <string_view>

#include "timeline/Timeline.h"

namespace hivekit::timeline {

/// The output formats of a timeline.
enum class TimelineFormat { Bodyfile, Csv, Jsonl };

/// "bodyfile", "csv", "jsonl" -> the format; nothing for another word.
std::optional<TimelineFormat> timelineFormatNamed(std::string_view name);

/// "HIVE:\path\to\key", with "\value" (or "\(Default)") for an event of a
/// value: how an event names what it is about.
std::string eventName(const TimelineEvent& event);

/// One body file line (TSK 3.x: MD5|name|inode|mode_as_string|UID|GID|size|
/// atime|mtime|ctime|crtime) with the time as mtime in Unix seconds. The
/// other times are 0, TSK's "unknown" (mactime lists them at 0000-00-00
/// unless given a date range), as is a time before 1970. The name is
/// eventName(), followed by " (timestamp_desc)" for an artefact's time and
/// " (deleted)" for a deleted key, as fls marks deleted files; '|' and
/// control characters in it are written as \xHH so that every line has
/// its eleven fields. The inode field carries the cell's file offset.
std::string bodyfileLine(const TimelineEvent& event);

/// The CSV header line (RFC 4180, CRLF-free: lines end in '\n'):
/// message,datetime,timestamp_desc,hive,path,value,source,deleted,offset.
std::string csvHeader();
std::string csvLine(const TimelineEvent& event);

/// One JSON object per line with the CSV's fields (deleted a boolean,
/// value null when the event is not about a value).
std::string jsonlLine(const TimelineEvent& event);

/// The line of `event` in `format` (ending in '\n').
std::string formatEvent(TimelineFormat format, const TimelineEvent& event);

}  // namespace hivekit::timeline
