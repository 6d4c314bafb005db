#!/usr/bin/env bash
# Builds HiveKit's Debian packages with CPack, installs the hivekit package
# with apt-get (which pulls in its dependencies), and tries what it installed:
# hivectl on a hive, the GUI's --version offscreen, the MIME type and the
# desktop entry as the system now sees them. Removes the package at the end,
# also when a step fails. Needs root (CI runs it from .ci/run); ctest never
# does this.
#
#   tests/packaging/test-deb.sh [BUILD_DIR]     (default: build, as .ci/run makes it)
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${1:-build}"

if [ "$(id -u)" != 0 ]; then
  echo "test-deb.sh: installs a package, so it needs root" >&2
  exit 2
fi
if [ ! -f "$build/CPackConfig.cmake" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build"
# A hive of the test corpus, as the build unpacked it (an absolute path: the
# steps below run in another folder).
hive="$(cd "$build" && pwd)/tests/data/hives/regipy/SAM"

out="$(mktemp -d)"
cleanup() {
  if dpkg -s hivekit >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq hivekit >/dev/null
  fi
  rm -rf "$out"
}
trap cleanup EXIT

echo "== cpack -G DEB"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out"
cd "$out"
ls -l ./*.deb
dpkg-deb --field ./hivekit_*.deb Package Version Depends Recommends
# Qt's own dialogs speak the user's language only with Qt's translations.
dpkg-deb --field ./hivekit_*.deb Depends | grep -q qt6-translations-l10n

echo "== apt-get install ./hivekit_*.deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./hivekit_*.deb >/dev/null
dpkg -s hivekit | grep -E '^(Status|Version):'

echo "== hivectl info (installed)"
test "$(command -v hivectl)" = /usr/bin/hivectl
hivectl info "$hive"
hivectl --version

echo "== hivekit --version (installed, offscreen)"
test "$(command -v hivekit)" = /usr/bin/hivekit
version="$(QT_QPA_PLATFORM=offscreen hivekit --version)"
echo "$version"
case "$version" in
  "HiveKit "[0-9]*) ;;
  *) echo "test-deb.sh: unexpected hivekit --version output: $version" >&2; exit 1 ;;
esac

echo "== the desktop sees the package"
desktop-file-validate /usr/share/applications/hivekit.desktop
test -f /usr/share/icons/hicolor/scalable/apps/hivekit.svg
test -f /usr/share/metainfo/io.github.hivekit.HiveKit.metainfo.xml
man -w hivectl >/dev/null 2>&1 || test -f /usr/share/man/man1/hivectl.1.gz
# shared-mime-info's trigger has compiled the MIME package: a hive under a
# meaningless name is recognised by its content.
cp "$hive" "$out/evidence-0017"
type="$(env -u XDG_CURRENT_DESKTOP xdg-mime query filetype "$out/evidence-0017")"
echo "evidence-0017: $type"
test "$type" = application/x-windows-registry-hive

echo "== apt-get remove hivekit"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq hivekit >/dev/null
if [ -e /usr/bin/hivectl ] || [ -e /usr/bin/hivekit ]; then
  echo "test-deb.sh: the programs are still there after removal" >&2
  exit 1
fi
echo "test-deb.sh: the .deb installed, ran and was removed"
