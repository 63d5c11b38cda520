# Runs the fuzz target FUZZER once on every file under the directories INPUTS (a list),
# one process per file so that every failing input is named, and fails when any fails.
#   cmake -DFUZZER=build/fuzz/tests/fuzz/fuzz_csv -DINPUTS="dir1;dir2" -P replay.cmake
set(_files)
foreach(_dir IN LISTS INPUTS)
  if(IS_DIRECTORY "${_dir}")
    file(GLOB_RECURSE _found LIST_DIRECTORIES false "${_dir}/*")
    list(APPEND _files ${_found})
  endif()
endforeach()
list(SORT _files)

set(_failed)
foreach(_file IN LISTS _files)
  execute_process(
    COMMAND "${FUZZER}" -rss_limit_mb=2048 -timeout=10 "${_file}"
    RESULT_VARIABLE _result OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
  if(NOT _result EQUAL 0)
    list(APPEND _failed "${_file}")
    message("FAILED (${_result}): ${_file}\n${_out}")
  endif()
endforeach()

list(LENGTH _files _count)
list(LENGTH _failed _failures)
if(_failures GREATER 0)
  string(REPLACE ";" "\n  " _list "${_failed}")
  message(FATAL_ERROR "${_failures} of ${_count} inputs fail:\n  ${_list}")
endif()
message("all ${_count} inputs pass")
