# Benchmarks, native build: the SLA engine's deadlines per second
# (tests/bench/sla_bench.cpp, run by tests/bench/sla_bench.mjs: ./portal bench).
# Not part of `all`: built on demand with --target sla-bench.
add_executable(sla-bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/tests/bench/sla_bench.cpp")
target_link_libraries(sla-bench PRIVATE portal_core)
target_compile_options(sla-bench PRIVATE -O2 -Wall -Wextra)

# The HAR sanitiser's throughput on a generated file (tests/bench/har_bench.cpp,
# run by tests/bench/har_bench.mjs). Built with -O2 like the rest of the native build.
add_executable(har-bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/tests/bench/har_bench.cpp")
target_link_libraries(har-bench PRIVATE portal_har portal_core)
target_compile_options(har-bench PRIVATE -O2 -Wall -Wextra)
