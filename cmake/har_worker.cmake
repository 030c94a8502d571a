# The HAR worker (public/har-worker.js + .wasm): core/har and what it needs,
# apart from the page. The page starts it only when a HAR file is opened or
# a token pasted (shell/web/portal_library.js), so the first load carries
# none of it; the service worker precaches it after the first frame, so the
# HAR screen works offline.
include(cmake/har_library.cmake)

# Speed over size here (a 100 MB file, docs/benchmarks.md "HAR sanitiser"):
# -O3 for our code and the libraries; the worker is fetched once, lazily.
# -finline-functions: emcc's -Oz (the web preset's) also passes
# -fno-inline-functions, which a later -O3 does not undo; without it not even
# a one-line helper is inlined. Bulk memory (memory.copy and memory.fill for
# memcpy and memset): every browser the page supports has it (Chrome 75,
# Firefox 79, Safari 15).
set(HAR_WORKER_CPU -finline-functions -mbulk-memory -D_LIBCPP_DISABLE_EXTERN_TEMPLATE)
target_compile_options(portal_har PRIVATE -O3 ${HAR_WORKER_CPU})
# The text readers the sanitiser spends its time in, compiled again for
# speed: portal_core's copies are built for the page's size (-Oz, and LTO
# that keeps their minsize), which left the worker at a quarter of the
# native speed. Listed first, these are the ones the worker links.
set(HAR_FAST_TEXT json_tape ascii_text base64url url_text utf8_text)
list(TRANSFORM HAR_FAST_TEXT PREPEND "${CMAKE_SOURCE_DIR}/core/text/")
list(TRANSFORM HAR_FAST_TEXT APPEND ".cpp")
add_library(portal_text_fast STATIC ${HAR_FAST_TEXT})
target_link_libraries(portal_text_fast PUBLIC portal_core)
target_compile_options(portal_text_fast PRIVATE -O3 ${HAR_WORKER_CPU})

set(HAR_WORKER_DIR "${CMAKE_SOURCE_DIR}/shell/web/har_worker")
add_executable(har-worker "${HAR_WORKER_DIR}/har_worker.cpp")
target_link_libraries(har-worker PRIVATE portal_text_fast portal_har portal_core)
target_compile_options(har-worker PRIVATE ${PORTAL_WARNINGS} -O3 ${HAR_WORKER_CPU})
set_target_properties(har-worker PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_SOURCE_DIR}/public"
    LINK_DEPENDS "${HAR_WORKER_DIR}/har_worker_pre.js;${HAR_WORKER_DIR}/har_worker_library.js")
target_link_options(har-worker PRIVATE
    ${PORTAL_WEB_FLAGS} -O3 -mbulk-memory
    -sENVIRONMENT=worker -sFILESYSTEM=0
    # A file's largest entry, a 4 MiB chunk and a mebibyte of output at a
    # time: memory grows with the largest entry, not with the file.
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16777216 -sMAXIMUM_MEMORY=2147483648
    -sTEXTDECODER=2 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0 -sDYNAMIC_EXECUTION=0
    "-sINCOMING_MODULE_JS_API=[onRuntimeInitialized]"
    -sEXPORTED_FUNCTIONS=_har_begin,_har_feed,_har_finish,_har_error,_har_end,_token_inspect,_malloc,_free
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    "SHELL:--pre-js ${HAR_WORKER_DIR}/har_worker_pre.js"
    "SHELL:--js-library ${HAR_WORKER_DIR}/har_worker_library.js")
add_custom_command(TARGET har-worker POST_BUILD
    COMMAND ${MINIFY_JS} "${CMAKE_SOURCE_DIR}/public/har-worker.js" "${CMAKE_SOURCE_DIR}/public/har-worker.js"
    COMMENT "Minifying public/har-worker.js")
