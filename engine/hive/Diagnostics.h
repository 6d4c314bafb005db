// Problems found while reading a hive: what and where.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/Error.h"

namespace hivekit {

/// One problem found in a hive, with the file offset it concerns.
struct Diagnostic {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Error;
    std::string message;
    uint64_t offset = Error::kNoOffset;
};

const char* severityName(Diagnostic::Severity s);

/// A sink for diagnostics. Readers that return partial results report
/// what they skipped here; a null sink means "do not care".
class Diagnostics {
public:
    void add(Diagnostic::Severity severity, std::string message, uint64_t offset = Error::kNoOffset);
    void warn(std::string message, uint64_t offset = Error::kNoOffset) {
        add(Diagnostic::Severity::Warning, std::move(message), offset);
    }
    void error(std::string message, uint64_t offset = Error::kNoOffset) {
        add(Diagnostic::Severity::Error, std::move(message), offset);
    }
    void error(const Error& e) { add(Diagnostic::Severity::Error, e.message, e.offset); }
    void info(std::string message, uint64_t offset = Error::kNoOffset) {
        add(Diagnostic::Severity::Info, std::move(message), offset);
    }

    const std::vector<Diagnostic>& items() const { return items_; }
    size_t count(Diagnostic::Severity s) const;
    bool empty() const { return items_.empty(); }
    /// Diagnostics beyond the limit are counted, not stored, so a hive full
    /// of damage cannot exhaust memory.
    size_t dropped() const { return dropped_; }
    void append(const Diagnostics& other);

    static constexpr size_t kLimit = 100000;

private:
    std::vector<Diagnostic> items_;
    size_t dropped_ = 0;
};

}  // namespace hivekit
