# Who Quarry is to installers, software centres and desktops. Included by packaging/CMakeLists.txt (install
# rules) and packaging/QuarryCPack.cmake (packages), so both use the same names.

# Reverse-DNS id: the desktop entry, the icon and the AppStream metadata are all named after it, and the macOS
# bundle identifier is the same string.
set(QUARRY_APP_ID "io.github.quarry.Quarry")
set(QUARRY_LICENSE "MIT")

# The Debian package is not called "quarry": Debian already ships a package of that name (the board games Go,
# Amazons and Reversi, version 0.2.0.dfsg.1 in bookworm), so apt would "upgrade" a quarry 0.1.0 to the game.
# The program, its manual page and the desktop entry's command stay `quarry`.
set(QUARRY_PACKAGE_NAME "quarry-sqlite")
set(QUARRY_HOMEPAGE "https://github.com/quarry/quarry"
    CACHE STRING "Home page that the packages and the AppStream metadata point to")
set(QUARRY_MAINTAINER "Quarry maintainers <maintainers@quarry.example>"
    CACHE STRING "Maintainer named in the Debian package")
set(QUARRY_SCREENSHOT_URL "${QUARRY_HOMEPAGE}/raw/main/packaging/screenshots/main-window.png")
