// Which hive a file is (SYSTEM, NTUSER.DAT, ...), for choosing the
// artefact decoders that apply to it.
#pragma once

#include "artefacts/Artefact.h"
#include "hive/Hive.h"

namespace hivekit::artefacts {

/// The kind of hive, from the names of the root key's subkeys (each kind
/// has a signature set: SYSTEM's Select and ControlSet00N, SAM's SAM\Domains,
/// ...), then from the file name the base block records
/// ("\??\C:\Windows\System32\config\SOFTWARE") when the subkeys say nothing.
HiveKind detectHiveKind(const Hive& hive);

}  // namespace hivekit::artefacts
