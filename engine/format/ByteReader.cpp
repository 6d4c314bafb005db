#include "format/ByteReader.h"

namespace hivekit {

bool ByteReader::outOfBounds(size_t off, const char* field) {
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

}  // namespace hivekit
