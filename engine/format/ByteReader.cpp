#include "format/ByteReader.h"

namespace hivekit {

bool ByteReader::check(size_t off, size_t n, const char* field) {
    if (has(off, n)) return true;
    if (!failed_) {
        std::string msg = std::string("can't read ") + (field ? field : "a field") + " of " + what_ +
                          " at " + hexOffset(base_ + off) + ": it goes past the end of the " + what_ +
                          " (" + hexOffset(base_ + data_.size()) + ")";
        setError(ErrorCode::Truncated, std::move(msg), base_ + off);
    }
    return false;
}

void ByteReader::setError(ErrorCode code, std::string message, uint64_t offset) {
    if (failed_) return;
    failed_ = true;
    error_ = Error{code, std::move(message), offset};
}

uint8_t ByteReader::u8(size_t off, const char* field) {
    return check(off, 1, field) ? data_[off] : 0;
}
uint16_t ByteReader::u16(size_t off, const char* field) {
    return check(off, 2, field) ? loadU16(data_.data() + off) : 0;
}
uint32_t ByteReader::u32(size_t off, const char* field) {
    return check(off, 4, field) ? loadU32(data_.data() + off) : 0;
}
uint64_t ByteReader::u64(size_t off, const char* field) {
    return check(off, 8, field) ? loadU64(data_.data() + off) : 0;
}
Bytes ByteReader::span(size_t off, size_t n, const char* field) {
    return check(off, n, field) ? data_.subspan(off, n) : Bytes{};
}

}  // namespace hivekit
