# Who Quarry is to installers, software centres and desktops. Included by packaging/CMakeLists.txt (install
# rules) and packaging/QuarryCPack.cmake (packages), so both use the same names.

# Reverse-DNS id: the desktop entry, the icon and the AppStream metadata are all named after it, and the macOS
# bundle identifier is the same string.
set(QUARRY_APP_ID "io.github.quarry.Quarry")
set(QUARRY_LICENSE "MIT")
set(QUARRY_HOMEPAGE "https://github.com/quarry/quarry"
    CACHE STRING "Home page that the packages and the AppStream metadata point to")
set(QUARRY_MAINTAINER "Quarry maintainers <maintainers@quarry.example>"
    CACHE STRING "Maintainer named in the Debian package")
set(QUARRY_SCREENSHOT_URL "${QUARRY_HOMEPAGE}/raw/main/packaging/screenshots/main-window.png")
