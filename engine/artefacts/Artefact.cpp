#include "artefacts/Artefact.h"

#include <cstdio>
#include <ctime>

#include "format/ByteReader.h"

namespace hivekit::artefacts {

std::string_view hiveKindName(HiveKind kind) {
    switch (kind) {
        case HiveKind::System: return "SYSTEM";
        case HiveKind::Software: return "SOFTWARE";
        case HiveKind::Sam: return "SAM";
        case HiveKind::Security: return "SECURITY";
        case HiveKind::NtUser: return "NTUSER.DAT";
        case HiveKind::UsrClass: return "UsrClass.dat";
        case HiveKind::Amcache: return "Amcache.hve";
        case HiveKind::Bcd: return "BCD";
        case HiveKind::Unknown: break;
    }
    return "unknown";
}

std::string_view columnTypeName(ColumnType type) {
    switch (type) {
        case ColumnType::Text: return "text";
        case ColumnType::Path: return "path";
        case ColumnType::FileTime: return "time";
        case ColumnType::Integer: return "integer";
        case ColumnType::Bytes: return "bytes";
        case ColumnType::Boolean: return "boolean";
    }
    return "text";
}

namespace {

constexpr int64_t kTicksPerSecond = 10'000'000;
// Seconds from 1601-01-01 to 1970-01-01.
constexpr int64_t kEpochDelta = 11'644'473'600;

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// well-known arithmetic, written out here).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leapYear(unsigned y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(unsigned y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leapYear(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::string isoTime(FileTime time) {
    const int64_t seconds = static_cast<int64_t>(time.ticks / kTicksPerSecond) - kEpochDelta;
    const auto fraction = static_cast<unsigned>(time.ticks % kTicksPerSecond);
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return "FILETIME " + std::to_string(time.ticks);
    char buf[64];
    if (fraction == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                      tm.tm_hour, tm.tm_min, tm.tm_sec);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%07uZ", tm.tm_year + 1900, tm.tm_mon + 1,
                      tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, fraction);
    return buf;
}

FileTime fileTimeFromUnix(int64_t seconds) {
    const int64_t since1601 = seconds + kEpochDelta;
    return FileTime{since1601 < 0 ? 0 : static_cast<uint64_t>(since1601) * kTicksPerSecond};
}

std::optional<FileTime> fileTimeFromSystemTime(std::span<const uint8_t> bytes) {
    ByteReader r(bytes, 0, "SYSTEMTIME");
    const unsigned year = r.u16(0), month = r.u16(2), day = r.u16(6);
    const unsigned hour = r.u16(8), minute = r.u16(10), second = r.u16(12), millis = r.u16(14);
    if (!r.ok() || year < 1601 || year > 30827 || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59 || millis > 999)
        return std::nullopt;
    const int64_t days = daysFromCivil(year, month, day);
    const int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second;
    FileTime t = fileTimeFromUnix(secs);
    t.ticks += static_cast<uint64_t>(millis) * 10'000;
    return t;
}

}  // namespace hivekit::artefacts
