# The one CMake helper: finds dependencies (naming the Debian package to install
# when one is missing) and declares tests with their labels, so each folder's
# CMakeLists.txt is declarations only.
include_guard(GLOBAL)
include(GoogleTest)

# ordercheck_require(<find_package args...> PACKAGE <debian-package>)
macro(ordercheck_require name)
  cmake_parse_arguments(_req "" "PACKAGE" "" ${ARGN})
  find_package(${name} QUIET ${_req_UNPARSED_ARGUMENTS})
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR "ordercheck needs ${name}: install the Debian package "
                        "'${_req_PACKAGE}' (or run ci/bootstrap), then configure again.")
  endif()
endmacro()

# ordercheck_require_header(<var> <header> PACKAGE <debian-package>)
function(ordercheck_require_header var header)
  cmake_parse_arguments(_req "" "PACKAGE" "" ${ARGN})
  find_path(${var} ${header})
  if(NOT ${var})
    message(FATAL_ERROR "ordercheck needs <${header}>: install the Debian package "
                        "'${_req_PACKAGE}' (or run ci/bootstrap), then configure again.")
  endif()
endfunction()

# ccache, when installed (ci/bootstrap installs it), as every target's compiler
# launcher: a rebuild of unchanged files (another clone's build directory
# aside) comes from the cache. A launcher given on the command line wins.
find_program(ORDERCHECK_CCACHE ccache)
if(ORDERCHECK_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${ORDERCHECK_CCACHE}")
endif()

# Warnings for our own code: every preset builds with none.
function(ordercheck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
endfunction()

# ordercheck_test(NAME n SOURCES ... [LIBRARIES ...] LABELS unit|model|stress|property
#                 [TIMEOUT s] [COST s] [GTEST] [ARGS ...])
# GTEST: a GoogleTest binary; each test case becomes a CTest test.
# Otherwise: the binary is one CTest test, run with ARGS.
# COST: a test known to take this many seconds or more; it gets the label
# `long` and ctest -j (ci/test) starts it first (ordercheck_long_test).
function(ordercheck_test)
  cmake_parse_arguments(T "GTEST" "NAME;TIMEOUT;COST" "SOURCES;LIBRARIES;LABELS;ARGS" ${ARGN})
  if(T_COST)
    list(APPEND T_LABELS long)
    set(T_COST_PROPERTY COST ${T_COST})
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBRARIES})
  ordercheck_warnings(${T_NAME})
  if(T_GTEST)
    target_link_libraries(${T_NAME} PRIVATE GTest::gtest GTest::gtest_main)
    gtest_discover_tests(${T_NAME}
      DISCOVERY_MODE PRE_TEST
      EXTRA_ARGS ${T_ARGS}
      PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT} ${T_COST_PROPERTY})
  else()
    add_test(NAME ${T_NAME} COMMAND ${T_NAME} ${T_ARGS})
    set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}" TIMEOUT ${T_TIMEOUT} ${T_COST_PROPERTY})
  endif()
endfunction()

# ordercheck_long_test(TEST COST s): the same for a test declared with add_test.
# On a fresh clone ctest has no measured costs yet (Testing/Temporary/
# CTestCostData.txt); without these a long test may start last and run alone.
function(ordercheck_long_test test)
  cmake_parse_arguments(L "" "COST" "" ${ARGN})
  get_test_property(${test} LABELS labels)
  if(NOT labels)
    set(labels "")
  endif()
  list(APPEND labels long)
  set_tests_properties(${test} PROPERTIES LABELS "${labels}" COST ${L_COST})
endfunction()

# Sanitizer flags for the whole build (set by the tsan and asan presets).
if(ORDERCHECK_SANITIZER STREQUAL "thread")
  add_compile_options(-fsanitize=thread -g -O1)
  add_link_options(-fsanitize=thread)
elseif(ORDERCHECK_SANITIZER STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
elseif(NOT ORDERCHECK_SANITIZER STREQUAL "")
  message(FATAL_ERROR "ORDERCHECK_SANITIZER must be empty, 'thread' or 'address', not '${ORDERCHECK_SANITIZER}'.")
endif()

if(ORDERCHECK_UNIT OR ORDERCHECK_PROPERTIES OR ORDERCHECK_STRESS OR ORDERCHECK_MODEL)
  ordercheck_require(GTest PACKAGE libgtest-dev)
endif()
if(ORDERCHECK_PROPERTIES)
  ordercheck_require(rapidcheck PACKAGE librapidcheck-dev)
endif()
if(ORDERCHECK_MODEL)
  ordercheck_require_header(ORDERCHECK_RELACY_INCLUDE relacy/relacy.hpp PACKAGE relacy-dev)
  # ordercheck::relacy: the include path and flags of every target that
  # includes Relacy. Each flag keeps one of Relacy's checks alive in the
  # optimised model build; model/calibration/ proves each check (README,
  # "Engine calibration", has the measurements):
  #  -fno-sized-deallocation: Relacy replaces the global new/delete in every
  #    file that includes it; g++ would send `delete p` to the library's sized
  #    delete, which frees Relacy's memory with libc.
  #  -fno-lifetime-dse: Relacy marks an rl::atomic or rl::var freed by a store
  #    in its destructor (rl::signature's magic_ = 0). Lifetime dead-store
  #    elimination, on at -O2 and -O3, deletes that store as dead (the object's
  #    lifetime ends right after it), so an access through a deleted object
  #    passes: use after free goes unseen.
  # NDEBUG (the Release build type's) weakens nothing: Relacy's user-facing
  # checks (races, freed memory, leaks, RL_ASSERT) are always compiled in, and
  # its RL_VERIFY self-checks follow _DEBUG/RL_DO_ASSERT, not NDEBUG.
  set(ORDERCHECK_RELACY_FLAGS -fno-sized-deallocation -fno-lifetime-dse)
  add_library(ordercheck_relacy INTERFACE)
  target_include_directories(ordercheck_relacy INTERFACE ${ORDERCHECK_RELACY_INCLUDE})
  target_compile_options(ordercheck_relacy INTERFACE ${ORDERCHECK_RELACY_FLAGS})
  add_library(ordercheck::relacy ALIAS ordercheck_relacy)
endif()
if(ORDERCHECK_TOOLS OR ORDERCHECK_MODEL OR ORDERCHECK_STRESS OR ORDERCHECK_PROPERTIES)
  ordercheck_require(nlohmann_json PACKAGE nlohmann-json3-dev)
  ordercheck_require(CLI11 PACKAGE libcli11-dev)
endif()
if(ORDERCHECK_BENCHMARKS)
  ordercheck_require(benchmark PACKAGE libbenchmark-dev)
endif()
