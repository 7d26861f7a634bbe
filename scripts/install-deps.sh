#!/usr/bin/env bash
# Installs the Debian 12 packages nnlab needs to build, run and test — only those missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build git
  libeigen3-dev nlohmann-json3-dev libopenblas-serial-dev
  libgtest-dev libgmock-dev libbenchmark-dev libfann-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-qpa-plugins libgl-dev fonts-dejavu-core fonts-wqy-microhei
  clang-14 libclang-rt-14-dev
  dpkg-dev desktop-file-utils appstream
  libonnx-dev libprotobuf-dev python3-onnx python3-numpy
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n xvfb xauth
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "All build dependencies are installed."
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"
