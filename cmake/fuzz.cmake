# Fuzz build (preset "fuzz", clang): libFuzzer targets over core's parsers of
# outside input, see tests/fuzz/. portal_core is instrumented for coverage
# and checked by AddressSanitizer and UBSan; each target links libFuzzer's main.
# Build the `fuzzers` target only: the rest of the tree is not needed here.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PORTAL_FUZZ needs clang (libFuzzer); configure with the \"fuzz\" preset")
endif()

# Any undefined behaviour stops the run as a crash, so the fuzzer reports it.
set(FUZZ_SANITIZERS address,undefined)
target_compile_options(portal_core PRIVATE -fsanitize=fuzzer-no-link,${FUZZ_SANITIZERS} -fno-sanitize-recover=undefined)

# The service's own parsers of raw client bytes, which need no httplib or SQLite.
find_package(ZLIB REQUIRED)
add_library(portal_web_parsers STATIC "${CMAKE_SOURCE_DIR}/web/http/http_request_reader.cpp" "${CMAKE_SOURCE_DIR}/web/http/request_body_decoding.cpp")
target_include_directories(portal_web_parsers PUBLIC "${CMAKE_SOURCE_DIR}")
target_link_libraries(portal_web_parsers PUBLIC portal_core ZLIB::ZLIB)   # core/text for header names
target_compile_options(portal_web_parsers PRIVATE -fsanitize=fuzzer-no-link,${FUZZ_SANITIZERS} -fno-sanitize-recover=undefined)

# The HAR sanitiser (core/har), instrumented like portal_core.
target_compile_options(portal_har PRIVATE -fsanitize=fuzzer-no-link,${FUZZ_SANITIZERS} -fno-sanitize-recover=undefined)

file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp")
add_custom_target(fuzzers)
foreach(source IN LISTS FUZZ_SOURCES)
    get_filename_component(name "${source}" NAME_WE)   # program_fuzz
    add_executable(${name} "${source}")
    target_link_libraries(${name} PRIVATE portal_core portal_har portal_web_parsers)
    target_compile_options(${name} PRIVATE -Wall -Wextra -fsanitize=fuzzer,${FUZZ_SANITIZERS} -fno-sanitize-recover=undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,${FUZZ_SANITIZERS})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzzers")
    add_dependencies(fuzzers ${name})
endforeach()
