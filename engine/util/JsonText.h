// JSON string literals: the one escaping of text for every JSON the engine
// and hivectl write.
#pragma once

#include <string>
#include <string_view>

namespace hivekit {

/// `text` (UTF-8, or WTF-8 from a hive's names) as a JSON string literal
/// with its quotes: '"', '\' and control characters escaped (\n, \r, \t,
/// else \u00XX); UTF-8 sequences as they are; a lone UTF-16 surrogate
/// (WTF-8's 3-byte form, which is not UTF-8) as its \uXXXX escape; any other
/// ill-formed byte sequence as \ufffd. The result is always valid UTF-8.
std::string jsonQuoted(std::string_view text);

}  // namespace hivekit
