#include "editing/ValueCodec.h"

#include <QRegularExpression>

#include <string>

#include "format/Names.h"
#include "format/ValueData.h"

namespace hivekit::gui {

namespace {

/// QString to the engine's UTF-8, and back, through UTF-16 so that unpaired
/// surrogates survive both ways (WTF-8), as they do in the engine.
std::string engineText(const QString& text) { return utf16ToUtf8(text.toStdU16String()); }
QString fromEngineText(const std::string& text) { return QString::fromStdU16String(utf8ToUtf16(text)); }

ParsedData parsedOf(const TextResult<std::vector<uint8_t>>& result, const QString& numberName = QString()) {
    if (!result) return {{}, ValueCodec::message(result.error(), numberName)};
    return {*result, QString()};
}

}  // namespace

QString ValueCodec::message(const ValueTextError& error, const QString& numberName) {
    const QString where = error.multiLine ? tr("line %1, position %2").arg(error.line).arg(error.column)
                                          : tr("position %1").arg(error.column);
    const QString token = fromEngineText(error.token);
    const QString character = fromEngineText(error.character);
    switch (error.problem) {
    case ValueTextProblem::NoNumber: return tr("Enter a number (decimal, or hex with 0x).");
    case ValueTextProblem::NotANumber: return tr("\"%1\" is not a number (decimal, or hex with 0x).").arg(token);
    case ValueTextProblem::NumberOutOfRange:
        return tr("%1 out of range: %2 is not between %3 and %4.")
            .arg(numberName.isEmpty() ? tr("A number") : numberName, token)
            .arg(error.minimum)
            .arg(error.maximum);
    case ValueTextProblem::NulInString: return tr("A string cannot hold a NUL character (use the raw editor).");
    case ValueTextProblem::NotHexDigit: return tr("\"%1\" at %2 is not a hex digit.").arg(character, where);
    case ValueTextProblem::OddHexDigits:
        return tr("Odd number of hex digits in \"%1\" at %2: each byte takes two (or one alone).").arg(token, where);
    case ValueTextProblem::NoHexDigits: return tr("\"%1\" at %2 has no hex digits after it.").arg(token, where);
    }
    return fromEngineText(error.message());
}

ParsedData ValueCodec::parseString(const QString& text) {
    return parsedOf(parseValueText(kRegSz, engineText(text), ValueTextForm::String));
}

ParsedData ValueCodec::parseMultiString(const QString& text) {
    return parsedOf(parseValueText(kRegMultiSz, engineText(text), ValueTextForm::MultiString));
}

ParsedData ValueCodec::parseDword(const QString& text) {
    return parsedOf(parseValueText(kRegDword, engineText(text), ValueTextForm::Number), tr("A DWORD"));
}

ParsedData ValueCodec::parseQword(const QString& text) {
    return parsedOf(parseValueText(kRegQword, engineText(text), ValueTextForm::Number), tr("A QWORD"));
}

ParsedData ValueCodec::parseHex(const QString& text) { return parsedOf(parseHexBytes(engineText(text))); }

bool ValueCodec::parseTypeNumber(const QString& text, uint32_t* type, QString* error) {
    auto n = parseNumberText(engineText(text), 32, NegativeNumbers::Refused);
    if (!n) {
        if (error) *error = message(n.error(), tr("A type number"));
        return false;
    }
    *type = static_cast<uint32_t>(*n);
    return true;
}

ValueCodec::Kind ValueCodec::editorKind(uint32_t type) {
    switch (valueTextForm(type)) {
    case ValueTextForm::String: return Kind::String;
    case ValueTextForm::MultiString: return Kind::MultiString;
    case ValueTextForm::Number: return type == kRegQword ? Kind::Qword : Kind::Dword;
    case ValueTextForm::HexBytes: break;
    }
    return Kind::Binary;
}

ParsedData ValueCodec::parse(uint32_t type, const QString& text) {
    const QString numberName = type == kRegQword ? tr("A QWORD") : tr("A DWORD");
    return parsedOf(parseValueText(type, engineText(text)), numberName);
}

QString ValueCodec::formatHex(const std::vector<uint8_t>& data) { return fromEngineText(formatHexBytes(data)); }

QString ValueCodec::format(uint32_t type, const std::vector<uint8_t>& data) {
    return fromEngineText(formatValueText(type, data).text);
}

bool ValueCodec::isExact(uint32_t type, const std::vector<uint8_t>& data) {
    return formatValueText(type, data).form == valueTextForm(type);
}

QString ValueCodec::expansionPreview(const QString& text) {
    static const QRegularExpression variable(QStringLiteral("%([^%\\s]+)%"));
    QStringList names;
    for (auto it = variable.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(0);
        if (!names.contains(name, Qt::CaseInsensitive)) names << name;
    }
    if (names.isEmpty()) return QString();
    return tr("%1 (variables left as text: %2; an offline hive has no environment to expand them)")
        .arg(text, names.join(QStringLiteral(", ")));
}

}  // namespace hivekit::gui
