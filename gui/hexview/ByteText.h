// ByteText: bytes as the texts the hex view copies to the clipboard (hex
// pairs, printable text, a C array).
#pragma once

#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace hivekit::gui::bytetext {

/// "4E 4B 00": upper-case pairs, a space between bytes, a line break after
/// every 16 bytes.
QString hex(std::span<const uint8_t> bytes);
/// One character per byte read as Latin-1: printable characters as
/// themselves, control characters (0x00-0x1f, 0x7f-0x9f) as dots.
QString latin1(std::span<const uint8_t> bytes);
/// One character per pair of bytes read as UTF-16LE: printable ones as
/// themselves, control characters, lone surrogates and non-characters as dots; an odd last
/// byte is left out.
QString utf16(std::span<const uint8_t> bytes);
/// `const unsigned char data[N] = { 0x4e, ... };` with 12 bytes a line.
QString cArray(std::span<const uint8_t> bytes);

}  // namespace hivekit::gui::bytetext
