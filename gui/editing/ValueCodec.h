// ValueCodec: the value editors' side of the engine's value text codec
// (engine/format/ValueText.h, which hivectl reads its --data with too): the
// same grammar and the same bytes, with translated messages naming what is
// wrong and where. The editors (ValueEditDialog) and the tests share it, so
// every editor's validation is tested without a window.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

#include "format/ValueText.h"

namespace hivekit::gui {

/// Bytes parsed from an editor's text, or the reason they could not be.
struct ParsedData {
    std::vector<uint8_t> bytes;
    QString error;  ///< empty when the text was valid
    bool ok() const { return error.isEmpty(); }
};

/// Parsers and formatters of value data, one pair per editor; each calls
/// the engine's codec and only translates its errors.
class ValueCodec {
    Q_DECLARE_TR_FUNCTIONS(hivekit::gui::ValueCodec)
public:
    /// REG_SZ and REG_EXPAND_SZ: UTF-16LE with its terminating zero.
    static ParsedData parseString(const QString& text);
    /// REG_MULTI_SZ: one string a line, empty strings kept; each terminated,
    /// then an empty string ends the list. One final line break ends the
    /// last string rather than adding an empty one.
    static ParsedData parseMultiString(const QString& text);
    /// REG_DWORD: decimal, or hex with 0x; 0 .. 4294967295, or negative
    /// decimal down to -2147483648 (two's complement). Little-endian.
    static ParsedData parseDword(const QString& text);
    /// REG_QWORD: the same with 64 bits.
    static ParsedData parseQword(const QString& text);
    /// Hex bytes: pairs of digits (or one digit alone), runs of pairs,
    /// optional 0x; spaces, line breaks, commas, colons and dashes between.
    /// Anything else is refused (the message gives the position).
    static ParsedData parseHex(const QString& text);
    /// A type number for the raw editor: decimal or 0x hex, 32 bits.
    static bool parseTypeNumber(const QString& text, uint32_t* type, QString* error);

    /// The editor text of data of `type`, in the type's own form when that
    /// form gives exactly `data` back, else hex (see isExact).
    static QString format(uint32_t type, const std::vector<uint8_t>& data);
    /// Whether the editor of `type` shows `data` faithfully (a DWORD of 3
    /// bytes or a string without its terminator does not: the raw editor
    /// shows those).
    static bool isExact(uint32_t type, const std::vector<uint8_t>& data);
    /// Hex pairs separated by spaces, 16 a line.
    static QString formatHex(const std::vector<uint8_t>& data);

    /// Which parser edits `type`.
    enum class Kind { String, MultiString, Dword, Qword, Binary };
    static Kind editorKind(uint32_t type);
    /// Parses `text` with the parser of `type`.
    static ParsedData parse(uint32_t type, const QString& text);

    /// The translated sentence for an error of the engine's codec.
    /// `numberName` names the number for range errors ("A DWORD").
    static QString message(const ValueTextError& error, const QString& numberName = QString());

    /// An expandable string as it will read: the %VARIABLES% it names are
    /// listed, and left as text, since an offline hive has no environment to
    /// expand them from. Empty when the text names none.
    static QString expansionPreview(const QString& text);
};

}  // namespace hivekit::gui
