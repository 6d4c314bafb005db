// ValueCodec: the text forms the value editors accept, parsed into the bytes
// a value stores, with a message naming what is wrong when the text is not
// valid. The editors (ValueEditDialog) and the tests share it, so every
// editor's validation is tested without a window.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace hivekit::gui {

/// Bytes parsed from an editor's text, or the reason they could not be.
struct ParsedData {
    std::vector<uint8_t> bytes;
    QString error;  ///< empty when the text was valid
    bool ok() const { return error.isEmpty(); }
};

/// Parsers and formatters of value data, one pair per editor.
class ValueCodec {
    Q_DECLARE_TR_FUNCTIONS(hivekit::gui::ValueCodec)
public:
    /// REG_SZ and REG_EXPAND_SZ: UTF-16LE with its terminating zero.
    static ParsedData parseString(const QString& text);
    /// REG_MULTI_SZ: one string a line; each terminated, then an empty
    /// string ends the list. An empty line would end the list early (the
    /// format cannot hold an empty string in the middle), so it is refused.
    static ParsedData parseMultiString(const QString& text);
    /// REG_DWORD: decimal, or hex with 0x; 0 .. 4294967295. Little-endian.
    static ParsedData parseDword(const QString& text);
    /// REG_QWORD: decimal, or hex with 0x; 0 .. 18446744073709551615.
    static ParsedData parseQword(const QString& text);
    /// Bytes as hex digit pairs; spaces, line breaks, commas, colons and
    /// dashes between bytes are ignored. Odd digit counts and other
    /// characters are refused (the message gives the position).
    static ParsedData parseHex(const QString& text);
    /// A type number for the raw editor: decimal or 0x hex, 32 bits.
    static bool parseTypeNumber(const QString& text, uint32_t* type, QString* error);

    /// The editor text of data of `type` (the inverse of the parser the
    /// editor for `type` uses: editorKind).
    static QString format(uint32_t type, const std::vector<uint8_t>& data);
    /// Hex pairs separated by spaces, 16 a line.
    static QString formatHex(const std::vector<uint8_t>& data);

    /// Which parser edits `type`.
    enum class Kind { String, MultiString, Dword, Qword, Binary };
    static Kind editorKind(uint32_t type);
    /// Parses `text` with the parser of `type`.
    static ParsedData parse(uint32_t type, const QString& text);

    /// An expandable string as it will read: the %VARIABLES% it names are
    /// listed, and left as text, since an offline hive has no environment to
    /// expand them from. Empty when the text names none.
    static QString expansionPreview(const QString& text);
};

}  // namespace hivekit::gui
