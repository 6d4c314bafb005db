// The security descriptor held by an sk cell: a self-relative
// SECURITY_DESCRIPTOR (MS-DTYP 2.4.6) with its SIDs (2.4.2), ACLs (2.4.5) and
// ACEs (2.4.4), decoded for display as SDDL and as readable lines.
//
// Layout of the self-relative form (all little-endian, offsets relative to
// the start of the descriptor, 0 meaning "absent"):
//
//   0x00 u8   Revision      always 1
//   0x01 u8   Sbz1          resource-manager control bits, usually 0
//   0x02 u16  Control       SE_* flags below
//   0x04 u32  OffsetOwner   SID
//   0x08 u32  OffsetGroup   SID
//   0x0C u32  OffsetSacl    ACL
//   0x10 u32  OffsetDacl    ACL
//
// Decoding never reads outside the given bytes. Damage below the header is
// not fatal: what can be read is kept and each problem is recorded as a
// warning (see SecurityDescriptor::warnings).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "format/ByteReader.h"
#include "util/Error.h"

namespace hivekit {

// ---- Constants (winnt.h names in comments: the macros of <windows.h> would
// clash with the same identifiers) -------------------------------------------

namespace sd {
inline constexpr size_t kHeaderSize = 0x14;
inline constexpr uint8_t kRevision = 1;

// SECURITY_DESCRIPTOR_CONTROL
inline constexpr uint16_t kSeOwnerDefaulted = 0x0001;  // SE_OWNER_DEFAULTED
inline constexpr uint16_t kSeGroupDefaulted = 0x0002;  // SE_GROUP_DEFAULTED
inline constexpr uint16_t kSeDaclPresent = 0x0004;  // SE_DACL_PRESENT
inline constexpr uint16_t kSeDaclDefaulted = 0x0008;  // SE_DACL_DEFAULTED
inline constexpr uint16_t kSeSaclPresent = 0x0010;  // SE_SACL_PRESENT
inline constexpr uint16_t kSeSaclDefaulted = 0x0020;  // SE_SACL_DEFAULTED
inline constexpr uint16_t kSeDaclUntrusted = 0x0040;  // SE_DACL_UNTRUSTED
inline constexpr uint16_t kSeServerSecurity = 0x0080;  // SE_SERVER_SECURITY
inline constexpr uint16_t kSeDaclAutoInheritReq = 0x0100;  // SE_DACL_AUTO_INHERIT_REQ
inline constexpr uint16_t kSeSaclAutoInheritReq = 0x0200;  // SE_SACL_AUTO_INHERIT_REQ
inline constexpr uint16_t kSeDaclAutoInherited = 0x0400;  // SE_DACL_AUTO_INHERITED
inline constexpr uint16_t kSeSaclAutoInherited = 0x0800;  // SE_SACL_AUTO_INHERITED
inline constexpr uint16_t kSeDaclProtected = 0x1000;  // SE_DACL_PROTECTED
inline constexpr uint16_t kSeSaclProtected = 0x2000;  // SE_SACL_PROTECTED
inline constexpr uint16_t kSeRmControlValid = 0x4000;  // SE_RM_CONTROL_VALID
inline constexpr uint16_t kSeSelfRelative = 0x8000;  // SE_SELF_RELATIVE

// ACE header flags
inline constexpr uint8_t kObjectInheritAce = 0x01;  // OBJECT_INHERIT_ACE
inline constexpr uint8_t kContainerInheritAce = 0x02;  // CONTAINER_INHERIT_ACE
inline constexpr uint8_t kNoPropagateInheritAce = 0x04;  // NO_PROPAGATE_INHERIT_ACE
inline constexpr uint8_t kInheritOnlyAce = 0x08;  // INHERIT_ONLY_ACE
inline constexpr uint8_t kInheritedAce = 0x10;  // INHERITED_ACE
inline constexpr uint8_t kCriticalAceFlag = 0x20;  // CRITICAL_ACE_FLAG
inline constexpr uint8_t kSuccessfulAccessAceFlag = 0x40;  // SUCCESSFUL_ACCESS_ACE_FLAG
inline constexpr uint8_t kFailedAccessAceFlag = 0x80;  // FAILED_ACCESS_ACE_FLAG

// Access rights: the registry-specific ones, then standard and generic.
inline constexpr uint32_t kKeyQueryValue = 0x0001;  // KEY_QUERY_VALUE
inline constexpr uint32_t kKeySetValue = 0x0002;  // KEY_SET_VALUE
inline constexpr uint32_t kKeyCreateSubKey = 0x0004;  // KEY_CREATE_SUB_KEY
inline constexpr uint32_t kKeyEnumerateSubKeys = 0x0008;  // KEY_ENUMERATE_SUB_KEYS
inline constexpr uint32_t kKeyNotify = 0x0010;  // KEY_NOTIFY
inline constexpr uint32_t kKeyCreateLink = 0x0020;  // KEY_CREATE_LINK
inline constexpr uint32_t kKeyWow64_64Key = 0x0100;  // KEY_WOW64_64KEY
inline constexpr uint32_t kKeyWow64_32Key = 0x0200;  // KEY_WOW64_32KEY
inline constexpr uint32_t kDelete = 0x00010000;  // DELETE
inline constexpr uint32_t kReadControl = 0x00020000;  // READ_CONTROL
inline constexpr uint32_t kWriteDac = 0x00040000;  // WRITE_DAC
inline constexpr uint32_t kWriteOwner = 0x00080000;  // WRITE_OWNER
inline constexpr uint32_t kSynchronize = 0x00100000;  // SYNCHRONIZE
inline constexpr uint32_t kAccessSystemSecurity = 0x01000000;  // ACCESS_SYSTEM_SECURITY
inline constexpr uint32_t kMaximumAllowed = 0x02000000;  // MAXIMUM_ALLOWED
inline constexpr uint32_t kGenericAll = 0x10000000;  // GENERIC_ALL
inline constexpr uint32_t kGenericExecute = 0x20000000;  // GENERIC_EXECUTE
inline constexpr uint32_t kGenericWrite = 0x40000000;  // GENERIC_WRITE
inline constexpr uint32_t kGenericRead = 0x80000000;  // GENERIC_READ
inline constexpr uint32_t kKeyRead = 0x00020019;  // KEY_READ == KEY_EXECUTE
inline constexpr uint32_t kKeyWrite = 0x00020006;  // KEY_WRITE
inline constexpr uint32_t kKeyAllAccess = 0x000F003F;  // KEY_ALL_ACCESS

// SYSTEM_MANDATORY_LABEL_ACE access mask
inline constexpr uint32_t kSystemMandatoryLabelNoWriteUp = 0x1;  // SYSTEM_MANDATORY_LABEL_NO_WRITE_UP
inline constexpr uint32_t kSystemMandatoryLabelNoReadUp = 0x2;  // SYSTEM_MANDATORY_LABEL_NO_READ_UP
inline constexpr uint32_t kSystemMandatoryLabelNoExecuteUp = 0x4;  // SYSTEM_MANDATORY_LABEL_NO_EXECUTE_UP

// Object ACE Flags field
inline constexpr uint32_t kAceObjectTypePresent = 0x1;  // ACE_OBJECT_TYPE_PRESENT
inline constexpr uint32_t kAceInheritedObjectTypePresent = 0x2;  // ACE_INHERITED_OBJECT_TYPE_PRESENT

inline constexpr size_t kMaxSubAuthorities = 15;  // SID_MAX_SUB_AUTHORITIES
}  // namespace sd

/// The ACE types of MS-DTYP 2.4.4.1 (AceType byte).
enum class AceType : uint8_t {
    AccessAllowed = 0x00,
    AccessDenied = 0x01,
    SystemAudit = 0x02,
    SystemAlarm = 0x03,
    AccessAllowedCompound = 0x04,
    AccessAllowedObject = 0x05,
    AccessDeniedObject = 0x06,
    SystemAuditObject = 0x07,
    SystemAlarmObject = 0x08,
    AccessAllowedCallback = 0x09,
    AccessDeniedCallback = 0x0A,
    AccessAllowedCallbackObject = 0x0B,
    AccessDeniedCallbackObject = 0x0C,
    SystemAuditCallback = 0x0D,
    SystemAlarmCallback = 0x0E,
    SystemAuditCallbackObject = 0x0F,
    SystemAlarmCallbackObject = 0x10,
    SystemMandatoryLabel = 0x11,
    SystemResourceAttribute = 0x12,
    SystemScopedPolicyId = 0x13,
    SystemProcessTrustLabel = 0x14,
    SystemAccessFilter = 0x15,
};

// ---- SIDs --------------------------------------------------------------------

/// A security identifier: S-<revision>-<authority>-<sub>-<sub>...
struct Sid {
    uint8_t revision = 1;
    uint64_t authority = 0;  ///< the 48-bit IdentifierAuthority (big-endian on disk)
    std::vector<uint32_t> subAuthorities;

