// Helpers of the hivectl tests: substring checks and queries over JSON
// output (python's json module is the independent parser).
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/TestSupport.h"

namespace clitest {

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// What python prints for `expr` over the JSON text (`d` is the document).
inline std::string pyJson(const std::string& text, const std::string& expr) {
    testsupport::TempDir dir;
    testsupport::writeFile(dir.file("x.json"), std::vector<uint8_t>(text.begin(), text.end()));
    auto r = testsupport::run({"/usr/bin/python3", "-c",
                               "import json,sys; d=json.load(open(sys.argv[1])); print(" + expr + ")",
                               dir.file("x.json")});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    return r.out;
}

}  // namespace clitest
