# The subjects: every impl/ordercheck/<subject>/subject.hpp is one, found here
# and nowhere else. Each layer (model/, stress/) generates one translation unit
# per subject from its own template and one list of them, so that adding a
# subject adds files and edits none, and compiles only its own translation
# units and the (small) list.
#
# ordercheck_subject_sources(OUT TEMPLATE REGISTRY_HEADER REGISTRY_NAMESPACE)
#   TEMPLATE: a .cpp.in where @SUBJECT@ is the subject's folder name; it must
#   define `const declared_subject subject_@SUBJECT@` in REGISTRY_NAMESPACE.
#   Sets OUT to the generated sources (link them into an executable or a
#   library that the executable references: the list names every subject).
#   An optional fifth argument names the build folder they are written to
#   (default `subjects`), for a directory that generates more than one list.
file(GLOB ORDERCHECK_SUBJECT_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/impl/ordercheck/*/subject.hpp)
list(SORT ORDERCHECK_SUBJECT_HEADERS)

function(ordercheck_subject_sources OUT TEMPLATE REGISTRY_HEADER REGISTRY_NAMESPACE)
  set(sources)
  set(SUBJECT_EXTERNS "")
  set(SUBJECT_POINTERS "")
  set(subdir subjects)
  if(ARGC GREATER 4)
    set(subdir ${ARGV4})
  endif()
  foreach(header IN LISTS ORDERCHECK_SUBJECT_HEADERS)
    get_filename_component(folder ${header} DIRECTORY)
    get_filename_component(SUBJECT ${folder} NAME)
    if(NOT SUBJECT MATCHES "^[a-z][a-z0-9_]*$")
      message(FATAL_ERROR "impl/ordercheck/${SUBJECT}/subject.hpp: a subject's folder name must be a "
                          "C++ identifier in lower case (it names its namespace ordercheck::subjects::NAME).")
    endif()
    set(generated ${CMAKE_CURRENT_BINARY_DIR}/${subdir}/subject_${SUBJECT}.cpp)
    configure_file(${TEMPLATE} ${generated} @ONLY)
    list(APPEND sources ${generated})
    string(APPEND SUBJECT_EXTERNS "extern const declared_subject subject_${SUBJECT};\n")
    string(APPEND SUBJECT_POINTERS "&subject_${SUBJECT}, ")
  endforeach()
  set(list_file ${CMAKE_CURRENT_BINARY_DIR}/${subdir}/declared_subjects.cpp)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/declared_subjects.cpp.in ${list_file} @ONLY)
  list(APPEND sources ${list_file})
  set(${OUT} ${sources} PARENT_SCOPE)
endfunction()