    /// "S-1-5-32-544"; an authority of 2^32 or more in hex ("S-1-0x0000FFFFFFFF-...").
    std::string toString() const;
    /// The account name of a well-known SID ("BUILTIN\Administrators",
    /// "NT AUTHORITY\SYSTEM", "Everyone"), a generic description of a class of
    /// SIDs ("Domain Users (domain RID 513)", "NT SERVICE\(service SID)"), or
    /// "" when nothing is known about it.
    std::string name() const;
    /// The two-letter SDDL alias ("BA", "SY", "WD"), or "" when it has none.
    /// Domain-relative SIDs get none: their alias would depend on the machine.
    std::string_view sddlAlias() const;
    /// The alias where one exists, else toString().
    std::string toSddl() const;
    /// "BUILTIN\Administrators (S-1-5-32-544)", or the bare string.
    std::string display() const;

    /// Bytes on disk: 8 + 4 per sub-authority.
    size_t encodedSize() const { return 8 + 4 * subAuthorities.size(); }

    bool operator==(const Sid&) const = default;
};

/// Parses "S-1-5-32-544" (decimal or 0x-hex authority); nullopt when malformed.
std::optional<Sid> parseSid(std::string_view text);

/// One row of the table of well-known SIDs behind Sid::name() and
/// Sid::sddlAlias().
struct WellKnownSid {
    std::string_view sid;    ///< "S-1-5-32-544"
    std::string_view name;   ///< "BUILTIN\Administrators"
    std::string_view alias;  ///< SDDL alias ("BA"), "" when none
};

/// Every SID whose name does not depend on a machine or domain, in the
/// order the engine knows them: what tests check against other
/// implementations (Samba's SDDL, MS-DTYP).
std::span<const WellKnownSid> wellKnownSids();

// ---- ACEs and ACLs -------------------------------------------------------------

/// A GUID as stored (Data1, Data2, Data3 little-endian, then 8 bytes).
struct Guid {
    std::array<uint8_t, 16> bytes{};
    /// "bf967aba-0de6-11d0-a285-00aa003049e2" (lowercase, no braces, as SDDL prints it).
    std::string toString() const;
    bool operator==(const Guid&) const = default;
};

/// One access control entry. Every ACE found is kept: `raw` always holds its
/// bytes; the other fields are filled when `decoded` is true (the type is
/// known and its body fits inside its declared size).
struct Ace {
    uint8_t type = 0;      ///< the AceType byte (may be a value AceType does not name)
    uint8_t flags = 0;     ///< AceFlags (sd::kObjectInheritAce ...)
    uint16_t size = 0;     ///< AceSize as stored
    uint64_t fileOffset = 0;  ///< absolute file offset of the ACE header
    std::vector<uint8_t> raw; ///< the ACE's bytes, header included

