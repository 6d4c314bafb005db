#!/usr/bin/env bash
# Installs what HiveKit needs to build and test on Debian 12 (as root, or
# through sudo when available).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
packages=(
  build-essential cmake ninja-build pkg-config ccache xz-utils
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libqt6svg6
  catch2
  libhivex-dev libhivex-bin python3-hivex libwin-hivex-perl libregf-utils reglookup
  regripper libfwsi-dev
  sleuthkit
  qt6-translations-l10n
  python3-samba
  clang-19 libclang-rt-19-dev
  xvfb xauth
  appstream desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl libxml2-utils groff-base dpkg-dev
)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
