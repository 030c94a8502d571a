# Benchmarks, browser build: the same SLA benchmark compiled by em++ into a
# Node program (build/web/sla-bench.js + .wasm). NODERAWFS lets the benchmark read
# the machine's real /usr/share/zoneinfo. Run it with
#   node --no-experimental-fetch build/web/sla-bench.js
# Not part of `all`: built on demand with --target sla-bench.
add_executable(sla-bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/tests/bench/sla_bench.cpp")
target_link_libraries(sla-bench PRIVATE portal_core)
target_compile_options(sla-bench PRIVATE -O2 -fno-exceptions -Wall -Wextra)
set_target_properties(sla-bench PROPERTIES SUFFIX ".js")
# -O2 at the link also sets the LTO level for portal_core's bitcode (the web
# preset compiles portal_core with -flto).
target_link_options(sla-bench PRIVATE
    -O2 -fno-exceptions
    -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1)

# The HAR sanitiser benchmark for Node (build/web/har-bench.js + .wasm),
# linked as the HAR worker is (cmake/har_worker.cmake), with function names
# kept so `node --cpu-prof` shows where the WASM time goes.
add_executable(har-bench EXCLUDE_FROM_ALL "${CMAKE_SOURCE_DIR}/tests/bench/har_bench.cpp")
target_link_libraries(har-bench PRIVATE portal_text_fast portal_har portal_core)
target_compile_options(har-bench PRIVATE -O3 ${HAR_WORKER_CPU} -fno-exceptions -Wall -Wextra)
set_target_properties(har-bench PROPERTIES SUFFIX ".js")
target_link_options(har-bench PRIVATE
    -O3 -mbulk-memory -fno-exceptions --profiling-funcs
    -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1)