    bool decoded = false;
    uint32_t mask = 0;
    std::optional<Sid> sid;
    uint32_t objectFlags = 0;               ///< object ACEs only
    std::optional<Guid> objectType;         ///< object ACEs only
    std::optional<Guid> inheritedObjectType;///< object ACEs only
    /// Bytes after the SID inside the ACE: a callback ACE's condition, a
    /// resource attribute, or padding.
    std::vector<uint8_t> applicationData;

    /// "ACCESS_ALLOWED_ACE_TYPE" ..., or "ACE type 0x1b" when unknown.
    std::string typeName() const;
    /// The SDDL type ("A", "D", "AU", "ML", "OA", "XA"...), "" when SDDL has none.
    std::string_view sddlType() const;
    /// The flags in SDDL ("OICIIOID"); unknown bits are not printed.
    std::string sddlFlags() const;
    /// "(A;CI;KA;;;BA)"; "" for an ACE that SDDL cannot represent (unknown
    /// type or not decoded). Callback conditions and resource attributes are
    /// not decoded and are left out.
    std::string toSddl() const;
    /// "Allow  BUILTIN\Administrators  Full control (KEY_ALL_ACCESS)  this key and subkeys".
    std::string describe() const;
};

/// An access control list.
struct Acl {
    uint8_t revision = 0;     ///< 2 (ACL_REVISION) or 4 (ACL_REVISION_DS)
    uint16_t size = 0;        ///< AclSize as stored
    uint16_t aceCount = 0;    ///< AceCount as stored (may exceed aces.size() when damaged)
    uint64_t fileOffset = 0;  ///< absolute file offset of the ACL header
    std::vector<Ace> aces;    ///< the ACEs that could be read, in order
};

/// SDDL of an access mask: a whole alias ("KA", "KR", "KW", "FA", "GA"), else
/// the per-bit aliases in bit order ("CCDCLCSWRPSDRC"), else "0x..." when a
/// bit has none. `mandatoryLabel` selects NW/NR/NX for the label ACE's mask.
std::string accessMaskSddl(uint32_t mask, bool mandatoryLabel = false);
/// Names of the rights in a registry key's access mask, one per right,
/// wholes first recognised ("KEY_ALL_ACCESS"), unknown bits as "0x...".
std::vector<std::string> keyAccessRightNames(uint32_t mask);
/// "Full control (KEY_ALL_ACCESS)", "Read (KEY_READ)",
/// "Special (KEY_QUERY_VALUE, DELETE)".
std::string describeKeyAccess(uint32_t mask);

// ---- The descriptor ------------------------------------------------------------

struct SecurityDescriptor {
    uint8_t revision = sd::kRevision;
    uint8_t sbz1 = 0;
    uint16_t control = 0;
    uint32_t ownerOffset = 0;  ///< as stored, relative to the descriptor
    uint32_t groupOffset = 0;
    uint32_t saclOffset = 0;
    uint32_t daclOffset = 0;
    uint64_t fileOffset = 0;   ///< absolute file offset of the descriptor

