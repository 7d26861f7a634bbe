#!/usr/bin/env bash
# Builds the Debian package as a user would (the package preset, then cpack), unpacks it into a
# temporary root, and checks it: its name, fields and computed dependencies; the files a desktop
# expects; both programs running from there, with the kernel variant the dynamic loader picks
# and with the baseline one; the desktop entry and metainfo valid.
#
#   package_test.sh SOURCE_DIR WORK_DIR VERSION [COMPILER_LAUNCHER]
#
# WORK_DIR/build is kept between runs (later runs rebuild only what changed); WORK_DIR/root is
# made afresh. Needs cmake, ninja, dpkg-deb, dpkg-shlibdeps (dpkg-dev), desktop-file-validate
# (desktop-file-utils) and appstreamcli (appstream): scripts/install-deps.sh installs them.
set -euo pipefail

source_dir=$1
work=$2
version=$3
launcher=${4:-}
build=$work/build
root=$work/root
jobs=$(nproc)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== $* ($(date +%T))"; }
# expect TEXT PATTERN WHAT: fails unless TEXT has a line matching the extended regex PATTERN.
expect() { grep -Eq -- "$2" <<<"$1" || fail "$3: no line matches '$2' in:"$'\n'"$1"; }
# expect_text TEXT PART WHAT: fails unless TEXT has a line containing PART as it is.
expect_text() { grep -Fq -- "$2" <<<"$1" || fail "$3: no line contains '$2' in:"$'\n'"$1"; }

for tool in cmake ninja dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done

step "configure and build the package preset in $build"
configure=(cmake -S "$source_dir" -B "$build" --preset package)
[ -n "$launcher" ] && configure+=("-DCMAKE_CXX_COMPILER_LAUNCHER=$launcher")
"${configure[@]}" >"$work.configure.log" 2>&1 || { cat "$work.configure.log"; fail "configure"; }
cmake --build "$build" -j "$jobs" || fail "build"

step "cpack"
rm -f "$build"/nnlab_*.deb
(cd "$build" && cpack -G DEB) || fail "cpack"
architecture=$(dpkg --print-architecture)
deb=$build/nnlab_${version}_${architecture}.deb
[ -f "$deb" ] || fail "no $deb; made: $(ls "$build"/*.deb 2>/dev/null)"

step "package fields"
info=$(dpkg-deb --field "$deb")
expect "$info" "^Package: nnlab$" "package name"
expect "$info" "^Version: ${version//./\\.}$" "version"
expect "$info" "^Architecture: $architecture$" "architecture"
# Computed by dpkg-shlibdeps: the C library, Qt's widgets and the BLAS at least.
expect "$info" "^Depends: .*libc6 \(>= " "computed dependency on libc6"
expect "$info" "^Depends: .*libqt6widgets6" "computed dependency on Qt Widgets"
expect "$info" "^Depends: .*libopenblas" "computed dependency on OpenBLAS"

step "unpack into $root"
rm -rf "$root"
mkdir -p "$root"
dpkg-deb -x "$deb" "$root"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
id=io.github.nnlab.nnlab
libdir=$root/usr/lib/$multiarch/nnlab
for file in usr/bin/nnlab usr/bin/nnlab-cli \
  "usr/lib/$multiarch/nnlab/libnnlab_core.so" \
  "usr/lib/$multiarch/nnlab/glibc-hwcaps/x86-64-v3/libnnlab_core.so" \
  "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
  "usr/share/mime/packages/$id.xml" "usr/share/icons/hicolor/scalable/apps/$id.svg" \
  usr/share/doc/nnlab/copyright usr/share/doc/nnlab/LICENSE usr/share/doc/nnlab/README.md \
  usr/share/doc/nnlab/docs/seed.png; do
  [ -f "$root/$file" ] || fail "the package has no /$file"
