#!/usr/bin/env bash
# Builds Quarry's Linux packages from a clean release configuration:
#   packaging/build-packages.sh [BUILD_DIR]        (default: build-release, the `release` preset's folder)
# writes BUILD_DIR/quarry_<version>_<arch>.deb and BUILD_DIR/quarry-<version>-Linux-<arch>.tar.gz.
# Same as `cmake --preset release && cmake --build --preset release --target package`, plus the compiler and
# linker flags Debian builds its own packages with (hardening, reproducible paths), from dpkg-buildflags.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build_dir=${1:-build-release}

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxx_flags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
linker_flags=$(dpkg-buildflags --get LDFLAGS)

cmake --preset release -B "$build_dir" -DCMAKE_CXX_FLAGS="$cxx_flags" -DCMAKE_EXE_LINKER_FLAGS="$linker_flags" >/dev/null
cmake --build "$build_dir" --target package
