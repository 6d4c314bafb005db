// Artefact tables as text for people and as CSV and JSON for tools
// (pandas, jq, a spreadsheet). hivectl and the GUI's export both write
// through here, so the two give the same files.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "artefacts/Artefact.h"

namespace hivekit::artefacts {

/// A field as text: times as UTC ISO 8601, bytes as lower-case hex without
/// spaces, booleans as "true"/"false", an empty field as "".
std::string fieldText(const Field& field);

/// RFC 4180 CSV: a header row of the column names then "key", "value" and
/// "note" (the row's source and note), one line per row, CRLF line ends,
/// fields quoted when they hold a comma, quote or line break.
void writeCsv(const ArtefactTable& table, std::ostream& out);

/// One JSON document for the tables of one hive:
/// {"hive": PATH, "kind": KIND, "artefacts": [{"name", "title", "columns":
/// [{"name", "type"}], "rows": [{COLUMN: VALUE, ..., "_key", "_value",
/// "_note"}], "error"}]}. Integers and booleans are JSON numbers and
/// booleans; times ISO 8601 strings; empty fields null.
void writeJson(const std::string& hivePath, HiveKind kind, const std::vector<ArtefactTable>& tables,
               std::ostream& out);

/// The tables for reading: per table a "== Title (name): N rows" heading,
/// then one line per row, fields separated by tabs, and the source.
void writeText(const std::vector<ArtefactTable>& tables, std::ostream& out);

}  // namespace hivekit::artefacts
