#include "interpreter/DataInterpreter.h"

#include <array>
#include <bit>
#include <charconv>
#include <chrono>
#include <cmath>

namespace hivekit::gui {

namespace {

constexpr int64_t kFirstSecond = -62135596800;  // 0001-01-01T00:00:00Z
constexpr int64_t kLastSecond = 253402300799;   // 9999-12-31T23:59:59Z
constexpr int64_t kFileTimeToUnix = 11644473600; // seconds from 1601 to 1970
constexpr uint64_t kTicksPerSecond = 10000000;

/// `width` bytes from the start of `bytes` as an unsigned number.
uint64_t readUnsigned(std::span<const uint8_t> bytes, int width, ByteOrder order) {
    uint64_t v = 0;
    for (int i = 0; i < width; ++i) {
        const int from = order == ByteOrder::Little ? width - 1 - i : i;
        v = (v << 8) | bytes[static_cast<size_t>(from)];
    }
    return v;
}

uint16_t le16(std::span<const uint8_t> bytes, size_t at) {
    return static_cast<uint16_t>(bytes[at] | (bytes[at + 1] << 8));
}

/// Sign-extends the low `width` bytes of `v`.
int64_t signExtend(uint64_t v, int width) {
    if (width == 8) return static_cast<int64_t>(v);
    const int shift = 64 - 8 * width;
    return static_cast<int64_t>(v << shift) >> shift;
}

bool isLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

QString twoDigits(int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); }

QString dateTimeText(int year, int month, int day, int hour, int minute, int second) {
    return QStringLiteral("%1-%2-%3T%4:%5:%6")
        .arg(year, 4, 10, QLatin1Char('0'))
        .arg(twoDigits(month), twoDigits(day), twoDigits(hour), twoDigits(minute), twoDigits(second));
}

Reading tooShort(size_t need, size_t have) {
    return Reading{Reading::State::TooShort, QStringLiteral("\u2014"),
                   DataInterpreter::tr("Needs %1 bytes; only %2 left.").arg(need).arg(have)};
}

Reading invalid(const QString& why) {
    return Reading{Reading::State::Invalid, DataInterpreter::tr("invalid (%1)").arg(why), why};
}

Reading ok(const QString& text, const QString& why = {}) { return Reading{Reading::State::Ok, text, why}; }

QString orderNote(ByteOrder order) {
    return order == ByteOrder::Little ? DataInterpreter::tr("little endian") : DataInterpreter::tr("big endian");
}

/// Shortest decimal text that reads back as the same float or double.
template <typename Float>
QString floatText(Float value) {
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("+inf") : QStringLiteral("-inf");
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return QString::fromLatin1(buffer.data(), static_cast<qsizetype>(result.ptr - buffer.data()));
}

/// A time in seconds since 1970 as a reading, invalid outside 1..9999.
Reading unixReading(int64_t seconds, const QString& why) {
    const QString text = DataInterpreter::isoUtc(seconds);
    if (text.isEmpty()) return invalid(DataInterpreter::tr("%1 seconds is past year 9999").arg(seconds));
    return ok(text, why);
}

/// Text of characters read one by one: up to a NUL, capped, control
/// characters as dots.
Reading textReading(const QString& text, bool capped, size_t consumed) {
    QString shown = text;
    if (capped) shown += QStringLiteral("\u2026");
    if (text.isEmpty()) shown = DataInterpreter::tr("(empty)");
    return ok(shown, DataInterpreter::tr("%1 bytes read; control characters shown as dots").arg(consumed));
}

bool isControl(char16_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

}  // namespace

QString DataInterpreter::isoUtc(int64_t unixSeconds, uint64_t fraction, int fractionDigits) {
    if (unixSeconds < kFirstSecond || unixSeconds > kLastSecond) return {};
    using namespace std::chrono;
    // Floor division: the day of a negative second is the one before.
    int64_t days = unixSeconds / 86400;
    int64_t rest = unixSeconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    const year_month_day date{sys_days{std::chrono::days{days}}};
    const int secondOfDay = static_cast<int>(rest);
    QString text = dateTimeText(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                                static_cast<int>(static_cast<unsigned>(date.day())), secondOfDay / 3600,
                                secondOfDay / 60 % 60, secondOfDay % 60);
    if (fraction != 0 && fractionDigits > 0)
        text += QStringLiteral(".%1").arg(fraction, fractionDigits, 10, QLatin1Char('0'));
    return text + QLatin1Char('Z');
}

Reading DataInterpreter::signedInt(std::span<const uint8_t> bytes, int width, ByteOrder order) {
    const size_t need = static_cast<size_t>(width);
    if (bytes.size() < need) return tooShort(need, bytes.size());
    return ok(QString::number(signExtend(readUnsigned(bytes, width, order), width)), orderNote(order));
}

Reading DataInterpreter::unsignedInt(std::span<const uint8_t> bytes, int width, ByteOrder order) {
    const size_t need = static_cast<size_t>(width);
    if (bytes.size() < need) return tooShort(need, bytes.size());
    const uint64_t v = readUnsigned(bytes, width, order);
    return ok(QStringLiteral("%1 (0x%2)").arg(v).arg(v, 2 * width, 16, QLatin1Char('0')), orderNote(order));
}

Reading DataInterpreter::float32(std::span<const uint8_t> bytes, ByteOrder order) {
    if (bytes.size() < 4) return tooShort(4, bytes.size());
    const auto bits = static_cast<uint32_t>(readUnsigned(bytes, 4, order));
    return ok(floatText(std::bit_cast<float>(bits)), orderNote(order));
}

Reading DataInterpreter::float64(std::span<const uint8_t> bytes, ByteOrder order) {
    if (bytes.size() < 8) return tooShort(8, bytes.size());
    return ok(floatText(std::bit_cast<double>(readUnsigned(bytes, 8, order))), orderNote(order));
}

Reading DataInterpreter::fileTime(std::span<const uint8_t> bytes) {
    if (bytes.size() < 8) return tooShort(8, bytes.size());
    const uint64_t ticks = readUnsigned(bytes, 8, ByteOrder::Little);
    if (ticks == 0) return ok(tr("not set (0)"), tr("A FILETIME of zero: no time was recorded."));
    // Windows itself refuses FILETIMEs with the top bit set.
    if (ticks > static_cast<uint64_t>(INT64_MAX)) return invalid(tr("the top bit is set"));
    const int64_t seconds = static_cast<int64_t>(ticks / kTicksPerSecond) - kFileTimeToUnix;
    const QString text = isoUtc(seconds, ticks % kTicksPerSecond, 7);
    if (text.isEmpty()) return invalid(tr("past year 9999"));
    return ok(text, tr("100 ns intervals since 1601-01-01 UTC, little endian: %1").arg(ticks));
}

Reading DataInterpreter::systemTime(std::span<const uint8_t> bytes) {
    if (bytes.size() < 16) return tooShort(16, bytes.size());
    std::array<int, 8> f{};
    for (size_t i = 0; i < f.size(); ++i) f[i] = le16(bytes, 2 * i);
    const auto [year, month, dayOfWeek, day, hour, minute, second, ms] = f;
    if (year == 0 && month == 0 && dayOfWeek == 0 && day == 0 && hour == 0 && minute == 0 && second == 0 && ms == 0)
        return ok(tr("not set (all zero)"));
    if (year < 1601 || year > 30827) return invalid(tr("year %1").arg(year));
    if (month < 1 || month > 12) return invalid(tr("month %1").arg(month));
    if (dayOfWeek > 6) return invalid(tr("day of week %1").arg(dayOfWeek));
    if (day < 1 || day > daysInMonth(year, month)) return invalid(tr("day %1").arg(day));
    if (hour > 23 || minute > 59 || second > 59 || ms > 999)
        return invalid(tr("time %1:%2:%3.%4").arg(hour).arg(minute).arg(second).arg(ms));
    QString text = dateTimeText(year, month, day, hour, minute, second);
    if (ms) text += QStringLiteral(".%1").arg(ms, 3, 10, QLatin1Char('0'));
    return ok(text + QLatin1Char('Z'),
              tr("Year, month, day of week, day, hour, minute, second, milliseconds (16-bit each); "
                 "the time zone is not stored: Windows writes these in UTC"));
}

Reading DataInterpreter::unixTime32(std::span<const uint8_t> bytes, ByteOrder order) {
    if (bytes.size() < 4) return tooShort(4, bytes.size());
    return unixReading(static_cast<int64_t>(readUnsigned(bytes, 4, order)),
                       tr("Unsigned 32-bit seconds since 1970-01-01 UTC, %1").arg(orderNote(order)));
}

Reading DataInterpreter::unixTime64(std::span<const uint8_t> bytes, ByteOrder order) {
    if (bytes.size() < 8) return tooShort(8, bytes.size());
    return unixReading(static_cast<int64_t>(readUnsigned(bytes, 8, order)),
                       tr("Signed 64-bit seconds since 1970-01-01 UTC, %1").arg(orderNote(order)));
}

Reading DataInterpreter::dosDateTime(std::span<const uint8_t> bytes) {
    if (bytes.size() < 4) return tooShort(4, bytes.size());
    const int date = le16(bytes, 0);
    const int time = le16(bytes, 2);
    if (date == 0 && time == 0) return ok(tr("not set (0)"));
    const int year = 1980 + (date >> 9);
    const int month = (date >> 5) & 0xF;
    const int day = date & 0x1F;
    const int hour = time >> 11;
    const int minute = (time >> 5) & 0x3F;
    const int second = (time & 0x1F) * 2;
    if (month < 1 || month > 12) return invalid(tr("month %1").arg(month));
    if (day < 1 || day > daysInMonth(year, month)) return invalid(tr("day %1").arg(day));
    if (hour > 23 || minute > 59 || second > 59)
        return invalid(tr("time %1:%2:%3").arg(hour).arg(minute).arg(second));
    return ok(tr("%1 (local time)").arg(dateTimeText(year, month, day, hour, minute, second)),
              tr("FAT date (bytes 0-1) and time (bytes 2-3), little endian, in the local time of the "
                 "machine that wrote it, to two seconds"));
}

Reading DataInterpreter::guid(std::span<const uint8_t> bytes) {
    if (bytes.size() < 16) return tooShort(16, bytes.size());
    QString text = QStringLiteral("{%1-%2-%3-")
                       .arg(readUnsigned(bytes, 4, ByteOrder::Little), 8, 16, QLatin1Char('0'))
                       .arg(readUnsigned(bytes.subspan(4), 2, ByteOrder::Little), 4, 16, QLatin1Char('0'))
                       .arg(readUnsigned(bytes.subspan(6), 2, ByteOrder::Little), 4, 16, QLatin1Char('0'));
    for (size_t i = 8; i < 16; ++i) {
        if (i == 10) text += QLatin1Char('-');
        text += QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
    }
    return ok(text.toUpper() + QLatin1Char('}'),
              tr("Data1 (4 bytes), Data2 and Data3 (2 bytes each) little endian, then 8 bytes in order"));
}

Reading DataInterpreter::sid(std::span<const uint8_t> bytes) {
    if (bytes.size() < 8) return tooShort(8, bytes.size());
    const int revision = bytes[0];
    const int count = bytes[1];
    if (revision != 1) return invalid(tr("revision %1, not 1").arg(revision));
    if (count > 15) return invalid(tr("%1 sub-authorities, at most 15").arg(count));
    const size_t need = 8 + 4 * static_cast<size_t>(count);
    if (bytes.size() < need) return tooShort(need, bytes.size());
    const uint64_t authority = readUnsigned(bytes.subspan(2), 6, ByteOrder::Big);
    // As ConvertSidToStringSid: decimal below 2^32, else hex.
    QString text = QStringLiteral("S-1-") +
                   (authority < (uint64_t{1} << 32) ? QString::number(authority)
                                                    : QStringLiteral("0x%1").arg(authority, 12, 16, QLatin1Char('0')));
    for (int i = 0; i < count; ++i)
        text += QLatin1Char('-') +
                QString::number(readUnsigned(bytes.subspan(8 + 4 * static_cast<size_t>(i)), 4, ByteOrder::Little));
    return ok(text, tr("%1 bytes: revision, count, 48-bit authority, 32-bit sub-authorities").arg(need));
}

Reading DataInterpreter::utf16Text(std::span<const uint8_t> bytes) {
    if (bytes.size() < 2) return tooShort(2, bytes.size());
    QString text;
    size_t at = 0;
    bool capped = false;
    for (; at + 1 < bytes.size(); at += 2) {
        const char16_t c = le16(bytes, at);
        if (c == 0) {
            at += 2;
            break;
        }
        if (text.size() >= kTextChars) {
            capped = true;
            break;
        }
        // A lone surrogate is not a character: a dot, as a control one.
        const bool high = QChar::isHighSurrogate(c);
        const bool pairs = high && at + 3 < bytes.size() && QChar::isLowSurrogate(le16(bytes, at + 2));
        if (pairs) {
            text += QChar(c);
            text += QChar(le16(bytes, at + 2));
            at += 2;
        } else if (isControl(c) || QChar::isSurrogate(c) || QChar::isNonCharacter(c)) {
            text += QLatin1Char('.');
        } else {
            text += QChar(c);
        }
    }
    return textReading(text, capped, std::min(at, bytes.size()));
}

Reading DataInterpreter::latin1Text(std::span<const uint8_t> bytes) {
    if (bytes.empty()) return tooShort(1, 0);
    QString text;
    size_t at = 0;
    bool capped = false;
    for (; at < bytes.size(); ++at) {
        const uint8_t c = bytes[at];
        if (c == 0) {
            ++at;
            break;
        }
        if (text.size() >= kTextChars) {
            capped = true;
            break;
        }
        text += isControl(c) ? QLatin1Char('.') : QLatin1Char(static_cast<char>(c));
    }
    return textReading(text, capped, at);
}

QString DataInterpreter::rot13(const QString& text) {
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z') c = QChar(static_cast<char16_t>(u'a' + (u - u'a' + 13) % 26));
        else if (u >= u'A' && u <= u'Z') c = QChar(static_cast<char16_t>(u'A' + (u - u'A' + 13) % 26));
    }
    return out;
}

