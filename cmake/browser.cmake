# Browser build: core + ui + shell/web + Dear ImGui (from Debian's source
# package) into public/portal.js + public/portal.wasm.
set(IMGUI_DIR "${PORTAL_DEPS_DIR}/imgui-1.86+ds")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}; run ./portal setup")
endif()

# No exception support in the page: core, ui and shell/web neither throw nor
# catch (parsers report problems as values), so nlohmann's throws and the
# standard library's become aborts, as uncaught ones were; without landing
# pads the module is ~20 KB of gzip smaller. Nor RTTI, which nothing asks
# for. The web preset compiles with -Oz (CMakePresets.json): 2.6 KB of gzip
# less than -Os.
set(PORTAL_WEB_FLAGS -fno-exceptions -fno-rtti)
target_compile_options(portal_core PUBLIC ${PORTAL_WEB_FLAGS})
# emcc's -Os and -Oz also pass -fno-inline-functions: the chrono and date wrappers
# of the SLA clock (run for every ticket row the tickets screen draws) stayed
# calls even under LTO, and deadlines took 15 to 24 times as long as natively
# (docs/benchmarks.md). -finline-functions after it gives these files clang's
# own inlining back; for every file it would cost the page 73 KB of gzip.
set_source_files_properties(
    "${CMAKE_SOURCE_DIR}/core/sla/business_calendar.cpp"
    "${CMAKE_SOURCE_DIR}/core/sla/sla_status.cpp"
    "${CMAKE_SOURCE_DIR}/core/sla/response_status.cpp"
    "${CMAKE_SOURCE_DIR}/core/time/time_zone.cpp"
    PROPERTIES COMPILE_OPTIONS "-finline-functions")

# Time zones are core::TimeZone reading TZif bytes; date is used for its
# calendar types only (header-only date.h).
set(DATE_DIR "${PORTAL_DEPS_DIR}/howardhinnant-date-3.0.1+ds")
if(NOT EXISTS "${DATE_DIR}/include/date/date.h")
    message(FATAL_ERROR "date sources not found in ${DATE_DIR}; run ./portal setup")
endif()
target_include_directories(portal_core SYSTEM PUBLIC "${DATE_DIR}/include")

# ImGui's own font, ProggyClean, is never drawn: ui::load_style adds Inter
# before the atlas is built. ImFontAtlas::Build still refers to it (for an
# atlas without fonts), which kept its 12 KB of base85 text, 9 KB of gzip, in
# the module. Debian's imgui_draw.cpp is compiled from a copy made here with
# that text emptied; a source that no longer has it fails the configure.
set(IMGUI_DRAW_SOURCE "${CMAKE_BINARY_DIR}/generated/imgui_draw.cpp")
file(READ "${IMGUI_DIR}/imgui_draw.cpp" imgui_draw)
string(FIND "${imgui_draw}" "static const char proggy_clean_ttf_compressed_data_base85[" proggy_begin)
string(FIND "${imgui_draw}" "static const char* GetDefaultCompressedFontDataTTFBase85()" proggy_end)
if(proggy_begin EQUAL -1 OR proggy_end LESS proggy_begin)
    message(FATAL_ERROR "${IMGUI_DIR}/imgui_draw.cpp no longer holds ProggyClean where cmake/browser.cmake expects it")
endif()
string(SUBSTRING "${imgui_draw}" 0 ${proggy_begin} before_proggy)
string(SUBSTRING "${imgui_draw}" ${proggy_end} -1 after_proggy)
file(WRITE "${IMGUI_DRAW_SOURCE}.new"
     "${before_proggy}static const char proggy_clean_ttf_compressed_data_base85[1] = \"\"; // emptied by cmake/browser.cmake\n\n${after_proggy}")
file(COPY_FILE "${IMGUI_DRAW_SOURCE}.new" "${IMGUI_DRAW_SOURCE}" ONLY_IF_DIFFERENT)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${IMGUI_DIR}/imgui_draw.cpp")

add_library(imgui STATIC
    "${IMGUI_DIR}/imgui.cpp"
    "${IMGUI_DRAW_SOURCE}"
    "${IMGUI_DIR}/imgui_tables.cpp"
    "${IMGUI_DIR}/imgui_widgets.cpp"
    "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
    "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends" "${IMGUI_DIR}/misc/cpp")
