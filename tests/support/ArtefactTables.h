// Test helpers for artefact decoders: one decoder run on a hive file, and a
// row's field by column name as the CSV writes it.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "artefacts/HiveKind.h"
#include "artefacts/Registry.h"
#include "artefacts/TableWriter.h"

namespace testsupport {

/// The table of decoder `name` on the hive file at `path` (logs replayed),
/// REQUIREd to open, to exist and to run without a table error.
inline hivekit::artefacts::ArtefactTable decodeHiveFile(const std::string& path, const char* name) {
    auto hive = hivekit::Hive::open(path);
    REQUIRE(hive);
    hivekit::artefacts::DecodeContext context(**hive, hivekit::artefacts::detectHiveKind(**hive));
    const hivekit::artefacts::Decoder* decoder = hivekit::artefacts::findDecoder(name);
    REQUIRE(decoder);
    hivekit::artefacts::ArtefactTable table = hivekit::artefacts::runDecoder(*decoder, context);
    REQUIRE(table.error.empty());
    return table;
}

/// The field of `row` in the column called `column`, as text (FAILs when
/// the table has no such column).
inline std::string columnText(const hivekit::artefacts::ArtefactTable& table, const hivekit::artefacts::Row& row,
                              std::string_view column) {
    for (size_t i = 0; i < table.columns.size(); ++i)
        if (table.columns[i].name == column) return hivekit::artefacts::fieldText(row.fields.at(i));
    FAIL("no column " << column);
    return {};
}

}  // namespace testsupport