std::vector<InterpreterRow> DataInterpreter::interpret(std::span<const uint8_t> bytes, ByteOrder order) {
    std::vector<InterpreterRow> rows;
    static constexpr int kWidths[] = {1, 2, 4, 8};
    for (const int width : kWidths) {
        const QString bits = QString::number(8 * width);
        rows.push_back({tr("int%1").arg(bits), signedInt(bytes, width, order)});
        rows.push_back({tr("uint%1").arg(bits), unsignedInt(bytes, width, order)});
    }
    rows.push_back({tr("float"), float32(bytes, order)});
    rows.push_back({tr("double"), float64(bytes, order)});
    rows.push_back({tr("FILETIME"), fileTime(bytes)});
    rows.push_back({tr("SYSTEMTIME"), systemTime(bytes)});
    rows.push_back({tr("Unix time (32-bit)"), unixTime32(bytes, order)});
    rows.push_back({tr("Unix time (64-bit)"), unixTime64(bytes, order)});
    rows.push_back({tr("DOS date/time"), dosDateTime(bytes)});
    rows.push_back({tr("GUID"), guid(bytes)});
    rows.push_back({tr("SID"), sid(bytes)});
    const Reading utf16 = utf16Text(bytes);
    const Reading latin1 = latin1Text(bytes);
    rows.push_back({tr("UTF-16LE text"), utf16});
    rows.push_back({tr("Latin-1 text"), latin1});
    // Only the letters change: "(empty)" and the rest are not rotated.
    auto rotated = [](const Reading& text, const QString& original) {
        Reading r = text;
        if (r.ok() && !original.isEmpty()) r.text = rot13(r.text);
        return r;
    };
    const QString utf16Original = utf16.text == tr("(empty)") ? QString() : utf16.text;
    const QString latin1Original = latin1.text == tr("(empty)") ? QString() : latin1.text;
    rows.push_back({tr("ROT13 of UTF-16LE text"), rotated(utf16, utf16Original)});
    rows.push_back({tr("ROT13 of Latin-1 text"), rotated(latin1, latin1Original)});
    return rows;
}

}  // namespace hivekit::gui
