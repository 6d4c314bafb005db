#include "hexview/ByteText.h"

namespace hivekit::gui::bytetext {

namespace {

constexpr char kUpperDigits[] = "0123456789ABCDEF";

bool isControl(char16_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

}  // namespace

QString hex(std::span<const uint8_t> bytes) {
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size() * 3));
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i) out += (i % 16 == 0) ? QLatin1Char('\n') : QLatin1Char(' ');
        out += QLatin1Char(kUpperDigits[bytes[i] >> 4]);
        out += QLatin1Char(kUpperDigits[bytes[i] & 0xF]);
    }
    return out;
}

QString latin1(std::span<const uint8_t> bytes) {
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size()));
    for (const uint8_t b : bytes) out += isControl(b) ? QLatin1Char('.') : QLatin1Char(static_cast<char>(b));
    return out;
}

QString utf16(std::span<const uint8_t> bytes) {
    QString out;
    out.reserve(static_cast<qsizetype>(bytes.size() / 2));
    auto at = [&](size_t i) { return static_cast<char16_t>(bytes[i] | (bytes[i + 1] << 8)); };
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        const char16_t c = at(i);
        if (QChar::isHighSurrogate(c) && i + 3 < bytes.size() && QChar::isLowSurrogate(at(i + 2))) {
            out += QChar(c);
            out += QChar(at(i + 2));
            i += 2;
        } else {
            const bool shown = !isControl(c) && !QChar::isSurrogate(c) && !QChar::isNonCharacter(c);
            out += shown ? QChar(c) : QChar(u'.');
        }
    }
    return out;
}

QString cArray(std::span<const uint8_t> bytes) {
    QString out = QStringLiteral("const unsigned char data[%1] = {").arg(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i % 12 == 0) out += QStringLiteral("\n    ");
        else out += QLatin1Char(' ');
        out += QStringLiteral("0x%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
        if (i + 1 < bytes.size()) out += QLatin1Char(',');
    }
    out += bytes.empty() ? QStringLiteral("};") : QStringLiteral("\n};");
    return out;
}

}  // namespace hivekit::gui::bytetext
