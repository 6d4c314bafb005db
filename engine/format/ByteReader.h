// The one bounds-checked little-endian reader through which all hive bytes
// are read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "util/Error.h"

namespace hivekit {

using Bytes = std::span<const uint8_t>;

/// Plain little-endian loads for callers that already checked the bounds.
inline uint16_t loadU16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
inline uint32_t loadU32(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
           (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
inline uint64_t loadU64(const uint8_t* p) {
    return static_cast<uint64_t>(loadU32(p)) | (static_cast<uint64_t>(loadU32(p + 4)) << 32);
}
inline void storeU16(uint8_t* p, uint16_t v) { p[0] = uint8_t(v); p[1] = uint8_t(v >> 8); }
inline void storeU32(uint8_t* p, uint32_t v) {
    p[0] = uint8_t(v); p[1] = uint8_t(v >> 8); p[2] = uint8_t(v >> 16); p[3] = uint8_t(v >> 24);
}
inline void storeU64(uint8_t* p, uint64_t v) { storeU32(p, uint32_t(v)); storeU32(p + 4, uint32_t(v >> 32)); }

/// Reads little-endian fields from a span with overflow-safe bounds checks.
/// The error is sticky (LLVM style): decode several fields, then check ok()
/// once. A failed read yields 0 and records the first failure, naming the
/// field and the absolute file offset (base + relative offset).
class ByteReader {
public:
    /// `base` is the file offset of data[0]; it only appears in messages.
    ByteReader(Bytes data, uint64_t base, const char* what)
        : data_(data), base_(base), what_(what) {}

    size_t size() const { return data_.size(); }
    uint64_t base() const { return base_; }
    Bytes bytes() const { return data_; }

    /// True when [off, off+n) lies inside the data (no overflow possible).
    bool has(size_t off, size_t n) const { return off <= data_.size() && n <= data_.size() - off; }

    // Inline: every record decode goes through these, and the check that
    // passes is two comparisons; only a failure leaves the header.
    uint8_t u8(size_t off, const char* field = nullptr) { return check(off, 1, field) ? data_[off] : 0; }
    uint16_t u16(size_t off, const char* field = nullptr) {
        return check(off, 2, field) ? loadU16(data_.data() + off) : 0;
    }
    uint32_t u32(size_t off, const char* field = nullptr) {
        return check(off, 4, field) ? loadU32(data_.data() + off) : 0;
    }
    int32_t i32(size_t off, const char* field = nullptr) { return static_cast<int32_t>(u32(off, field)); }
    uint64_t u64(size_t off, const char* field = nullptr) {
        return check(off, 8, field) ? loadU64(data_.data() + off) : 0;
    }
    /// n bytes at off, or an empty span (and an error) when they do not fit.
    Bytes span(size_t off, size_t n, const char* field = nullptr) {
        return check(off, n, field) ? data_.subspan(off, n) : Bytes{};
    }

    bool ok() const { return !failed_; }
    const Error& error() const { return error_; }
    /// Records a failure found by the caller (keeps the first one).
    void setError(ErrorCode code, std::string message, uint64_t offset);

private:
    bool check(size_t off, size_t n, const char* field) { return has(off, n) || outOfBounds(off, field); }
    /// Records the failure of a read at `off`; always false.
    bool outOfBounds(size_t off, const char* field);

    Bytes data_;
    uint64_t base_;
    const char* what_;
    bool failed_ = false;
    Error error_;
};

}  // namespace hivekit
