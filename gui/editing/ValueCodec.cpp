#include "editing/ValueCodec.h"

#include <QRegularExpression>

#include <limits>

#include "format/ValueData.h"

namespace hivekit::gui {

namespace {

void appendUtf16(std::vector<uint8_t>& out, const QString& text) {
    for (QChar c : text) {
        out.push_back(static_cast<uint8_t>(c.unicode() & 0xff));
        out.push_back(static_cast<uint8_t>(c.unicode() >> 8));
    }
    out.push_back(0);
    out.push_back(0);
}

/// Parses an unsigned number (decimal or 0x hex) no larger than `max`.
bool parseNumber(const QString& input, uint64_t max, uint64_t* value, QString* error, const QString& typeName) {
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        *error = ValueCodec::tr("Enter a number (decimal, or hex with 0x).");
        return false;
    }
    if (text.startsWith(QLatin1Char('-'))) {
        *error = ValueCodec::tr("%1 cannot be negative.").arg(typeName);
        return false;
    }
    const bool hex = text.startsWith(QLatin1String("0x"), Qt::CaseInsensitive);
    const QString digits = hex ? text.mid(2) : text;
    bool ok = false;
    const qulonglong n = digits.toULongLong(&ok, hex ? 16 : 10);
    if (!ok) {
        // toULongLong fails on overflow too: tell the two apart.
        static const QRegularExpression decimal(QStringLiteral("^[0-9]+$"));
        static const QRegularExpression hexDigits(QStringLiteral("^[0-9a-fA-F]+$"));
        if ((hex ? hexDigits : decimal).match(digits).hasMatch()) {
            *error = ValueCodec::tr("%1 out of range: %2 is larger than %3.").arg(typeName, text).arg(max);
        } else {
            *error = ValueCodec::tr("\"%1\" is not a number (decimal, or hex with 0x).").arg(text);
        }
        return false;
    }
    if (n > max) {
        *error = ValueCodec::tr("%1 out of range: %2 is larger than %3.").arg(typeName, text).arg(max);
        return false;
    }
    *value = n;
    return true;
}

ParsedData littleEndian(uint64_t value, int bytes) {
    ParsedData out;
    for (int i = 0; i < bytes; ++i) out.bytes.push_back(static_cast<uint8_t>(value >> (8 * i)));
    return out;
}

QString fromUtf16(const std::vector<uint8_t>& data, size_t begin, size_t end) {
    QString s;
    for (size_t i = begin; i + 1 < end; i += 2) s.append(QChar(static_cast<char16_t>(data[i] | (data[i + 1] << 8))));
    return s;
}

}  // namespace

ParsedData ValueCodec::parseString(const QString& text) {
    ParsedData out;
    if (text.contains(QChar(0))) {
        out.error = tr("A string cannot hold a NUL character (use the raw editor).");
        return out;
    }
    appendUtf16(out.bytes, text);
    return out;
}

ParsedData ValueCodec::parseMultiString(const QString& text) {
    ParsedData out;
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (normalized.endsWith(QLatin1Char('\n'))) normalized.chop(1);
    const QStringList lines = normalized.isEmpty() ? QStringList() : normalized.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].isEmpty()) {
            out.error = tr("Line %1 is empty: a multi-string cannot hold an empty string.").arg(i + 1);
            out.bytes.clear();
            return out;
        }
        appendUtf16(out.bytes, lines[i]);
    }
    out.bytes.push_back(0);
    out.bytes.push_back(0);
    return out;
}

ParsedData ValueCodec::parseDword(const QString& text) {
    uint64_t n = 0;
    QString error;
    if (!parseNumber(text, std::numeric_limits<uint32_t>::max(), &n, &error, tr("A DWORD"))) return {{}, error};
    return littleEndian(n, 4);
}

ParsedData ValueCodec::parseQword(const QString& text) {
    uint64_t n = 0;
    QString error;
    if (!parseNumber(text, std::numeric_limits<uint64_t>::max(), &n, &error, tr("A QWORD"))) return {{}, error};
    return littleEndian(n, 8);
}

