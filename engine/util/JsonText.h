// JSON string literals: the one escaping of text for every JSON the engine
// and hivectl write.
#pragma once

#include <string>
#include <string_view>

namespace hivekit {

/// `text` as a JSON string literal with its quotes: '"', '\' and control
/// characters escaped (\n, \r, \t, else \u00XX); other bytes, UTF-8
/// included, as they are.
std::string jsonQuoted(std::string_view text);

}  // namespace hivekit