done
for size in 16 22 24 32 48 64 128 256; do
  png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
  [ -f "$png" ] || fail "no ${size}px icon"
  # A PNG's width and height are the big-endian words at bytes 16 and 20.
  read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
    awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  [ "$width $height" = "$size $size" ] || fail "the ${size}px icon is ${width}x$height"
done

step "desktop entry and metainfo"
desktop=$root/usr/share/applications/$id.desktop
metainfo=$root/usr/share/metainfo/$id.metainfo.xml
desktop-file-validate "$desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
expect "$(cat "$desktop")" "^Icon=$id$" "the desktop entry's icon"
expect "$(cat "$metainfo")" "<id>$id</id>" "the metainfo's id"
expect "$(cat "$metainfo")" "<launchable type=\"desktop-id\">$id.desktop</launchable>" "launchable"
newest=$(grep -Eo '<release version="[^"]+"' "$metainfo" | head -n1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || fail "the metainfo's newest release is $newest, the package's $version"

cd "$work"
cli=$root/usr/bin/nnlab-cli
gui=$root/usr/bin/nnlab
# The loader's choice: the AVX2 build where the CPU has x86-64-v3, else the baseline one.
loader=$(ls /lib64/ld-linux-x86-64.so.2 2>/dev/null || echo "/lib/$multiarch/ld-linux-x86-64.so.2")
if "$loader" --help | grep -q "x86-64-v3 (supported"; then
  expected_variant="x86-64-v3 (AVX2, FMA), chosen at start-up: $libdir/glibc-hwcaps/x86-64-v3/"
else
  expected_variant="x86-64 (SSE2), chosen at start-up: $libdir/libnnlab_core.so"
fi

step "nnlab-cli from the unpacked root"
report=$("$cli" --version) || fail "nnlab-cli --version"
echo "$report"
expect "$report" "^nnlab-cli ${version//./\\.}$" "nnlab-cli --version: version"
expect "$report" "^git revision: " "nnlab-cli --version: revision"
expect_text "$report" "kernels: $expected_variant" "nnlab-cli --version: the loader's variant"
expect "$report" "Eigen .*\(MPL-2\.0\)" "nnlab-cli --version: Eigen's licence"
expect "$report" "OpenBLAS .*\(BSD-3-Clause\)" "nnlab-cli --version: OpenBLAS's licence"
seed=$("$cli" train --preset seed) || fail "nnlab-cli train --preset seed"
expect "$seed" "^final SSE 0\.0016[0-9]* after 1500 epochs$" "the seed experiment's loss"
# The baseline build, as on a CPU without AVX2 (the loader skips glibc-hwcaps/x86-64-v3).
baseline=$("$loader" --glibc-hwcaps-mask x86-64-v2 "$cli" --version) || fail "baseline --version"
expect_text "$baseline" "kernels: x86-64 (SSE2), chosen at start-up: $libdir/libnnlab_core.so" \
  "the baseline variant"
baseline_seed=$("$loader" --glibc-hwcaps-mask x86-64-v2 "$cli" train --preset seed) ||
  fail "baseline nnlab-cli train --preset seed"
expect "$baseline_seed" "^final SSE 0\.0016[0-9]* after 1500 epochs$" "the baseline's seed loss"

step "nnlab from the unpacked root"
report=$("$gui" --version) || fail "nnlab --version"
expect "$report" "^nnlab ${version//./\\.}$" "nnlab --version: version"
expect_text "$report" "kernels: $expected_variant" "nnlab --version: the loader's variant"
expect "$report" "Qt Charts .*\(GPL-3\.0-only\)" "nnlab --version: Qt Charts' licence"
rm -f window.png
XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache \
  "$gui" --preset seed --train-for 1 --screenshot window.png --quit ||
  fail "nnlab --preset seed --train-for 1 --screenshot window.png --quit"
[ "$(head -c 8 window.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  fail "the window's screenshot is not a PNG"

step "the package is good: $deb"