    std::optional<Sid> owner;  ///< absent when the offset is 0 or the SID is damaged
    std::optional<Sid> group;
    std::optional<Acl> sacl;   ///< absent when not present, NULL, or unreadable
    std::optional<Acl> dacl;
    /// Problems found below the header, each with its message and absolute
    /// offset. Non-empty means the decode is partial.
    std::vector<Error> warnings;

    bool daclPresent() const { return (control & sd::kSeDaclPresent) != 0; }
    bool saclPresent() const { return (control & sd::kSeSaclPresent) != 0; }
    /// A present DACL stored as offset 0: everyone has full access.
    bool nullDacl() const { return daclPresent() && daclOffset == 0; }
    bool nullSacl() const { return saclPresent() && saclOffset == 0; }

    /// The SDDL form as Windows prints it: "O:BAG:SYD:PAI(A;CI;KA;;;BA)...".
    /// A part whose bytes are damaged beyond reading is left out; a damaged
    /// ACL prints the ACEs that were read.
    std::string toSddl() const;
    /// Readable lines for a details pane: owner, group, control, each ACL
    /// and each ACE, then one line per warning.
    std::vector<std::string> describe() const;
};

/// "SE_DACL_PRESENT | SE_SELF_RELATIVE", unknown bits as hex; "none" for 0.
std::string controlFlagNames(uint16_t control);

/// Decodes a self-relative security descriptor. `fileOffset` is the absolute
/// file offset of bytes[0] (for an sk cell: cell offset + 4 + 0x14); it
/// appears in messages and in the decoded offsets.
/// Fails only when the 20-byte header cannot be read or its revision is not
/// 1; anything damaged below the header becomes a warning.
[[nodiscard]] Result<SecurityDescriptor> decodeSecurityDescriptor(Bytes bytes, uint64_t fileOffset);

}  // namespace hivekit
