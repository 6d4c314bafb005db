#include "hive/Diagnostics.h"

namespace hivekit {

const char* severityName(Diagnostic::Severity s) {
    switch (s) {
    case Diagnostic::Severity::Info: return "info";
    case Diagnostic::Severity::Warning: return "warning";
    case Diagnostic::Severity::Error: return "error";
    }
    return "?";
}

void Diagnostics::add(Diagnostic::Severity severity, std::string message, uint64_t offset) {
    if (items_.size() >= kLimit) {
        ++dropped_;
        return;
    }
    items_.push_back(Diagnostic{severity, std::move(message), offset});
}

size_t Diagnostics::count(Diagnostic::Severity s) const {
    size_t n = 0;
    for (const auto& d : items_) n += d.severity == s;
    return n;
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d.severity, d.message, d.offset);
    dropped_ += other.dropped_;
}

}  // namespace hivekit
