# CPack settings, included at the end of the top-level CMakeLists.txt so that every install rule is known.
# `cmake --build <dir> --target package` writes, on Linux, quarry-sqlite_<version>_<arch>.deb and
# quarry-<version>-Linux-<arch>.tar.gz into <dir>. The version is project(VERSION), nothing else.

include(${CMAKE_CURRENT_LIST_DIR}/cmake/QuarryIdentity.cmake)

set(CPACK_PACKAGE_NAME "quarry")
set(CPACK_PACKAGE_VENDOR "Quarry maintainers")
set(CPACK_PACKAGE_CONTACT "${QUARRY_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${QUARRY_HOMEPAGE}")
# Debian's synopsis style: no leading article, no final full stop.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "fast, safe desktop browser for SQLite databases")
# Lines stay under 80 columns; CPack turns the blank line into Debian's " ." paragraph break.
set(CPACK_PACKAGE_DESCRIPTION
    "Quarry opens any SQLite database file and shows its tables at once, even
when they hold tens of millions of rows: it reads only the rows on screen,
counts in the background, and never freezes the window while a query, a
sort or a filter runs. Edits stay pending until they are written together
in one transaction, or discarded; files can be opened read-only.

It knows the blog schema (users, posts, comments) of the database lesson it
grew from: relational views that show foreign keys by name, schema
migrations with backups, a query editor with a working Stop button, and
stats panels. The quarry command creates, migrates, checks, queries and
reports on databases from scripts, with the same code as the window.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Quarry")
set(CPACK_PACKAGE_FILE_NAME "quarry-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/packaging/debian/copyright")
set(CPACK_STRIP_FILES ON)
# Directories that install rules create implicitly get 0755, whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                                WORLD_READ WORLD_EXECUTE)
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_QUARRY_STRIP "${CMAKE_STRIP}")
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_CURRENT_LIST_DIR}/cmake/QuarryStripSections.cmake")

if(APPLE)
  include(${PROJECT_SOURCE_DIR}/packaging/macos/QuarryMacOSCPack.cmake)
elseif(WIN32)
  include(${PROJECT_SOURCE_DIR}/packaging/windows/QuarryWindowsCPack.cmake)
else()
  set(CPACK_GENERATOR "DEB;TGZ")

  set(CPACK_DEBIAN_PACKAGE_NAME "${QUARRY_PACKAGE_NAME}")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "database")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${QUARRY_MAINTAINER}")
  set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
  # dpkg-shlibdeps finds the libraries the binary links (Qt Core, Gui, Widgets, Sql, SQLite, libstdc++...).
  # It cannot see plugins, which Qt loads at run time: the SQLite driver is one, and without it no file opens.
  # The xcb platform plugin needs no entry: Debian ships it inside libqt6gui6, which shlibdeps does see.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
  # Native Wayland windows. Without it Qt runs through XWayland with the xcb plugin (and Qt 6.4 does so on
  # GNOME anyway), so it is only suggested: apt does not install suggestions by default.
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
  # Debian's quarry (the board games) puts its program at /usr/games/quarry and its menu entry runs `quarry`
  # through PATH, where /usr/bin comes first: installed side by side, its menu entry would start this program.
  set(CPACK_DEBIAN_PACKAGE_CONFLICTS "quarry")
endif()

include(CPack)
