// A minimal streaming JSON writer for hivectl's --json output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hivectl {

/// Writes JSON text into a string; the caller nests begin/end calls.
/// Strings are UTF-8; control characters and invalid bytes are escaped.
class Json {
public:
    Json& beginObject();
    Json& endObject();
    Json& beginArray();
    Json& endArray();
    Json& key(std::string_view k);
    Json& value(std::string_view s);
    Json& value(const char* s) { return value(std::string_view(s)); }
    Json& value(const std::string& s) { return value(std::string_view(s)); }
    Json& value(uint64_t n);
    Json& value(int64_t n);
    Json& value(uint32_t n) { return value(uint64_t{n}); }
    Json& value(int n) { return value(int64_t{n}); }
    Json& value(bool b);
    Json& null();
    template <class T>
    Json& field(std::string_view k, const T& v) { key(k); return value(v); }

    const std::string& str() const { return out_; }

private:
    void separate();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element yet
    bool afterKey_ = false;
};

}  // namespace hivectl
