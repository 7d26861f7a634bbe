#!/usr/bin/env bash
# Renders the icon's PNG sizes from nnlab.svg and, below 48 px, from nnlab-small.svg, which is
# drawn on the pixel grid. The PNGs are committed, so building needs no SVG renderer; nnlab.svg
# itself is installed as the scalable icon. Run after editing either SVG; needs rsvg-convert
# (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
name=io.github.nnlab.nnlab
for size in 16 22 24 32 48 64 128 256; do
  source=nnlab.svg
  [ "$size" -lt 48 ] && source=nnlab-small.svg
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" "$source" -o "hicolor/${size}x${size}/apps/$name.png"
done
