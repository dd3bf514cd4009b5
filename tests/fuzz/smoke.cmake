# The fuzz targets, built with clang in their own tree (<repo>/build-fuzz) and
# run 10 seconds each, regression inputs first (run.sh; README.md).
# 77: clang or libFuzzer missing, which skips outside CI and fails under CI=true.
# Beside other tests: a busy machine only means fewer executions in the 10 seconds.
add_test(NAME "fuzz: smoke" COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/run.sh --smoke 10)
set_tests_properties("fuzz: smoke" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1200)
