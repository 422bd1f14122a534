# Runs quarry-bench once at a tiny scale, and once more on the huge-values scenario (--values), and checks that it
# exits 0 and prints one JSON object with every key the issues name. Figures are not judged here: they are for
# docs/performance.md, measured on purpose.
# Usage: cmake -DBENCH=<quarry-bench> -DWORK_DIR=<scratch folder> -P check_bench.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
# Runs quarry-bench with the arguments given and --out `out_file`; fails unless it exits 0 and the file holds what
# it printed. Sets `output` (the JSON) and `errors` (what it told a person) for the caller.
function(run_bench out_file)
  execute_process(
    COMMAND "${BENCH}" ${ARGN} --out "${out_file}"
    RESULT_VARIABLE status
    OUTPUT_VARIABLE printed
    ERROR_VARIABLE told)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "quarry-bench ${ARGN} exited with ${status}\n${told}\n${printed}")
  endif()
  file(READ "${out_file}" written)
  if(NOT written STREQUAL printed)
    message(FATAL_ERROR "--out did not receive what was printed")
  endif()
  set(output "${printed}" PARENT_SCOPE)
  set(errors "${told}" PARENT_SCOPE)
endfunction()

run_bench("${WORK_DIR}/bench.json" --users 50 --posts 500 --comments 500 --db "${WORK_DIR}/bench.db" --pause-ms 20
          --scroll-steps 5 --stats-runs 1 --limit-ms 60000)

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

# The huge-values scenario at a tiny scale: both files written and browsed, the value editor opened on the huge
# BLOB and the huge TEXT, every figure and ratio printed.
run_bench("${WORK_DIR}/values.json" --values --value-rows 2000 --huge-blob-mb 8 --huge-text-mb 1
          --db "${WORK_DIR}/values.db" --pause-ms 20 --scroll-steps 5 --limit-ms 60000)
foreach(file values-plain.db values-huge.db)
  if(NOT EXISTS "${WORK_DIR}/${file}")
    message(FATAL_ERROR "--values --db did not keep ${file}")
  endif()
endforeach()
require_number(scale rows)
require_number(scale huge_blob_bytes)
require_number(scale huge_text_bytes)
foreach(key first_rows_ms jump_to_last_ms peak_rss_mb max_stall_ms)
  require_number(plain ${key})
  require_number(huge ${key})
endforeach()
foreach(key go_to_middle_row_ms value_editor_blob_first_bytes_ms value_editor_blob_loaded_ms value_editor_text_ms)
  require_number(plain ${key})
  require_number(huge ${key})
endforeach()
foreach(key first_rows_huge_over_plain jump_to_last_huge_over_plain go_to_middle_row_huge_over_plain
            peak_rss_huge_minus_plain_mb)
  require_number(ratios ${key})
endforeach()
string(JSON blob_bytes GET "${output}" scale huge_blob_bytes)
if(NOT blob_bytes EQUAL 8388608)
  message(FATAL_ERROR "scale.huge_blob_bytes is ${blob_bytes}, not 8 MiB")
endif()
if(NOT errors MATCHES "first rows.*jump to last.*peak RSS.*editor: BLOB head.*editor: TEXT")
  message(FATAL_ERROR "--values printed no summary for a person:\n${errors}")
endif()
message(STATUS "quarry-bench --values printed every key:\n${output}")
