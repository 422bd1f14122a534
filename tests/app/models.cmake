quarry_add_test(tst_tablemodel app tst_tablemodel.cpp)
