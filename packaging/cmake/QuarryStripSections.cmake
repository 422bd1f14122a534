# CPack pre-build script: runs on the staged files before each package is made. CPACK_STRIP_FILES calls strip
# without options, which keeps the .comment and .note sections (compiler version strings); remove them as
# Debian's dh_strip does, so the packaged binary matches what a Debian maintainer would ship.
if(NOT CPACK_QUARRY_STRIP)
  return()
endif()
# usr/bin/quarry in the .deb, <name>/bin/quarry in the tarball.
file(GLOB_RECURSE staged_binaries LIST_DIRECTORIES false "${CPACK_TEMPORARY_DIRECTORY}/quarry")
list(FILTER staged_binaries INCLUDE REGEX "/bin/quarry$")
foreach(binary IN LISTS staged_binaries)
  execute_process(COMMAND "${CPACK_QUARRY_STRIP}" --remove-section=.comment --remove-section=.note "${binary}"
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "strip failed on ${binary}")
  endif()
endforeach()
