// A read-only view of a whole file: mmap where possible, a read buffer
// otherwise. RAII: the mapping lives as long as the object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "format/ByteReader.h"

namespace hivekit {

/// The bytes of a file opened read-only. The file is never written through
/// this object (PROT_READ), so evidence stays untouched.
class FileMapping {
public:
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;
    ~FileMapping();

    /// Maps `path` read-only. Errors name the path and the OS reason.
    static Result<std::unique_ptr<FileMapping>> open(const std::string& path);
    /// Holds `bytes` in memory (tests, fuzzing, recovered images).
    static std::unique_ptr<FileMapping> fromBuffer(std::vector<uint8_t> bytes);

    Bytes bytes() const { return {data_, size_}; }
    bool isMapped() const { return mapped_; }

private:
    FileMapping() = default;

    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
    bool mapped_ = false;
    std::vector<uint8_t> buffer_;
};

}  // namespace hivekit
