#!/usr/bin/env bash
# The README's two commands:
#   scripts/dev.sh run    install missing Debian packages, build, start Quarry on the demo database
#   scripts/dev.sh test   install missing Debian packages, build, run every test
# Without root and with packages missing, prints the exact apt-get line to run and stops.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
command=${1:-}
case "$command" in
  run|test) ;;
  *) echo "usage: scripts/dev.sh run|test" >&2; exit 2 ;;
esac

mapfile -t wanted < <(grep -v '^\s*#' scripts/debian-packages.txt | sed '/^\s*$/d')
missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Quarry needs these Debian packages. Install them, then run this again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Tests build with warnings as errors, as CI does; QUARRY_PRESET picks another preset (asan, say).
if [[ "$command" == test ]]; then default_preset=ci; else default_preset=dev; fi
preset=${QUARRY_PRESET:-$default_preset}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"

case "$preset" in dev) build_dir=build ;; ci) build_dir=build-ci ;; asan) build_dir=build-asan ;; *) build_dir=build-$preset ;; esac

if [[ "$command" == test ]]; then
  ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"
else
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "No display found: starting Quarry under Xvfb." >&2
    exec xvfb-run -a "$build_dir/ui/quarry" --demo "${@:2}"
  fi
  exec "$build_dir/ui/quarry" --demo "${@:2}"
fi