# Our imconfig: 32-bit indices, the test-engine item hooks, no demo window.
target_compile_definitions(imgui PUBLIC
    IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/ui/imconfig_portal.h"
    IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui PUBLIC ${PORTAL_WEB_FLAGS})

# Inter, cut down to the characters the portal can show (Latin, punctuation,
# arrows): ~10 KB gzip instead of ~140 KB per face. No hints (stb_truetype
# ignores them) and no subroutines: flat charstrings are larger but compress
# better, 1.6 KB of gzip less per face. Accented letters (Latin-1's
# À-ÿ and Latin Extended-A: French, German, Spanish, Polish, Czech,
# Turkish... letters) are a face of their own that the page fetches the first
# time such a letter is on screen (shell/web/font_extension): 8 KB of gzip
# that most first visits never need, 4 KB of it Latin-1's. Latin-1's symbols
# (©, °, ±, ×, ÷, «») stay in. ui/style.cpp names the same ranges.
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(FONT_UNICODES "U+0020-007E,U+00A0-00BF,U+00D7,U+00F7,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2713,U+2715,U+25CF")
set(FONT_EXTENSION_UNICODES "U+00C0-00D6,U+00D8-00F6,U+00F8-017F")
set(FONT_EXTENSION_DIR "${CMAKE_SOURCE_DIR}/public/fonts")
set(FONT_EXTENSIONS "")
# Each face is subset, then compiled into the module as bytes
# (cmake/embed_bytes.cmake): no virtual file system to load them from.
set(EMBED_BYTES "${CMAKE_SOURCE_DIR}/cmake/embed_bytes.cmake")
set(EMBEDDED_SOURCES "")
foreach(face Regular SemiBold)
    set(out "${FONT_DIR}/Inter-${face}.otf")
    string(TOLOWER "inter_${face}_face" function)
    set(source "${CMAKE_BINARY_DIR}/generated/${function}.cpp")
    set(subset_options --layout-features= --no-hinting --desubroutinize --name-IDs= --no-glyph-names)
    add_custom_command(OUTPUT "${out}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${FONT_DIR}"
        COMMAND pyftsubset "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
                "--unicodes=${FONT_UNICODES}" ${subset_options} "--output-file=${out}"
        DEPENDS "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
        COMMENT "Subsetting Inter ${face}")
    add_custom_command(OUTPUT "${source}"
        COMMAND "${CMAKE_COMMAND}" -DIN=${out} -DOUT=${source} -DNAME=${function} -P "${EMBED_BYTES}"
        DEPENDS "${out}" "${EMBED_BYTES}"
        COMMENT "Embedding Inter ${face}")
    list(APPEND EMBEDDED_SOURCES "${source}")

    string(TOLOWER "${face}" weight)
    set(extension "${FONT_EXTENSION_DIR}/inter-${weight}-accented.otf")
    add_custom_command(OUTPUT "${extension}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${FONT_EXTENSION_DIR}"
        COMMAND pyftsubset "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
                "--unicodes=${FONT_EXTENSION_UNICODES}" ${subset_options} "--output-file=${extension}"
        DEPENDS "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
        COMMENT "Subsetting Inter ${face}'s Latin Extended-A")
    list(APPEND FONT_EXTENSIONS "${extension}")
endforeach()
add_custom_target(font_extensions ALL DEPENDS ${FONT_EXTENSIONS})

# Time zones: the page fetches each zone's TZif file on demand from
# /zoneinfo/<name> (public/zoneinfo links to the system's tzdata), so only the
# names (~10 KB) ship with the module, for the viewer to choose from.
set(ZONEINFO_DIR "/usr/share/zoneinfo")
file(GLOB_RECURSE ZONE_FILES RELATIVE "${ZONEINFO_DIR}" "${ZONEINFO_DIR}/*")
set(ZONE_NAMES "")
foreach(name IN LISTS ZONE_FILES)
    if(name MATCHES "^(posix|right)/" OR name MATCHES "\\." OR name MATCHES "^[a-z+]" OR name STREQUAL "Factory")
        continue()   # variants, tables (zone.tab, tzdata.zi, leapseconds, ...) and lowercase files are not zones
    endif()
    string(APPEND ZONE_NAMES "${name}\n")
