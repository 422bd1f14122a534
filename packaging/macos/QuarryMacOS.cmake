# macOS install rules, included by packaging/CMakeLists.txt. UNTESTED: written from the CMake and Qt
# documentation, never built here (see packaging/README.md).

# quarry becomes Quarry.app, with the Info.plist below and the icon in Contents/Resources.
set(QUARRY_ICNS ${CMAKE_CURRENT_SOURCE_DIR}/macos/Quarry.icns)
set_source_files_properties(${QUARRY_ICNS} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
target_sources(quarry PRIVATE ${QUARRY_ICNS})
set_target_properties(quarry PROPERTIES
  MACOSX_BUNDLE ON
  OUTPUT_NAME Quarry
  MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
  MACOSX_BUNDLE_BUNDLE_NAME Quarry
  MACOSX_BUNDLE_GUI_IDENTIFIER ${QUARRY_APP_ID}
  MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
  MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
  MACOSX_BUNDLE_ICON_FILE Quarry.icns
  MACOSX_BUNDLE_COPYRIGHT "Copyright 2026 Quarry maintainers")

# The bundle goes to the top of the disk image, beside the /Applications link DragNDrop adds.
install(TARGETS quarry BUNDLE DESTINATION . RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# Qt's deployment (macdeployqt underneath) copies the Qt frameworks and plugins, the cocoa platform plugin and
# the SQLite driver included, into Quarry.app at install time. Qt 6.4 spells the option FILENAME_VARIABLE.
qt_generate_deploy_app_script(TARGET quarry FILENAME_VARIABLE quarry_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${quarry_deploy_script})
