# models tests: quarry_add_test(tst_name app tst_name.cpp)
