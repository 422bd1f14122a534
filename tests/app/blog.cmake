# blog tests: one executable per class of app/blog.
quarry_add_test(tst_commentrepository app tst_commentrepository.cpp)
quarry_add_test(tst_fullname app tst_fullname.cpp)
quarry_add_test(tst_normaliser app tst_normaliser.cpp)
quarry_add_test(tst_postrepository app tst_postrepository.cpp)
quarry_add_test(tst_userrepository app tst_userrepository.cpp)
quarry_add_test(tst_validators app tst_validators.cpp)
