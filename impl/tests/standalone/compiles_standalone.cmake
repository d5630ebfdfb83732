# Compiles one header on its own, in a translation unit that includes only it
# and then std_sync (never model/relacy_sync.hpp), so a header that leans on
# another header's includes fails here rather than in a later layer.
#   cmake -DCOMPILER=... -DINCLUDE_DIR=impl -DHEADER=ordercheck/x.hpp -DWORK_DIR=...
#         [-DFIXTURE_DIR=dir] [-DEXPECT_ERROR=regex] -P compiles_standalone.cmake
# Without EXPECT_ERROR the header must compile with -Wall -Wextra -Werror;
# with it, compiling must fail with an error matching the regex (the negative
# control: a fixture header that uses std::optional without <optional>).
foreach(required COMPILER INCLUDE_DIR HEADER WORK_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "compiles_standalone.cmake: -D${required}=... is required")
  endif()
endforeach()
string(MAKE_C_IDENTIFIER "${HEADER}" unit_name)
set(unit "${WORK_DIR}/${unit_name}.cpp")
file(WRITE "${unit}" "#include \"${HEADER}\"\n#include \"ordercheck/sync/std_sync.hpp\"\n")
set(include_flags "-I${INCLUDE_DIR}")
if(DEFINED FIXTURE_DIR)
  list(APPEND include_flags "-I${FIXTURE_DIR}")
endif()
execute_process(
  COMMAND "${COMPILER}" -std=c++20 -fsyntax-only -Wall -Wextra -Werror ${include_flags} "${unit}"
  RESULT_VARIABLE status
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output)
if(NOT DEFINED EXPECT_ERROR)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${HEADER} does not compile on its own (with only std_sync after it):\n${output}")
  endif()
  message(STATUS "${HEADER} compiles on its own")
elseif(status EQUAL 0)
  message(FATAL_ERROR "negative control: ${HEADER} compiled, but it must fail (${EXPECT_ERROR})")
elseif(NOT output MATCHES "${EXPECT_ERROR}")
  message(FATAL_ERROR "negative control: ${HEADER} failed, but not with an error matching "
                      "'${EXPECT_ERROR}':\n${output}")
else()
  message(STATUS "negative control: ${HEADER} fails as expected (${EXPECT_ERROR})")
endif()
