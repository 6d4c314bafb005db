// A read-only view of a whole file: mmap where possible, a read buffer
// otherwise. RAII: the mapping lives as long as the object.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "format/ByteReader.h"
#include "hive/ZeroedPages.h"

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
    /// Opens `path` for a walk of the whole file about to follow (dump,
    /// check, export), in whichever form reads fastest. On the virtual
    /// machines HiveKit is measured on, mapping in a 4 KiB page costs about
    /// 2 µs (tests/bench/README.md), so where the kernel offers transparent
    /// huge pages: a file the page cache holds mostly in 2 MiB folios stays
    /// mapped (each 2 MiB by one PMD entry); another, up to kLoadAtMost, is
    /// copied into huge pages (isLoaded()), one fault per 2 MiB. Otherwise,
    /// or for a file under 2 MiB, this is open() and populate(). The file
    /// is only read.
    /// Copy::Always copies whenever the file can be copied into huge pages,
    /// whatever the page cache holds (tests, and measuring both ways).
    enum class Copy { WhenFaster, Always };
    static Result<std::unique_ptr<FileMapping>> load(const std::string& path, Copy copy = Copy::WhenFaster);
    static constexpr size_t kLoadAtMost = size_t{256} << 20;
    /// Holds `bytes` in memory (tests, fuzzing, recovered images).
    static std::unique_ptr<FileMapping> fromBuffer(std::vector<uint8_t> bytes);

    Bytes bytes() const { return {data_, size_}; }
    bool isMapped() const { return mapped_; }
    /// Whether load() copied the file into huge pages (not a mapping of it).
    bool isLoaded() const { return copy_.data() != nullptr; }
    /// Maps in every page of a read-only mapping now, in one call
    /// (MADV_POPULATE_READ; MADV_WILLNEED where the kernel lacks it), for a
    /// walk of the whole file about to follow: one batch instead of a page
    /// fault per 4 KiB. Does nothing for a buffer or a copy-on-write image.
    void populate() const;

    // ---- Copy-on-write images, for editing (merge sessions) ----

    /// Maps `path` for editing: a private copy-on-write image (MAP_PRIVATE,
    /// readable and writable) at the start of an address range reserved for
    /// the largest hive the format allows, so that the image grows in place
    /// and pointers into it stay valid. A write changes this process's copy
    /// of the page it touches, never the file; the file is only read.
    static Result<std::unique_ptr<FileMapping>> openCopyOnWrite(const std::string& path);
    bool isCopyOnWrite() const { return reserved_ != 0; }
    /// The image for writing. REQUIRES: isCopyOnWrite().
    uint8_t* mutableData() { return const_cast<uint8_t*>(data_); }
    /// Grows the image to `size` bytes; the new bytes read as zeros.
    /// REQUIRES: isCopyOnWrite(). Fails past the reserved range.
    [[nodiscard]] Result<void> grow(size_t size);


private:
    FileMapping() = default;

    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
    bool mapped_ = false;
    std::vector<uint8_t> buffer_;
    // Copy-on-write images: the reserved range's length (0 otherwise), the
    // path to map again, and how much of the range the file mapping covers.
    size_t reserved_ = 0;
    std::string path_;
    size_t fileMapped_ = 0;
    // load(): the copy of the file, in huge pages.
    ZeroedPages copy_;

    [[nodiscard]] Result<void> mapFileAtBase();
};

}  // namespace hivekit
