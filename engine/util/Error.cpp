#include "util/Error.h"

#include <cstdio>

namespace hivekit {

std::string hexOffset(uint64_t value) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(value));
    return buf;
}

const char* errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::NotAHive: return "not-a-hive";
    case ErrorCode::Truncated: return "truncated";
    case ErrorCode::Corrupt: return "corrupt";
    case ErrorCode::OutOfBounds: return "out-of-bounds";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::Invalid: return "invalid";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Locked: return "locked";
    }
    return "unknown";
}

}  // namespace hivekit
