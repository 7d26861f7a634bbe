# Runs cmake/VersionInfo.cmake on a folder outside any git checkout, then on the source tree,
# and checks the revisions they report: "unknown", and (in a git checkout) the checkout's.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/tarball)
execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${WORK}/tarball -DOUTPUT=${WORK}/a.cpp
                        -DVERSION=9.8.7 -DGIT=${GIT} -P ${SCRIPT} COMMAND_ERROR_IS_FATAL ANY)
file(READ ${WORK}/a.cpp text)
if(NOT text MATCHES "return \"9\\.8\\.7\";" OR NOT text MATCHES "return \"unknown\";")
  message(FATAL_ERROR "a tree without git should report 9.8.7 and unknown:\n${text}")
endif()
if(GIT AND EXISTS ${SOURCE}/.git)
  execute_process(COMMAND ${GIT} -C ${SOURCE} rev-parse HEAD OUTPUT_VARIABLE head
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  execute_process(COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${SOURCE} -DOUTPUT=${WORK}/b.cpp
                          -DVERSION=1 -DGIT=${GIT} -P ${SCRIPT} COMMAND_ERROR_IS_FATAL ANY)
  file(READ ${WORK}/b.cpp text)
  string(SUBSTRING "${head}" 0 12 short)
  if(NOT text MATCHES "gitRevision\\(\\) { return \"[^\"]*${short}(-dirty)?\"; }")
    message(FATAL_ERROR "the checkout at ${short} should report it:\n${text}")
  endif()
endif()
