# write tests: one executable per class of app/write.
quarry_add_test(tst_cascadecounts app tst_cascadecounts.cpp)
quarry_add_test(tst_changeorder app tst_changeorder.cpp)
quarry_add_test(tst_changewriter app tst_changewriter.cpp)
quarry_add_test(tst_constraintexplainer app tst_constraintexplainer.cpp)
quarry_add_test(tst_unitofwork app tst_unitofwork.cpp)
quarry_add_test(tst_vocabulary app tst_vocabulary.cpp)
