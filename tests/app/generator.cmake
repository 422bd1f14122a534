# The blog data generator: the Generator itself (and `quarry generate`), and the helpers whose exactness it
# relies on.
quarry_add_test(tst_generator app tst_generator.cpp)
add_dependencies(tst_generator quarry)
quarry_add_test(tst_timestamptext app tst_timestamptext.cpp)
quarry_add_test(tst_keyedpermutation app tst_keyedpermutation.cpp)
quarry_add_test(tst_rowpipeline app tst_rowpipeline.cpp)
quarry_add_test(tst_writebehindvfs app tst_writebehindvfs.cpp)
