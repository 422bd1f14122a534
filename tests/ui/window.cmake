# window widget tests: quarry_add_test(tst_name ui tst_name.cpp)
# The main window and the table browser, driven offscreen; WindowTestSupport.h holds their shared helpers.
# The main window has one executable per feature over MainWindowFixture (a fresh demo copy, the window, scripted
# answers), compiled once.
add_library(quarry_mainwindow_fixture OBJECT MainWindowFixture.cpp MainWindowFixture.h WindowTestSupport.h)
target_link_libraries(quarry_mainwindow_fixture PRIVATE quarry_test_support quarry_ui quarry_warnings)
set(mainwindow_fixture $<TARGET_OBJECTS:quarry_mainwindow_fixture>)
quarry_add_test(tst_mainwindowfiles ui tst_mainwindowfiles.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowediting ui tst_mainwindowediting.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowdelete ui tst_mainwindowdelete.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowbrowsing ui tst_mainwindowbrowsing.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindownavigation ui tst_mainwindownavigation.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowpendingedits ui tst_mainwindowpendingedits.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowupgrade ui tst_mainwindowupgrade.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindowlayout ui tst_mainwindowlayout.cpp ${mainwindow_fixture})
quarry_add_test(tst_mainwindoweditor ui tst_mainwindoweditor.cpp ${mainwindow_fixture})
quarry_add_test(tst_tablebrowser ui tst_tablebrowser.cpp WindowTestSupport.h)
quarry_add_test(tst_tabletabs ui tst_tabletabs.cpp WindowTestSupport.h)
quarry_add_test(tst_foreignkeyeditor ui tst_foreignkeyeditor.cpp)
quarry_add_test(tst_bigtable ui tst_bigtable.cpp WindowTestSupport.h)
# Over 10,000 cells, each through its real editor: longer than the others, most of all under the sanitizers.
quarry_add_test(tst_exactvalues ui tst_exactvalues.cpp WindowTestSupport.h)
set_tests_properties(tst_exactvalues PROPERTIES TIMEOUT 600)
quarry_add_test(tst_valueeditor ui tst_valueeditor.cpp WindowTestSupport.h)
