# The fuzz targets, built with clang in a tree of their own and run 10 seconds
# each, regression inputs first (run.sh; README.md). The tree is this build's
# fuzz-smoke/, at -O0: half the compile time of the -O2 -g tree that long
# campaigns use (<repo>/build-fuzz), and ten seconds need no speed.
# 77: clang or libFuzzer missing, which skips outside CI and fails under CI=true.
# Beside other tests: a busy machine only means fewer executions in the 10 seconds.
add_test(NAME "fuzz: smoke"
  COMMAND ${CMAKE_COMMAND} -E env "FUZZ_CMAKE_ARGS=-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0"
          bash ${CMAKE_CURRENT_LIST_DIR}/run.sh --smoke 10 --build ${CMAKE_BINARY_DIR}/fuzz-smoke)
set_tests_properties("fuzz: smoke" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 1200)
