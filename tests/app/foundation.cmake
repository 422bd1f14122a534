# Foundation: connections, statement splitting, migrations, checks, sample data, the CLI.
quarry_add_test(tst_connection app tst_connection.cpp)
quarry_add_test(tst_csvfield app tst_csvfield.cpp)
quarry_add_test(tst_migrator app tst_migrator.cpp)
quarry_add_test(tst_sampledata app tst_sampledata.cpp)
quarry_add_test(tst_sqlidentifier app tst_sqlidentifier.cpp)
quarry_add_test(tst_statementsplitter app tst_statementsplitter.cpp)
quarry_add_test(tst_foundationcli app tst_foundationcli.cpp)
add_dependencies(tst_foundationcli quarry)
