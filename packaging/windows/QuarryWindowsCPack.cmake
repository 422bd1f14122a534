# Windows packages, included by packaging/QuarryCPack.cmake. UNTESTED (see packaging/README.md).
#   cmake --build <dir> --config Release --target package   ->  quarry-<version>-win64.exe and .zip
# NSIS is chosen over WiX because its installer needs no extra toolset beyond makensis, and CPack drives it
# with plain variables; WiX would also work (CPACK_GENERATOR WIX, CPACK_WIX_UPGRADE_GUID fixed forever).
set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_PACKAGE_FILE_NAME "quarry-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Quarry")
set(CPACK_PACKAGE_EXECUTABLES "quarry" "Quarry")
set(CPACK_CREATE_DESKTOP_LINKS "quarry")

set(CPACK_NSIS_PACKAGE_NAME "Quarry ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Quarry")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/quarry.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/quarry.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\quarry.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${QUARRY_HOMEPAGE}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)

# "Open with" for SQLite files, without taking the default away from whatever the user chose: a ProgID for
# Quarry, listed under each extension's OpenWithProgids. SHCTX is HKLM for an all-users install, else HKCU.
set(quarry_progid "Quarry.SQLiteDatabase")
set(quarry_extensions .sqlite .sqlite3 .db .db3)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "WriteRegStr SHCTX 'Software\\Classes\\${quarry_progid}' '' 'SQLite database'
  WriteRegStr SHCTX 'Software\\Classes\\${quarry_progid}\\DefaultIcon' '' '$INSTDIR\\bin\\quarry.exe,0'
  WriteRegStr SHCTX 'Software\\Classes\\${quarry_progid}\\shell\\open\\command' '' '\"$INSTDIR\\bin\\quarry.exe\" \"%1\"'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "DeleteRegKey SHCTX 'Software\\Classes\\${quarry_progid}'")
foreach(extension IN LISTS quarry_extensions)
  string(APPEND CPACK_NSIS_EXTRA_INSTALL_COMMANDS
         "\n  WriteRegStr SHCTX 'Software\\Classes\\${extension}\\OpenWithProgids' '${quarry_progid}' ''")
  string(APPEND CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
         "\n  DeleteRegValue SHCTX 'Software\\Classes\\${extension}\\OpenWithProgids' '${quarry_progid}'")
endforeach()
# Tell Explorer that associations changed, so "Open with" shows Quarry without a restart.
string(APPEND CPACK_NSIS_EXTRA_INSTALL_COMMANDS "\n  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
string(APPEND CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "\n  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'")
