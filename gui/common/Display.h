// Conversions between the engine's values and what the GUI shows: UTF-8
// strings to QString, offsets in hex, value data on one line, value-type
// icons. The engine does the decoding; these only format its results.
#pragma once

#include <QIcon>
#include <QString>

#include <cstdint>
#include <string>

#include "format/Offsets.h"
#include "format/ValueData.h"

namespace hivekit::gui {

/// The engine's UTF-8 (or WTF-8) text as a QString.
inline QString toQString(const std::string& utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

/// "0x1020": offsets as every message of the engine shows them.
QString hexOffsetText(uint64_t offset);
inline QString hexOffsetText(FileOffset offset) { return hexOffsetText(offset.value); }

/// A value's data on one line for the value table: strings as they are,
/// multi-strings joined by " | ", numbers as "0x0000002a (42)", bytes as hex
/// (cut after `maxBytes`), resource lists one structure after another.
/// Line breaks become spaces so a row stays one line high.
QString valueDataLine(const DecodedValue& decoded, int maxBytes = 64);

/// A count as tr()'s plural argument n, e.g. tr("%Ln key(s)", nullptr,
/// pluralN(count)), so that each language picks its own plural form (French
/// says "0 clé", English "0 keys"; translations/hivekit_en.ts holds the
/// English forms). Counts beyond int are clamped to INT_MAX.
int pluralN(qulonglong n);

/// Icon for a value of `type`: text, number or binary, as regedit groups them.
QIcon valueTypeIcon(uint32_t type);

/// The classic hex dump: "00000000  4e 65 74 ...  |Net...|", 16 bytes a line,
/// the first `maxBytes` bytes ("... N more bytes" after that).
QString hexDump(Bytes bytes, size_t maxBytes = 4096);

/// Registers the icons and other resources of resources/hivekit.qrc. Needed
/// because they are linked into a static library, whose initialiser the
/// linker would otherwise drop; safe to call more than once.
void initResources();

}  // namespace hivekit::gui
