quarry_add_test(tst_tablemodel app tst_tablemodel.cpp)
quarry_add_test(tst_rowidentity app tst_rowidentity.cpp)
