# Windows install rules, included by packaging/CMakeLists.txt. UNTESTED: written from the CMake and Qt
# documentation, never built here (see packaging/README.md).

# A GUI-subsystem program gets no console window when started from Explorer. The price: the subcommands'
# output does not reach cmd.exe unless main() attaches to the parent console (AttachConsole), which is
# still to be added to ui/main.cpp for Windows.
set_target_properties(quarry PROPERTIES WIN32_EXECUTABLE ON)

# Icon and version resource; the numbers come from project(VERSION).
set(QUARRY_ICO ${CMAKE_CURRENT_SOURCE_DIR}/windows/quarry.ico)
configure_file(${CMAKE_CURRENT_SOURCE_DIR}/windows/quarry.rc.in ${CMAKE_CURRENT_BINARY_DIR}/quarry.rc @ONLY)
target_sources(quarry PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/quarry.rc)

install(TARGETS quarry RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR}
        RENAME COPYRIGHT.txt)

# Qt's deployment (windeployqt underneath) copies the Qt DLLs, the platform plugin (qwindows), styles and the
# SQL drivers, the SQLite one included, next to quarry.exe at install time, so CPack packages them too.
# FILENAME_VARIABLE is the Qt 6.4 spelling (6.5 renamed it OUTPUT_SCRIPT).
qt_generate_deploy_app_script(TARGET quarry FILENAME_VARIABLE quarry_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${quarry_deploy_script})
