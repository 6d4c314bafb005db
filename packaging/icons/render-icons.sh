#!/usr/bin/env bash
# Renders the committed PNG sizes of the application icon from hivekit.svg
# (needs rsvg-convert: Debian's librsvg2-bin). Run after editing the SVG and
# commit the PNGs with it; the build installs the PNGs as they are, so that
# building HiveKit does not need an SVG renderer.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  rsvg-convert --width "$size" --height "$size" hivekit.svg --output "hivekit-$size.png"
done
