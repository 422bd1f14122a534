# Runs quarry-bench once at a tiny scale and checks that it exits 0 and prints one JSON object with every key
# the issue names. Figures are not judged here: they are for docs/performance.md, measured on purpose.
# Usage: cmake -DBENCH=<quarry-bench> -DWORK_DIR=<scratch folder> -P check_bench.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(
  COMMAND "${BENCH}" --users 50 --posts 500 --comments 500 --db "${WORK_DIR}/bench.db" --out "${WORK_DIR}/bench.json"
          --pause-ms 20 --scroll-steps 5 --stats-runs 1 --limit-ms 60000
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "quarry-bench exited with ${status}\n${errors}\n${output}")
endif()
file(READ "${WORK_DIR}/bench.json" written)
if(NOT written STREQUAL output)
  message(FATAL_ERROR "--out did not receive what was printed")
endif()

string(JSON type ERROR_VARIABLE problem TYPE "${output}")
if(problem OR NOT type STREQUAL "OBJECT")
  message(FATAL_ERROR "not one JSON object: ${problem}\n${output}")
endif()
function(require_number)
  string(JSON value ERROR_VARIABLE problem GET "${output}" ${ARGN})
  string(JSON kind ERROR_VARIABLE problem2 TYPE "${output}" ${ARGN})
  if(problem OR problem2 OR NOT kind STREQUAL "NUMBER")
    message(FATAL_ERROR "missing or not a number: ${ARGN} (${problem}${problem2})\n${output}")
  endif()
endfunction()
require_number(scale users)
require_number(scale posts)
require_number(scale comments)
require_number(generator_rows_per_s)
foreach(key first_rows_ms jump_to_last_ms sort_title_ms filter_ms peak_rss_mb max_stall_ms)
  # At this scale every step of both sides finishes, so every figure is a number.
  require_number(quarry ${key})
  require_number(baseline ${key})
endforeach()
string(JSON panels LENGTH "${output}" stats)
if(panels LESS 1)
  message(FATAL_ERROR "no stats panels\n${output}")
endif()
math(EXPR last "${panels} - 1")
foreach(i RANGE ${last})
  string(JSON panel MEMBER "${output}" stats ${i})
  require_number(stats ${panel} quarry_ms)
  require_number(stats ${panel} c_api_ms)
endforeach()
string(JSON scale_posts GET "${output}" scale posts)
if(NOT scale_posts EQUAL 500)
  message(FATAL_ERROR "scale.posts is ${scale_posts}, not 500")
endif()
message(STATUS "quarry-bench printed every key:\n${output}")
