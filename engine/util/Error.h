// Error values of the engine: no exception crosses the engine's API.
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <utility>

namespace hivekit {

/// What kind of failure an Error reports; messages carry the details.
enum class ErrorCode {
    Io,           ///< the operating system refused (open, map, read, write, flush)
    NotAHive,     ///< the file is not a regf hive
    Truncated,    ///< a record or file ends before its declared size
    Corrupt,      ///< a structure contradicts the format (bad signature, size, offset)
    OutOfBounds,  ///< an offset or length points outside the data it refers to
    NotFound,     ///< no such key or value
    Invalid,      ///< a caller's argument is malformed (a path, a name, a type)
    Unsupported,  ///< valid but not handled (a version, a feature)
    Locked,       ///< another writer holds the file's lock (tx/HiveLock.h)
};

/// An error: a code, a message that says what and where, and the file offset
/// it concerns (kNoOffset when none applies).
struct Error {
    static constexpr uint64_t kNoOffset = ~uint64_t{0};

    ErrorCode code = ErrorCode::Corrupt;
    std::string message;
    uint64_t offset = kNoOffset;

    bool hasOffset() const { return offset != kNoOffset; }
};

/// The outcome of a fallible engine call: a T, or the Error that prevented
/// it. A class rather than an alias so that it is [[nodiscard]] as a type:
/// every function returning a Result, now and later, warns when a caller
/// drops it (an unchecked failure is how a commit "succeeds" by accident).
template <class T>
class [[nodiscard]] Result : public std::expected<T, Error> {
public:
    using std::expected<T, Error>::expected;
    Result(const std::expected<T, Error>& other) : std::expected<T, Error>(other) {}
    Result(std::expected<T, Error>&& other) : std::expected<T, Error>(std::move(other)) {}
};

/// Builds the unexpected value of a Result.
inline std::unexpected<Error> fail(ErrorCode code, std::string message,
                                   uint64_t offset = Error::kNoOffset) {
    return std::unexpected<Error>(Error{code, std::move(message), offset});
}

/// "0x1a2b": how offsets appear in every message.
std::string hexOffset(uint64_t value);

const char* errorCodeName(ErrorCode code);

}  // namespace hivekit
