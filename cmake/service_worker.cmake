# Writes public/service-worker.js from shell/web/service_worker.js.in with
# the shell's version: a hash of the files the worker precaches, so the
# worker's bytes change exactly when a deployment changes what it serves.
# Run as: cmake -DPUBLIC_DIR=... -DTEMPLATE=... -P service_worker.cmake
foreach(required PUBLIC_DIR TEMPLATE)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "service_worker.cmake needs -D${required}=...")
    endif()
endforeach()

# The rest of the split module, named by its hash (cmake/split_portal.mjs);
# none when the module was left whole.
file(GLOB deferred RELATIVE "${PUBLIC_DIR}" "${PUBLIC_DIR}/portal.deferred-*.wasm")
set(PORTAL_DEFERRED_FILES "")
foreach(name ${deferred})
    string(APPEND PORTAL_DEFERRED_FILES "'${name}', ")
endforeach()

set(hashes "")
foreach(name index.html boot.js favicon.svg portal.js portal.wasm ${deferred} har-worker.js har-worker.wasm fonts/inter-regular-accented.otf fonts/inter-semibold-accented.otf)
    if(NOT EXISTS "${PUBLIC_DIR}/${name}")
        message(FATAL_ERROR "${PUBLIC_DIR}/${name} is missing: the service worker would precache a file that is not there")
    endif()
    file(SHA256 "${PUBLIC_DIR}/${name}" hash)
    string(APPEND hashes "${name} ${hash}\n")
endforeach()
string(SHA256 combined "${hashes}")
string(SUBSTRING "${combined}" 0 16 PORTAL_SHELL_VERSION)

configure_file("${TEMPLATE}" "${PUBLIC_DIR}/service-worker.js" @ONLY)
# configure_file keeps an unchanged file's old time stamp; the build tool
# compares time stamps, so mark it as brought up to date.
file(TOUCH_NOCREATE "${PUBLIC_DIR}/service-worker.js")
