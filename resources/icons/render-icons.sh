#!/usr/bin/env bash
# Renders quarry.svg into the hicolor PNG sizes that are committed beside it. Run after editing the SVG
# (needs rsvg-convert, Debian package librsvg2-bin); the build itself only copies the files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 22 24 32 48 64 128 256; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" quarry.svg --output "hicolor/${size}x${size}/apps/quarry.png"
done
