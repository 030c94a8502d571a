# Browser build: core + ui + shell/web + Dear ImGui (from Debian's source
# package) into public/portal.js + public/portal.wasm.
set(IMGUI_DIR "${PORTAL_DEPS_DIR}/imgui-1.86+ds")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ${IMGUI_DIR}; run ./portal setup")
endif()

set(PORTAL_WEB_FLAGS -fwasm-exceptions)
target_compile_options(portal_core PUBLIC ${PORTAL_WEB_FLAGS})

# Howard Hinnant's tz.cpp from Debian's source package, reading TZif files
# from /usr/share/zoneinfo in the module's virtual file system (the shell puts
# them there). portal_core's definitions (USE_OS_TZDB=1, HAS_REMOTE_API=0) apply.
set(DATE_DIR "${PORTAL_DEPS_DIR}/howardhinnant-date-3.0.1+ds")
if(NOT EXISTS "${DATE_DIR}/src/tz.cpp")
    message(FATAL_ERROR "date sources not found in ${DATE_DIR}; run ./portal setup")
endif()
add_library(date_tz_web STATIC "${DATE_DIR}/src/tz.cpp")
target_include_directories(date_tz_web SYSTEM PUBLIC "${DATE_DIR}/include")
target_compile_definitions(date_tz_web PUBLIC USE_OS_TZDB=1 HAS_REMOTE_API=0 ONLY_C_LOCALE=1 HAS_STRING_VIEW=1)
target_compile_options(date_tz_web PRIVATE ${PORTAL_WEB_FLAGS} -w)
target_link_libraries(portal_core PUBLIC date_tz_web)

add_library(imgui STATIC
    "${IMGUI_DIR}/imgui.cpp"
    "${IMGUI_DIR}/imgui_draw.cpp"
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
# arrows): ~14 KB gzip instead of ~140 KB per face.
set(FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
set(FONT_UNICODES "U+0020-007E,U+00A0-017F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193,U+2212,U+2713,U+2715,U+25CF")
set(PORTAL_FONTS "")
foreach(face Regular SemiBold)
    set(out "${FONT_DIR}/Inter-${face}.otf")
    add_custom_command(OUTPUT "${out}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${FONT_DIR}"
        COMMAND pyftsubset "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
                "--unicodes=${FONT_UNICODES}" --layout-features= "--output-file=${out}"
        DEPENDS "/usr/share/fonts/opentype/inter/Inter-${face}.otf"
        COMMENT "Subsetting Inter ${face}")
    list(APPEND PORTAL_FONTS "${out}")
endforeach()
add_custom_target(portal_fonts DEPENDS ${PORTAL_FONTS})

# Time zones: the page fetches each zone's TZif file on demand from
# /zoneinfo/<name> (public/zoneinfo links to the system's tzdata), so only the
# names (~10 KB) ship with the module; tz.cpp needs them to list the zones.
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
file(CREATE_LINK "${ZONEINFO_DIR}" "${CMAKE_SOURCE_DIR}/public/zoneinfo" SYMBOLIC)

file(GLOB UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/ui/*.cpp")
file(GLOB SHELL_WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/web/*.cpp")
set(PORTAL_JS_LIBRARY "${CMAKE_SOURCE_DIR}/shell/web/portal_library.js")
set(PORTAL_MIRROR_JS_LIBRARY "${CMAKE_SOURCE_DIR}/shell/web/accessibility_mirror.js")

add_executable(portal ${UI_SOURCES} ${SHELL_WEB_SOURCES})
add_dependencies(portal portal_fonts)
target_link_libraries(portal PRIVATE portal_core imgui)
target_compile_options(portal PRIVATE ${PORTAL_WARNINGS})
set_target_properties(portal PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_SOURCE_DIR}/public"
    LINK_DEPENDS "${PORTAL_JS_LIBRARY};${PORTAL_MIRROR_JS_LIBRARY};${PORTAL_FONTS};${ZONE_NAMES_FILE}")
target_link_options(portal PRIVATE
    ${PORTAL_WEB_FLAGS}
    -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
    -sENVIRONMENT=web -sFILESYSTEM=1
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free
    -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8,FS
    # SHELL: keeps CMake from merging the repeated --js-library flag.
    "SHELL:--js-library ${PORTAL_JS_LIBRARY}"
    "SHELL:--js-library ${PORTAL_MIRROR_JS_LIBRARY}"
    "--embed-file=${FONT_DIR}/Inter-Regular.otf@/fonts/Inter-Regular.otf"
    "--embed-file=${FONT_DIR}/Inter-SemiBold.otf@/fonts/Inter-SemiBold.otf"
    "--embed-file=${ZONE_NAMES_FILE}@/zoneinfo-names.txt")
if(CMAKE_BUILD_TYPE STREQUAL "MinSizeRel")
    target_compile_options(portal_core PRIVATE -flto)
    target_compile_options(imgui PRIVATE -flto)
    target_compile_options(portal PRIVATE -flto)
    target_link_options(portal PRIVATE -Oz -flto)
endif()

# The service worker: written after every link (and whenever the page's own
# files change) with a version hashed from the shell files it precaches.
set(SERVICE_WORKER_TEMPLATE "${CMAKE_SOURCE_DIR}/shell/web/service_worker.js.in")
set(SERVICE_WORKER_SCRIPT "${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake")
add_custom_command(OUTPUT "${CMAKE_SOURCE_DIR}/public/service-worker.js"
    COMMAND "${CMAKE_COMMAND}" "-DPUBLIC_DIR=${CMAKE_SOURCE_DIR}/public" "-DTEMPLATE=${SERVICE_WORKER_TEMPLATE}"
            -P "${SERVICE_WORKER_SCRIPT}"
    DEPENDS portal "${SERVICE_WORKER_TEMPLATE}" "${SERVICE_WORKER_SCRIPT}"
            "${CMAKE_SOURCE_DIR}/public/index.html" "${CMAKE_SOURCE_DIR}/public/boot.js"
            "${CMAKE_SOURCE_DIR}/public/favicon.svg"
    COMMENT "Writing public/service-worker.js")
add_custom_target(service_worker ALL DEPENDS "${CMAKE_SOURCE_DIR}/public/service-worker.js")

include(cmake/bench_web.cmake)
