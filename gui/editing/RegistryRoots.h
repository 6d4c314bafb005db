// RegistryRoots: where Windows mounts a hive, as regedit names it. A hive
// does not record where it is loaded; its kind (artefacts/HiveKind.h) says
// where Windows puts it: SYSTEM under HKEY_LOCAL_MACHINE\SYSTEM, NTUSER.DAT
// as HKEY_CURRENT_USER, UsrClass.dat as HKEY_CURRENT_USER\Software\Classes.
// Export Key offers these as the root written in key lines, and error texts
// show paths under it.
#pragma once

#include <QString>
#include <QStringList>

#include "hive/Hive.h"

namespace hivekit::gui {

/// The root a .reg export of `hive` writes by default: the mount point of
/// its kind, or HKEY_LOCAL_MACHINE\<file name> for a hive of no known kind.
/// `fileName` is the hive's file name (for the unknown kinds).
QString defaultRegistryRoot(const Hive& hive, const QString& fileName);

/// The roots Export Key offers, the default first: HKEY_LOCAL_MACHINE\SYSTEM,
/// HKEY_LOCAL_MACHINE\SOFTWARE, HKEY_CURRENT_USER, its Software\Classes,
/// HKEY_USERS\<name>, the root key's own name ...; no duplicates.
QStringList registryRootChoices(const Hive& hive, const QString& fileName);

/// The root prefix a .reg file written with `root` needs on import: the
/// automatic rule (regfile/RegFile.h) reads one component unless the first
/// is HKEY_LOCAL_MACHINE or HKEY_USERS, so a deeper root such as
/// HKEY_CURRENT_USER\Software\Classes must be given; "" when the rule finds
/// it by itself.
QString importPrefixFor(const QString& root);

}  // namespace hivekit::gui