ParsedData ValueCodec::parseHex(const QString& text) {
    ParsedData out;
    int high = -1;
    qsizetype digits = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char(':') || c == QLatin1Char('-')) {
            if (high >= 0) {
                out.error = tr("Odd number of hex digits before position %1: each byte takes two.").arg(i + 1);
                out.bytes.clear();
                return out;
            }
            continue;
        }
        int v = -1;
        const char16_t u = c.unicode();
        if (u >= '0' && u <= '9') v = u - '0';
        else if (u >= 'a' && u <= 'f') v = u - 'a' + 10;
        else if (u >= 'A' && u <= 'F') v = u - 'A' + 10;
        if (v < 0) {
            out.error = tr("\"%1\" at position %2 is not a hex digit.").arg(c).arg(i + 1);
            out.bytes.clear();
            return out;
        }
        ++digits;
        if (high < 0) {
            high = v;
        } else {
            out.bytes.push_back(static_cast<uint8_t>(high << 4 | v));
            high = -1;
        }
    }
    if (high >= 0) {
        out.error = tr("Odd number of hex digits (%1): each byte takes two.").arg(digits);
        out.bytes.clear();
    }
    return out;
}

bool ValueCodec::parseTypeNumber(const QString& text, uint32_t* type, QString* error) {
    uint64_t n = 0;
    if (!parseNumber(text, std::numeric_limits<uint32_t>::max(), &n, error, tr("A type number"))) return false;
    *type = static_cast<uint32_t>(n);
    return true;
}

ValueCodec::Kind ValueCodec::editorKind(uint32_t type) {
    switch (type) {
    case kRegSz:
    case kRegExpandSz: return Kind::String;
    case kRegMultiSz: return Kind::MultiString;
    case kRegDword: return Kind::Dword;
    case kRegQword: return Kind::Qword;
    default: return Kind::Binary;
    }
}

ParsedData ValueCodec::parse(uint32_t type, const QString& text) {
    switch (editorKind(type)) {
    case Kind::String: return parseString(text);
    case Kind::MultiString: return parseMultiString(text);
    case Kind::Dword: return parseDword(text);
    case Kind::Qword: return parseQword(text);
    case Kind::Binary: break;
    }
    return parseHex(text);
}

QString ValueCodec::formatHex(const std::vector<uint8_t>& data) {
    QString s;
    for (size_t i = 0; i < data.size(); ++i) {
        if (i > 0) s.append(i % 16 == 0 ? QLatin1Char('\n') : QLatin1Char(' '));
        s.append(QStringLiteral("%1").arg(data[i], 2, 16, QLatin1Char('0')));
    }
    return s;
}

QString ValueCodec::format(uint32_t type, const std::vector<uint8_t>& data) {
    switch (editorKind(type)) {
    case Kind::String: {
        // Up to the first terminator; data that does not fit the form is
        // shown by the raw editor instead (the caller's choice).
        size_t end = 0;
        while (end + 1 < data.size() && (data[end] | data[end + 1]) != 0) end += 2;
        return fromUtf16(data, 0, end);
    }
    case Kind::MultiString: {
        QStringList lines;
        size_t start = 0;
        for (size_t i = 0; i + 1 < data.size(); i += 2) {
            if ((data[i] | data[i + 1]) != 0) continue;
            if (i == start) break;
            lines << fromUtf16(data, start, i);
            start = i + 2;
        }
        return lines.join(QLatin1Char('\n'));
    }
    case Kind::Dword:
    case Kind::Qword: {
        uint64_t n = 0;
        const size_t width = editorKind(type) == Kind::Dword ? 4 : 8;
        if (data.size() != width) return QString();
        for (size_t i = 0; i < width; ++i) n |= uint64_t{data[i]} << (8 * i);
        return QString::number(n);
    }
    case Kind::Binary: break;
    }
    return formatHex(data);
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
