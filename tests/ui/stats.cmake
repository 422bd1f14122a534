# stats widget tests: quarry_add_test(tst_name ui tst_name.cpp)
quarry_add_test(tst_statstablemodel ui tst_statstablemodel.cpp)
quarry_add_test(tst_barchart ui tst_barchart.cpp)
quarry_add_test(tst_statsdock ui tst_statsdock.cpp ../app/StatsFixtures.h)
