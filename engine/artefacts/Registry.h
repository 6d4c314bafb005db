// The registry of artefact decoders: every decoder HiveKit has, found by
// name or by the hive kinds it applies to, and run on a hive.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "artefacts/Decoder.h"

namespace hivekit::artefacts {

/// Every decoder, grouped by hive kind, in a fixed order.
std::span<const Decoder* const> allDecoders();

/// The decoder called `name` (case-insensitive), or null.
const Decoder* findDecoder(std::string_view name);

/// The decoders that apply to a hive of `kind`, in allDecoders() order.
std::vector<const Decoder*> decodersFor(HiveKind kind);

/// Runs one decoder: its columns and rows, every row checked to have one
/// field per column (a decoder bug becomes the table's error, not a crash).
ArtefactTable runDecoder(const Decoder& decoder, const DecodeContext& context);

// Each group of decoders adds itself here (one function per source file).
void addNtUserDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addShellbagDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addSystemDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addSoftwareDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addSamDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addAmcacheDecoders(std::vector<std::unique_ptr<Decoder>>& out);
void addBcdDecoders(std::vector<std::unique_ptr<Decoder>>& out);

}  // namespace hivekit::artefacts