endforeach()
set(ZONE_NAMES_FILE "${CMAKE_BINARY_DIR}/zoneinfo-names.txt")
file(WRITE "${ZONE_NAMES_FILE}.new" "${ZONE_NAMES}")
file(COPY_FILE "${ZONE_NAMES_FILE}.new" "${ZONE_NAMES_FILE}" ONLY_IF_DIFFERENT)
set(ZONE_NAMES_SOURCE "${CMAKE_BINARY_DIR}/generated/zone_names_text.cpp")
add_custom_command(OUTPUT "${ZONE_NAMES_SOURCE}"
    COMMAND "${CMAKE_COMMAND}" -DIN=${ZONE_NAMES_FILE} -DOUT=${ZONE_NAMES_SOURCE} -DNAME=zone_names_text -P "${EMBED_BYTES}"
    DEPENDS "${ZONE_NAMES_FILE}" "${EMBED_BYTES}"
    COMMENT "Embedding the zone names")
list(APPEND EMBEDDED_SOURCES "${ZONE_NAMES_SOURCE}")
file(CREATE_LINK "${ZONEINFO_DIR}" "${CMAKE_SOURCE_DIR}/public/zoneinfo" SYMBOLIC)

file(GLOB UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/ui/*.cpp")
file(GLOB SHELL_WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/web/*.cpp")
set(PORTAL_JS_LIBRARY "${CMAKE_SOURCE_DIR}/shell/web/portal_library.js")
set(PORTAL_MIRROR_JS_LIBRARY "${CMAKE_SOURCE_DIR}/shell/web/accessibility_mirror.js")

add_executable(portal ${UI_SOURCES} ${SHELL_WEB_SOURCES} ${EMBEDDED_SOURCES})
target_link_libraries(portal PRIVATE portal_core imgui)
target_compile_options(portal PRIVATE ${PORTAL_WARNINGS})
set_target_properties(portal PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_SOURCE_DIR}/public"
    LINK_DEPENDS "${PORTAL_JS_LIBRARY};${PORTAL_MIRROR_JS_LIBRARY}")
target_link_options(portal PRIVATE
    ${PORTAL_WEB_FLAGS}
    # WebGL2 as it is: ImGui's backend needs none of FULL_ES3's emulation of
    # client-side arrays and buffer mapping (1.4 KB of gzip in portal.js).
    -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    # emmalloc rather than dlmalloc, emscripten's default: 2.4 KB of gzip
    # less for about 0.1 ms more per frame of the tickets screen with 10,000
    # tickets (0.7 against 0.6 ms median while scrolling; the goal is 2 ms).
    -sMALLOC=emmalloc
    -sENVIRONMENT=web -sFILESYSTEM=0
    # Glue only for what the page uses and the browsers it supports (those
    # with WebGL2 and TextDecoder): 1 KB of gzip in portal.js.
    -sMIN_CHROME_VERSION=85 -sMIN_EDGE_VERSION=85 -sMIN_FIREFOX_VERSION=79 -sMIN_SAFARI_VERSION=150000
    -sTEXTDECODER=2 -sSUPPORT_ERRNO=0 -sSUPPORT_LONGJMP=0 -sDYNAMIC_EXECUTION=0
    -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
    # What boot.js's Module holds; anything else given there would be ignored.
    "-sINCOMING_MODULE_JS_API=[canvas,onRuntimeInitialized,printErr,instantiateWasm]"
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    # SHELL: keeps CMake from merging the repeated --js-library flag.
    "SHELL:--js-library ${PORTAL_JS_LIBRARY}"
    "SHELL:--js-library ${PORTAL_MIRROR_JS_LIBRARY}")
if(CMAKE_BUILD_TYPE STREQUAL "MinSizeRel")
    target_compile_options(portal_core PRIVATE -flto)
    target_compile_options(imgui PRIVATE -flto)
    target_compile_options(portal PRIVATE -flto)
    # --converge: wasm-opt repeats -Oz while the module still shrinks (3.6 KB of gzip).
    target_link_options(portal PRIVATE -Oz -flto -sBINARYEN_EXTRA_PASSES=--converge)
    # emcc drops the functions no JS calls only after its -Oz, and then runs
    # lighter passes: -Oz once more over what is left saves 1 KB of gzip.
    find_program(WASM_OPT wasm-opt REQUIRED)
    add_custom_command(TARGET portal POST_BUILD
        COMMAND "${WASM_OPT}" -Oz "${CMAKE_SOURCE_DIR}/public/portal.wasm" -o "${CMAKE_SOURCE_DIR}/public/portal.wasm"
        COMMENT "Optimizing public/portal.wasm once more")
endif()

# The page's scripts go out minified (cmake/minify_js.mjs, Debian's terser):
# 6.5 KB less gzip for portal.js, whose emcc glue Debian's emcc cannot give
# to Closure, and 1.9 KB for boot.js, written from shell/web/boot.js.
find_program(NODE_EXECUTABLE node REQUIRED)
set(MINIFY_JS "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs "${NODE_EXECUTABLE}"
    "${CMAKE_SOURCE_DIR}/cmake/minify_js.mjs")
add_custom_command(TARGET portal POST_BUILD
    COMMAND ${MINIFY_JS} --module-scope "${CMAKE_SOURCE_DIR}/public/portal.js" "${CMAKE_SOURCE_DIR}/public/portal.js"
    COMMENT "Minifying public/portal.js")
# Split the module by what a start runs (cmake/split_portal.mjs): the page
# starts in headless Chromium against build/native/portal-web, so build the
# native preset first (./portal build does); without it the module stays whole.
set(PORTAL_SPLIT_SERVICE "${CMAKE_SOURCE_DIR}/build/native/portal-web" CACHE FILEPATH
    "portal-web that serves the page while its start is profiled")
add_custom_command(TARGET portal POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs "${NODE_EXECUTABLE}"
            "${CMAKE_SOURCE_DIR}/cmake/split_portal.mjs" --public "${CMAKE_SOURCE_DIR}/public"
            --service "${PORTAL_SPLIT_SERVICE}" --work "${CMAKE_BINARY_DIR}/split"
            --harness "${CMAKE_SOURCE_DIR}/tests/e2e"
    COMMENT "Splitting public/portal.wasm into what a start runs and the rest")
add_custom_command(OUTPUT "${CMAKE_SOURCE_DIR}/public/boot.js"
    COMMAND ${MINIFY_JS} "${CMAKE_SOURCE_DIR}/shell/web/boot.js" "${CMAKE_SOURCE_DIR}/public/boot.js"
    DEPENDS "${CMAKE_SOURCE_DIR}/shell/web/boot.js" "${CMAKE_SOURCE_DIR}/cmake/minify_js.mjs"
    COMMENT "Minifying shell/web/boot.js into public/boot.js")
# Before the module links: splitting it starts the page, boot.js and all.
add_custom_target(boot_js DEPENDS "${CMAKE_SOURCE_DIR}/public/boot.js")
add_dependencies(portal boot_js)

include(cmake/har_worker.cmake)

# The service worker: written after every link (and whenever the page's own
# files change) with a version hashed from the shell files it precaches.
set(SERVICE_WORKER_TEMPLATE "${CMAKE_SOURCE_DIR}/shell/web/service_worker.js.in")
set(SERVICE_WORKER_SCRIPT "${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake")
add_custom_command(OUTPUT "${CMAKE_SOURCE_DIR}/public/service-worker.js"
    COMMAND "${CMAKE_COMMAND}" "-DPUBLIC_DIR=${CMAKE_SOURCE_DIR}/public" "-DTEMPLATE=${SERVICE_WORKER_TEMPLATE}"
            -P "${SERVICE_WORKER_SCRIPT}"
    DEPENDS portal har-worker "${SERVICE_WORKER_TEMPLATE}" "${SERVICE_WORKER_SCRIPT}"
            "${CMAKE_SOURCE_DIR}/public/index.html" "${CMAKE_SOURCE_DIR}/public/boot.js"
            "${CMAKE_SOURCE_DIR}/public/favicon.svg" ${FONT_EXTENSIONS}
    COMMENT "Writing public/service-worker.js")
add_custom_target(service_worker ALL DEPENDS "${CMAKE_SOURCE_DIR}/public/service-worker.js")

include(cmake/bench_web.cmake)
