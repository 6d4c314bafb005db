// DataInterpreter: what a few bytes mean read as each of the types an
// analyst meets in a hive (integers, floats, Windows and Unix times, GUID,
// SID, text). Pure functions over a byte span, no widgets: the panel
// (InterpreterPanel) only shows their rows, and the tests feed them known
// vectors.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace hivekit::gui {

/// The byte order of the integers, floats and Unix times. The Windows
/// structures (FILETIME, SYSTEMTIME, DOS date/time, GUID, SID) have one
/// order of their own and ignore it.
enum class ByteOrder { Little, Big };

/// One decoded reading: its value as text, or why there is none.
struct Reading {
    enum class State {
        Ok,        ///< `text` is the value
        TooShort,  ///< not enough bytes: text is "—", `why` says how many it needs
        Invalid,   ///< the bytes are not a valid one: text starts "invalid", `why` says why
    };
    State state = State::Ok;
    QString text;
    QString why;  ///< a tooltip: what was read, or why nothing was
    bool ok() const { return state == State::Ok; }
};

/// One row of the interpreter: the type's name and its reading.
struct InterpreterRow {
    QString name;
    Reading reading;
};

class DataInterpreter {
    Q_DECLARE_TR_FUNCTIONS(hivekit::gui::DataInterpreter)
public:
    /// Bytes the panel reads at a position: enough for every row (texts are
    /// capped at kTextChars characters).
    static constexpr size_t kWindowBytes = 512;
    static constexpr int kTextChars = 200;

    /// Every row, in the order the panel shows them.
    static std::vector<InterpreterRow> interpret(std::span<const uint8_t> bytes, ByteOrder order);

    /// `width` bytes (1, 2, 4 or 8) as a signed integer in decimal.
    static Reading signedInt(std::span<const uint8_t> bytes, int width, ByteOrder order);
    /// ... as an unsigned integer: decimal, then hex ("4294967294 (0xfffffffe)").
    static Reading unsignedInt(std::span<const uint8_t> bytes, int width, ByteOrder order);
    /// IEEE 754 single and double precision, shortest text that reads back.
    static Reading float32(std::span<const uint8_t> bytes, ByteOrder order);
    static Reading float64(std::span<const uint8_t> bytes, ByteOrder order);
    /// 100 ns ticks since 1601-01-01 UTC (little endian), ISO 8601 in UTC.
    static Reading fileTime(std::span<const uint8_t> bytes);
    /// Eight 16-bit little-endian fields: year, month, day of week, day,
    /// hour, minute, second, milliseconds.
    static Reading systemTime(std::span<const uint8_t> bytes);
    /// Seconds since 1970-01-01 UTC: 32-bit unsigned (to 2106), 64-bit signed.
    static Reading unixTime32(std::span<const uint8_t> bytes, ByteOrder order);
    static Reading unixTime64(std::span<const uint8_t> bytes, ByteOrder order);
    /// A FAT date (bytes 0-1) and time (bytes 2-3), little endian, two-second
    /// resolution, local time of the machine that wrote it.
    static Reading dosDateTime(std::span<const uint8_t> bytes);
    /// 16 bytes as Windows prints a GUID: the first three fields little
    /// endian, the last eight bytes in order.
    static Reading guid(std::span<const uint8_t> bytes);
    /// A binary SID: revision, count, 48-bit big-endian authority, then
    /// `count` 32-bit little-endian sub-authorities ("S-1-5-21-...").
    static Reading sid(std::span<const uint8_t> bytes);
    /// Text up to the first NUL (or the end), capped at kTextChars
    /// characters; control characters are shown as dots.
    static Reading utf16Text(std::span<const uint8_t> bytes);
    static Reading latin1Text(std::span<const uint8_t> bytes);
    /// ROT13 of letters A-Z and a-z (UserAssist's value names).
    static QString rot13(const QString& text);

    /// "1601-01-01T00:00:00Z" style text for seconds since 1970 and a
    /// fraction of `fractionDigits` digits (none when `fraction` is 0);
    /// empty outside years 1..9999.
    static QString isoUtc(int64_t unixSeconds, uint64_t fraction = 0, int fractionDigits = 0);
};

}  // namespace hivekit::gui
