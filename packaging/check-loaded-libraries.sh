#!/usr/bin/env bash
# Proves that installing the package pulls in everything the window needs at run time, plugins included
# (which dpkg-shlibdeps cannot see): starts the installed /usr/bin/quarry on a demo database under Xvfb with
# the xcb platform plugin, waits until the xcb and SQLite plugins are loaded, then checks that every shared
# library in the process belongs to a package in the Depends closure of PACKAGE.
#   packaging/check-loaded-libraries.sh PACKAGE          (called by ci-package.sh; needs xvfb-run)
set -euo pipefail
package=${1:?usage: check-loaded-libraries.sh PACKAGE}

# Libraries Qt opens with dlopen() when present and does without otherwise, so no package depends on them:
# libXcursor for themed mouse cursors under xcb (core cursors otherwise), and libXrender, which it links.
optional="libxcursor1 libxrender1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/quarry init "$work/demo.db" --demo >/dev/null

cat >"$work/window.sh" <<SCRIPT
#!/usr/bin/env bash
/usr/bin/quarry "$work/demo.db" 2>"$work/stderr" &
pid=\$!
for _ in \$(seq 120); do
  sleep 0.5
  if grep -q libqxcb.so /proc/\$pid/maps && grep -q libqsqlite.so /proc/\$pid/maps; then break; fi
done
awk '\$6 ~ /\\.so/ { print \$6 }' /proc/\$pid/maps | sort -u >"$work/libraries"
kill \$pid
SCRIPT
chmod +x "$work/window.sh"
env -i PATH=/usr/bin:/bin HOME="$work" QT_QPA_PLATFORM=xcb xvfb-run -a "$work/window.sh"

for plugin in platforms/libqxcb.so sqldrivers/libqsqlite.so; do
  grep -q "/$plugin\$" "$work/libraries" || {
    echo "FAIL: the window never loaded $plugin; its stderr:" >&2
    cat "$work/stderr" >&2
    exit 1
  }
done

# dpkg knows merged-/usr libraries under either /lib or /usr/lib, so ask with both spellings in one call.
mapfile -t libraries <"$work/libraries"
paths=()
for library in "${libraries[@]}"; do
  paths+=("$library" "$(readlink -f "$library")")
done
for path in "${paths[@]}"; do
  [[ "$path" == /usr/lib/* ]] && paths+=("/lib${path#/usr/lib}")
done
dpkg -S "${paths[@]}" 2>/dev/null | sed 's/[:,].*//' | sort -u >"$work/owners" || true
apt-cache depends --recurse --important "$package" | grep -v '^ ' | sed 's/[:<>]//g' | sort -u >"$work/closure"

status=0
while read -r owner; do
  [[ " $optional " == *" $owner "* ]] && continue
  grep -qx "$owner" "$work/closure" || { echo "FAIL: the window loads a library from $owner, which $package does not depend on" >&2; status=1; }
done <"$work/owners"
((status == 0)) && echo "ok: the window's ${#libraries[@]} shared libraries come from $(grep -c . "$work/owners") packages, all pulled in by $package"
exit $status
