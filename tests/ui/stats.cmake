# stats widget tests: quarry_add_test(tst_name ui tst_name.cpp)
