#!/usr/bin/env bash
# CI package stage, the last stage of .ci/run, and runnable alone as root:
#   packaging/ci-package.sh [BUILD_DIR]            (default: build-release)
# Builds the .deb and the .tar.gz, installs the .deb with apt-get as a user would, runs the installed quarry
# (commands, and the window under Xvfb, whose every loaded library must come from the package's dependencies),
# validates the desktop entry and the AppStream metadata, checks that every place shows the one version,
# runs lintian on the .deb (errors and warnings fail), then removes the package again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${1:-build-release}
app_id=io.github.quarry.Quarry

if [[ $(id -u) -ne 0 ]]; then
  echo "packaging/ci-package.sh installs a package with apt-get: run it as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive

# The tools this stage needs are in scripts/debian-packages.txt; install any that are missing, as dev.sh does.
mapfile -t wanted < <(grep -v '^\s*#' scripts/debian-packages.txt | sed '/^\s*$/d')
missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
expect_equal() { # what, expected, actual
  [[ "$2" == "$3" ]] || fail "$1: expected \"$2\", got \"$3\""
  echo "ok: $1 is $3"
}

echo "== Build the packages"
packaging/build-packages.sh "$build_dir"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
[[ -n "$version" ]] || fail "no project version in $build_dir/CMakeCache.txt"
package=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_NAME "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
[[ -n "$package" ]] || fail "no Debian package name in $build_dir/CPackConfig.cmake"
arch=$(dpkg --print-architecture)
deb="$PWD/$build_dir/${package}_${version}_${arch}.deb"
tarball="$PWD/$build_dir/quarry-${version}-Linux-$(uname -m).tar.gz"
[[ -f "$deb" ]] || fail "$deb was not built"
[[ -f "$tarball" ]] || fail "$tarball was not built"
tar -tzf "$tarball" | grep -qx "quarry-${version}-Linux-$(uname -m)/bin/quarry" || fail "the tarball holds no bin/quarry"
echo "ok: built $(basename "$deb") and $(basename "$tarball")"

echo "== Package contents"
dpkg-deb --info "$deb"
dpkg-deb --field "$deb" Depends | grep -q 'libqt6sql6-sqlite' || fail "Depends lacks the SQLite driver plugin"
dpkg-deb --field "$deb" Depends | grep -q 'libqt6widgets6' || fail "Depends lacks what dpkg-shlibdeps finds"
file_info=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/quarry | file -)
[[ "$file_info" == *", stripped"* ]] || fail "usr/bin/quarry is not stripped: $file_info"

echo "== Install with apt-get"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if installed "$package"; then
  fail "$package is already installed; remove it first (apt-get remove $package)"
fi
tmp=$(mktemp -d)
cleanup() {
  if installed "$package"; then
    apt-get remove -y -q "$package" >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
apt-get install -y -q "$deb"

echo "== Run the installed quarry"
[[ $(command -v quarry) == /usr/bin/quarry ]] || fail "quarry on PATH is $(command -v quarry), not /usr/bin/quarry"
/usr/bin/quarry --version
/usr/bin/quarry --help >/dev/null
# Run from a neutral folder with a clean environment, so nothing from the build tree can be picked up.
(cd "$tmp" && env -i PATH=/usr/bin:/bin HOME="$tmp" /usr/bin/quarry init "$tmp/x.db" --demo)
check_json=$(cd "$tmp" && env -i PATH=/usr/bin:/bin HOME="$tmp" /usr/bin/quarry check "$tmp/x.db" --format json)
echo "$check_json"
grep -q '"schema_version": 3' <<<"$check_json" || fail "check does not report schema version 3"
grep -q '"users": 3' <<<"$check_json" || fail "check does not count the 3 sample users"

echo "== The window starts from the package alone"
packaging/check-loaded-libraries.sh "$package"

echo "== One version everywhere"
expect_equal "quarry --version" "quarry $version" "$(/usr/bin/quarry --version)"
expect_equal "the installed package's version" "$version" "$(dpkg-query -W -f='${Version}' "$package")"
# No package of the same name in the configured archives may look newer: apt would "upgrade" Quarry into it.
expect_equal "apt's candidate for $package" "$version" \
  "$(apt-cache policy "$package" | sed -n 's/^  Candidate: //p')"
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
expect_equal "the metainfo's newest release" "$version" \
  "$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | sed 's/.*version="\([^"]*\)"/\1/')"
expect_equal "the changelog's newest entry" "$version" \
  "$(zcat "/usr/share/doc/$package/changelog.gz" | head -n 1 | sed 's/^[^ ]* (\([^)]*\)).*/\1/')"
expect_equal "the manual page's version" "Quarry $version" \
  "$(zcat /usr/share/man/man1/quarry.1.gz | sed -n 's/^\.TH QUARRY 1 [^ ]* "\([^"]*\)".*/\1/p')"

echo "== Desktop integration"
desktop=/usr/share/applications/$app_id.desktop
desktop-file-validate "$desktop"
echo "ok: desktop-file-validate $desktop"
appstreamcli validate --no-net "$metainfo"
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256; do
  icon=/usr/share/icons/hicolor/$size/apps/$app_id.png
  [[ -f "$icon" ]] || fail "missing $icon"
  [[ $(file -b "$icon") == "PNG image data, ${size/x/ x }"* ]] || fail "$icon is not a $size PNG: $(file -b "$icon")"
done
[[ -f /usr/share/icons/hicolor/scalable/apps/$app_id.svg ]] || fail "missing the scalable icon"
echo "ok: icons at every size"
# dpkg's trigger ran update-desktop-database: file managers now offer Quarry for SQLite files.
for type in application/vnd.sqlite3 application/x-sqlite3; do
  grep -q "^$type=.*$app_id.desktop" /usr/share/applications/mimeinfo.cache || fail "Quarry is not offered for $type"
done
echo "ok: Quarry is registered for application/vnd.sqlite3 and application/x-sqlite3"
zcat /usr/share/man/man1/quarry.1.gz | grep -q '^\.SS "generate' || fail "the manual page lacks the generate command"

echo "== lintian"
# lintian advises against running as root; run it as nobody when nobody can read the package.
lintian_flags=(--info --display-info --fail-on error,warning)
if runuser -u nobody -- test -r "$deb" 2>/dev/null; then
  lintian_home=$(mktemp -d -p "$tmp")
  chown nobody "$lintian_home"
  runuser -u nobody -- env HOME="$lintian_home" TMPDIR="$lintian_home" lintian "${lintian_flags[@]}" "$deb"
else
  lintian "${lintian_flags[@]}" "$deb"
fi
echo "ok: lintian reports no errors and no warnings"

echo "== Remove"
apt-get remove -y -q "$package"
[[ ! -e /usr/bin/quarry ]] || fail "/usr/bin/quarry is still there after removal"
[[ ! -e "$desktop" ]] || fail "$desktop is still there after removal"
echo "ok: package stage passed for $package $version"
