#include "Json.h"

#include "util/JsonText.h"

namespace hivectl {

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
Json& Json::key(std::string_view k) { separate(); out_ += hivekit::jsonQuoted(k); out_ += ':'; afterKey_ = true; return *this; }
Json& Json::value(std::string_view s) { separate(); out_ += hivekit::jsonQuoted(s); return *this; }
Json& Json::value(uint64_t n) { separate(); out_ += std::to_string(n); return *this; }
Json& Json::value(int64_t n) { separate(); out_ += std::to_string(n); return *this; }
Json& Json::value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
Json& Json::null() { separate(); out_ += "null"; return *this; }

}  // namespace hivectl
