#include "Json.h"

#include <cstdio>

namespace hivectl {

std::string jsonEscape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    return out;
}

void Json::separate() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
    }
}

Json& Json::beginObject() { separate(); out_ += '{'; first_.push_back(true); return *this; }
Json& Json::endObject() { out_ += '}'; first_.pop_back(); return *this; }
Json& Json::beginArray() { separate(); out_ += '['; first_.push_back(true); return *this; }
Json& Json::endArray() { out_ += ']'; first_.pop_back(); return *this; }
Json& Json::key(std::string_view k) { separate(); out_ += jsonEscape(k); out_ += ':'; afterKey_ = true; return *this; }
Json& Json::value(std::string_view s) { separate(); out_ += jsonEscape(s); return *this; }
Json& Json::value(uint64_t n) { separate(); out_ += std::to_string(n); return *this; }
Json& Json::value(int64_t n) { separate(); out_ += std::to_string(n); return *this; }
Json& Json::value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
Json& Json::null() { separate(); out_ += "null"; return *this; }

}  // namespace hivectl
