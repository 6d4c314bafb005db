// ValueText: the text a person types for a value's data, parsed into the
// bytes the value stores and formatted back, per registry type. One codec
// for every front end: hivectl set, the GUI's value editors and its hex
// search, and the bytes of .reg hex lists (regfile/RegParser). ValueData
// decodes data for display; this is the editable text, which must give the
// same bytes back.
//
// The forms, by type
// ------------------
// - REG_SZ, REG_EXPAND_SZ (String): the text as it is (UTF-8, or WTF-8 for
//   unpaired surrogates), stored as UTF-16LE with one NUL unit after it. A
//   NUL character in the text is refused: it would end the string there.
// - REG_MULTI_SZ (MultiString): one string a line, stored each with its NUL
//   unit and then one more NUL unit that ends the list. Lines end in LF or
//   CRLF. Empty strings are kept ("a\n\nb" is three strings, the second
//   empty), so one final line break is not a string of its own: "a" and
//   "a\n" are both the list ["a"], "a\n\n" is ["a", ""], "" is the empty
//   list and "\n" the list of one empty string. The formatter writes the
//   strings joined by LF, plus one LF when the last string is empty.
// - REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_QWORD (Number): decimal, or hex
//   after "0x" (or "0X"); spaces around the number are ignored. A DWORD is
//   0 to 4294967295, 0x0 to 0xffffffff, or negative decimal down to
//   -2147483648, stored as its two's complement (-1 is ff ff ff ff); a
//   QWORD likewise with 64 bits. Little-endian, but big-endian for
//   REG_DWORD_BIG_ENDIAN. The formatter writes unsigned decimal.
// - Every other type (HexBytes): hex bytes, below.
//
// Hex bytes
// ---------
// The one lenient grammar every front end reads:
// - Bytes are hex digits (either case). A run of digits holds pairs, each a
//   byte ("0102ff" is 01 02 ff); a run of one digit alone is a byte
//   ("1" is 01, as in .reg lists); a longer run of odd length is an error.
// - Runs are separated by any mix of spaces, tabs, line breaks, commas,
//   colons and dashes ("de ad,be:ef", "01-02", "01,\n02").
// - A run may start with "0x" or "0X" ("0xde,0xad", "0x0102", "0xa").
// - The empty text, or separators only, is no bytes.
// A .reg hex list ("01,02,ff", a byte of one or two digits, commas between)
// is a subset of this grammar: regfile/RegParser keeps regedit's stricter
// list syntax and decodes each byte here. The formatter writes lowercase
// pairs separated by spaces, 16 a line.
//
// Errors are values (ValueTextError): what is wrong, the text concerned,
// and where, by line and character (both from 1; a character is a code
// point, not a byte). Each has an English message; the GUI maps `problem`
// to its translated texts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format/ByteReader.h"
#include "util/Error.h"

namespace hivekit {

/// The text form a value is written in.
enum class ValueTextForm {
    String,       ///< REG_SZ, REG_EXPAND_SZ
    MultiString,  ///< REG_MULTI_SZ: one string a line
    Number,       ///< REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_QWORD
    HexBytes,     ///< REG_BINARY and every other type
};

/// The form values of `type` are written in (see the table above).
ValueTextForm valueTextForm(uint32_t type);

/// What is wrong with a value's text.
enum class ValueTextProblem {
    NoNumber,          ///< nothing (or spaces only) where a number is wanted
    NotANumber,        ///< not decimal, negative decimal or 0x hex; `character` is the first that does not fit
    NumberOutOfRange,  ///< outside the range [minimum, maximum]
    NulInString,       ///< a NUL character in the text of a string
    NotHexDigit,       ///< in hex bytes, `character` is neither a hex digit nor a separator
    OddHexDigits,      ///< in hex bytes, `token` is a run of an odd number (above one) of digits
    NoHexDigits,       ///< in hex bytes, "0x" with no digit after it
};

/// Why a text was refused, and where.
struct ValueTextError {
    ValueTextProblem problem = ValueTextProblem::NotANumber;
    /// The text concerned: the number as written, or the run of hex digits.
    std::string token;
    /// The one character to blame (UTF-8), when there is one.
    std::string character;
    /// Where `character` is, or else where `token` starts: line and
    /// character in that line, both from 1.
    size_t line = 1;
    size_t column = 1;
    /// The text has more than one line (the message then names the line).
    bool multiLine = false;
    /// NumberOutOfRange: the range the number had to be in.
    int64_t minimum = 0;
    uint64_t maximum = 0;

    /// An English sentence saying what and where: "'g' at character 2 is
    /// neither a hex digit nor a separator".
    std::string message() const;
    /// As an engine Error (ErrorCode::Invalid, message()).
    Error toError() const { return Error{ErrorCode::Invalid, message(), Error::kNoOffset}; }
};

/// The outcome of parsing a text: a T, or what is wrong with the text.
template <class T>
class [[nodiscard]] TextResult : public std::expected<T, ValueTextError> {
public:
    using std::expected<T, ValueTextError>::expected;
    TextResult(const std::expected<T, ValueTextError>& other) : std::expected<T, ValueTextError>(other) {}
    TextResult(std::expected<T, ValueTextError>&& other) : std::expected<T, ValueTextError>(std::move(other)) {}
};

/// Parses `text` written in `form` into the bytes a value of `type` stores.
/// The type still matters outside its own form: it gives a Number its width
/// (64 bits for REG_QWORD, else 32) and byte order (big-endian for
/// REG_DWORD_BIG_ENDIAN). HexBytes reads hex bytes for any type (hivectl
/// set --hex, the GUI's raw editor).
TextResult<std::vector<uint8_t>> parseValueText(uint32_t type, std::string_view text, ValueTextForm form);
/// parseValueText in the form of the type: valueTextForm(type).
TextResult<std::vector<uint8_t>> parseValueText(uint32_t type, std::string_view text);

/// A value's data as text, and the form it is written in.
struct ValueText {
    ValueTextForm form = ValueTextForm::HexBytes;
    std::string text;
};
/// The text of `data`: in the form of `type` when parsing that text gives
/// exactly `data` back; otherwise (a DWORD of 3 bytes, a string without its
/// terminator, a multi-string with bytes after its end) as hex bytes, with
/// form HexBytes. Always: parseValueText(type, t.text, t.form) == data.
ValueText formatValueText(uint32_t type, Bytes data);

/// Whether a Number may be written negative (in decimal).
enum class NegativeNumbers { Allowed, Refused };
/// A number in the Number form that fits `bits` bits (1 to 64): decimal, 0x
/// hex or, when allowed, negative decimal down to -2^(bits-1), returned as
/// its two's complement in `bits` bits. Spaces around it are ignored.
TextResult<uint64_t> parseNumberText(std::string_view text, unsigned bits,
                                     NegativeNumbers negative = NegativeNumbers::Allowed);

/// Hex bytes in the grammar above.
TextResult<std::vector<uint8_t>> parseHexBytes(std::string_view text);
/// "de ad be ef": lowercase pairs, one space between bytes and a line break
/// after every `bytesPerLine` bytes (0: all on one line).
std::string formatHexBytes(Bytes data, size_t bytesPerLine = 16);
/// The value of one hex digit ('0'-'9', 'a'-'f', 'A'-'F'), or -1.
int hexDigitValue(char c);

}  // namespace hivekit
