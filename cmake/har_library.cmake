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
endif()
