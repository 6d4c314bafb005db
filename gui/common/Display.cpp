#include "common/Display.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>

// Q_INIT_RESOURCE declares a function in the global namespace, so it is
// called from here, outside hivekit::gui.
static void initHiveKitQrc() { Q_INIT_RESOURCE(hivekit); }

namespace hivekit::gui {

QString hexOffsetText(uint64_t offset) {
    return QStringLiteral("0x") + QString::number(offset, 16);
}

QString valueDataLine(const DecodedValue& decoded, int maxBytes) {
    QString line;
    switch (decoded.kind) {
    case ValueKind::Text:
        line = toQString(decoded.text);
        break;
    case ValueKind::TextList: {
        QStringList parts;
        parts.reserve(static_cast<qsizetype>(decoded.list.size()));
        for (const auto& s : decoded.list) parts << toQString(s);
        line = parts.join(QStringLiteral(" | "));
        break;
    }
    case ValueKind::Number:
        line = toQString(formatRegNumber(decoded.number));
        break;
    case ValueKind::Bytes:
        line = decoded.raw.empty() ? QCoreApplication::translate("Display", "(zero-length binary value)")
                                   : toQString(hexBytes(decoded.raw, static_cast<size_t>(maxBytes)));
        break;
    case ValueKind::Resources: {
        QStringList parts;
        for (const auto& s : decoded.lines) parts << toQString(s).trimmed();
        line = parts.join(QStringLiteral("; "));
        break;
    }
    }
    // One row, one line: embedded breaks and tabs would make rows uneven.
    for (QChar& c : line)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) c = QLatin1Char(' ');
    constexpr qsizetype kMaxChars = 512;
    if (line.size() > kMaxChars) line = line.left(kMaxChars) + QChar(0x2026);
    return line;
}

int pluralN(qulonglong n) { return static_cast<int>(std::min<qulonglong>(n, std::numeric_limits<int>::max())); }

QIcon valueTypeIcon(uint32_t type) {
    initResources();
    switch (type) {
    case kRegSz:
    case kRegExpandSz:
    case kRegMultiSz:
    case kRegLink: {
        static const QIcon icon(QStringLiteral(":/icons/value-string.svg"));
        return icon;
    }
    case kRegDword:
    case kRegDwordBigEndian:
    case kRegQword: {
        static const QIcon icon(QStringLiteral(":/icons/value-number.svg"));
        return icon;
    }
    default: {
        static const QIcon icon(QStringLiteral(":/icons/value-binary.svg"));
        return icon;
    }
    }
}

QString hexDump(Bytes bytes, size_t maxBytes) {
    const size_t shown = std::min(bytes.size(), maxBytes);
    QString out;
    out.reserve(static_cast<qsizetype>(shown / 16 + 1) * 80);
    for (size_t line = 0; line < shown; line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (size_t i = 0; i < 16; ++i) {
            if (line + i < shown) {
                const uint8_t b = bytes[line + i];
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QLatin1Char(static_cast<char>(b)) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == 7) out += QLatin1Char(' ');
        }
        out += QStringLiteral(" |") + ascii + QStringLiteral("|\n");
    }
    if (shown < bytes.size())
        out += QCoreApplication::translate("Display", "... %Ln more byte(s)", nullptr, pluralN(bytes.size() - shown)) +
               QLatin1Char('\n');
    return out;
}

void initResources() {
    static const bool done = [] {
        initHiveKitQrc();
        return true;
    }();
    (void)done;
}

}  // namespace hivekit::gui
