#include "timeline/TimelineFormat.h"

#include <cstdio>

#include "format/Offsets.h"
#include "util/JsonText.h"

namespace hivekit::timeline {

namespace {

/// What a body file name may not hold: its field separator and line breaks.
std::string bodyfileSafe(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '|' || u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string valueField(const TimelineEvent& event) {
    if (!event.hasValue) return "";
    return event.valueName.empty() ? std::string("(Default)") : event.valueName;
}

std::string offsetField(const TimelineEvent& event) {
    return event.cellOffset == kNoCell ? std::string() : hexOffset(fileOffsetOf(event.cellOffset));
}

}  // namespace

std::optional<TimelineFormat> timelineFormatNamed(std::string_view name) {
    if (name == "bodyfile") return TimelineFormat::Bodyfile;
    if (name == "csv") return TimelineFormat::Csv;
    if (name == "jsonl") return TimelineFormat::Jsonl;
    return std::nullopt;
}

std::string eventName(const TimelineEvent& event) {
    std::string name = event.hive + ":\\" + event.keyPath;
    if (event.hasValue) name += (event.keyPath.empty() ? "" : "\\") + valueField(event);
    return name;
}

std::string bodyfileLine(const TimelineEvent& event) {
    std::string name = eventName(event);
    if (event.kind == EventKind::Artefact) name += " (" + event.timestampDesc + ")";
    if (event.deleted) name += " (deleted)";
    const int64_t seconds = unixSeconds(event.time);
    const std::string inode = event.cellOffset == kNoCell ? std::string("0")
                                                          : std::to_string(fileOffsetOf(event.cellOffset).value);
    return "0|" + bodyfileSafe(name) + "|" + inode + "|" + (event.hasValue ? "r/r---------" : "d/d---------") +
           "|0|0|0|0|" + std::to_string(seconds > 0 ? seconds : 0) + "|0|0\n";
}

std::string csvHeader() { return "message,datetime,timestamp_desc,hive,path,value,source,deleted,offset\n"; }

std::string csvLine(const TimelineEvent& event) {
    return csvField(event.message) + "," + artefacts::isoTime(event.time) + "," + csvField(event.timestampDesc) + "," +
           csvField(event.hive) + "," + csvField(event.keyPath) + "," + csvField(valueField(event)) + "," +
           csvField(event.source) + "," + (event.deleted ? "true" : "false") + "," + offsetField(event) + "\n";
}

std::string jsonlLine(const TimelineEvent& event) {
    std::string out = "{\"message\":" + jsonQuoted(event.message);
    out += ",\"datetime\":" + jsonQuoted(artefacts::isoTime(event.time));
    out += ",\"timestamp_desc\":" + jsonQuoted(event.timestampDesc);
    out += ",\"hive\":" + jsonQuoted(event.hive);
    out += ",\"path\":" + jsonQuoted(event.keyPath);
    out += ",\"value\":" + (event.hasValue ? jsonQuoted(valueField(event)) : std::string("null"));
    out += ",\"source\":" + jsonQuoted(event.source);
    out += std::string(",\"deleted\":") + (event.deleted ? "true" : "false");
    out += ",\"offset\":" + (event.cellOffset == kNoCell ? std::string("null") : jsonQuoted(offsetField(event)));
    return out + "}\n";
}

std::string formatEvent(TimelineFormat format, const TimelineEvent& event) {
    switch (format) {
        case TimelineFormat::Bodyfile: return bodyfileLine(event);
        case TimelineFormat::Csv: return csvLine(event);
        case TimelineFormat::Jsonl: return jsonlLine(event);
    }
    return {};
}

}  // namespace hivekit::timeline
