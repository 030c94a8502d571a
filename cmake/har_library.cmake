# portal_har: core/har, the HAR reader and sanitiser (and SAML inside HAR
# files). Plain core code (no I/O, no clock), kept out of portal_core because
# it needs two libraries the page must not carry: pugixml, for SAML's XML
# (parsing XML by hand is how signature checks go wrong), and zlib, for the
# raw DEFLATE of SAML's HTTP-Redirect binding. Natively they are Debian's
# libpugixml-dev and zlib1g-dev.
file(GLOB HAR_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/core/har/*.cpp")
add_library(portal_har STATIC ${HAR_SOURCES})
target_compile_options(portal_har PRIVATE ${PORTAL_WARNINGS})
if(NOT EMSCRIPTEN)
    find_package(pugixml CONFIG REQUIRED)
    find_package(ZLIB REQUIRED)
    target_link_libraries(portal_har PUBLIC portal_core PRIVATE pugixml::pugixml ZLIB::ZLIB)
    return()
endif()

# In the browser, both come from Debian's source packages (./portal setup
# unpacks them into .deps, as it does ImGui), compiled by em++ like our own
# code: no exceptions, no RTTI. Emscripten's -sUSE_ZLIB port would download.
# Whichever version ./portal setup unpacked (the mirror decides).
file(GLOB zlib_dirs LIST_DIRECTORIES true "${PORTAL_DEPS_DIR}/zlib-[0-9]*")
file(GLOB pugixml_dirs LIST_DIRECTORIES true "${PORTAL_DEPS_DIR}/pugixml-[0-9]*")
list(SORT zlib_dirs)
list(SORT pugixml_dirs)
set(ZLIB_SOURCE_DIR "")
set(PUGIXML_SOURCE_DIR "")
if(zlib_dirs)
    list(POP_BACK zlib_dirs ZLIB_SOURCE_DIR)
endif()
if(pugixml_dirs)
    list(POP_BACK pugixml_dirs PUGIXML_SOURCE_DIR)
endif()
if(NOT EXISTS "${ZLIB_SOURCE_DIR}/inflate.c" OR NOT EXISTS "${PUGIXML_SOURCE_DIR}/src/pugixml.cpp")
    message(FATAL_ERROR "zlib or pugixml sources not found in ${PORTAL_DEPS_DIR}; run ./portal setup")
endif()
enable_language(C)
# Raw inflate for SAML's Redirect binding, deflate to write it back.
add_library(portal_zlib STATIC
    "${ZLIB_SOURCE_DIR}/adler32.c" "${ZLIB_SOURCE_DIR}/crc32.c" "${ZLIB_SOURCE_DIR}/deflate.c"
    "${ZLIB_SOURCE_DIR}/inffast.c" "${ZLIB_SOURCE_DIR}/inflate.c" "${ZLIB_SOURCE_DIR}/inftrees.c"
    "${ZLIB_SOURCE_DIR}/trees.c" "${ZLIB_SOURCE_DIR}/zutil.c")
target_include_directories(portal_zlib SYSTEM PUBLIC "${ZLIB_SOURCE_DIR}")
target_compile_definitions(portal_zlib PRIVATE HAVE_UNISTD_H)
target_compile_options(portal_zlib PRIVATE -O3)
# The DOM only: no XPath (nothing asks for it) and no exceptions (the page's
# code is built without them; pugixml then reports errors as results).
add_library(portal_pugixml STATIC "${PUGIXML_SOURCE_DIR}/src/pugixml.cpp")
target_include_directories(portal_pugixml SYSTEM PUBLIC "${PUGIXML_SOURCE_DIR}/src")
target_compile_definitions(portal_pugixml PUBLIC PUGIXML_NO_EXCEPTIONS PUGIXML_NO_XPATH)
target_compile_options(portal_pugixml PRIVATE ${PORTAL_WEB_FLAGS} -O3)
target_link_libraries(portal_har PUBLIC portal_core PRIVATE portal_pugixml portal_zlib)
