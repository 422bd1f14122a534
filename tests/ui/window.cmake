# window widget tests: quarry_add_test(tst_name ui tst_name.cpp)
# The main window and the table browser, driven offscreen; WindowTestSupport.h holds their shared helpers.
quarry_add_test(tst_mainwindow ui tst_mainwindow.cpp WindowTestSupport.h)
quarry_add_test(tst_tablebrowser ui tst_tablebrowser.cpp WindowTestSupport.h)
quarry_add_test(tst_tabletabs ui tst_tabletabs.cpp WindowTestSupport.h)
quarry_add_test(tst_foreignkeyeditor ui tst_foreignkeyeditor.cpp)
quarry_add_test(tst_bigtable ui tst_bigtable.cpp WindowTestSupport.h)
# Over 10,000 cells, each through its real editor: longer than the others, most of all under the sanitizers.
quarry_add_test(tst_exactvalues ui tst_exactvalues.cpp WindowTestSupport.h)
set_tests_properties(tst_exactvalues PROPERTIES TIMEOUT 600)
quarry_add_test(tst_valueeditor ui tst_valueeditor.cpp WindowTestSupport.h)
