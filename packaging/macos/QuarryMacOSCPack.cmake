# macOS package, included by packaging/QuarryCPack.cmake. UNTESTED (see packaging/README.md).
#   cmake --build <dir> --target package   ->  quarry-<version>-macOS.dmg holding Quarry.app
# The app is not signed or notarised here: Gatekeeper will ask the user to confirm the first start until a
# Developer ID signs it (codesign --deep --options runtime, then notarytool submit / stapler staple).
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_PACKAGE_FILE_NAME "quarry-${PROJECT_VERSION}-macOS")
set(CPACK_DMG_VOLUME_NAME "Quarry ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/Quarry.icns")
