# The layers, checked on the sources: core/ is the rules (no I/O, no clock,
# nothing of ours above it), ui/ draws from core's State (no network, storage
# or platform), web/ is the service (never the browser's ui/ or shell/).
# Run as: cmake -DROOT=<tree> -P cmake/check_layering.cmake; a broken rule
# names the file, the line and the rule, and the script fails.
if(NOT ROOT)
    message(FATAL_ERROR "pass -DROOT=<source tree>")
endif()

# layer -> patterns a line of its sources must not match, with why.
set(core_forbidden
    "#include[ \t]*[\"<](\\.\\./|ui/|web/|shell/)|includes a layer above core"
    "#include[ \t]*<(imgui|httplib|sqlite3|emscripten|libpq|curl)|includes a platform library"
    "#include[ \t]*<(fstream|iostream|filesystem|thread)>|does I/O or threads"
    "(system_clock|steady_clock|high_resolution_clock)::now|reads the clock (time comes in as State::now)"
    "[^a-z_](fopen|std::time|time)\\(|does I/O or reads the clock")
set(ui_forbidden
    "#include[ \t]*[\"<](\\.\\./|web/|shell/)|includes the platform layer (ui draws, the shell talks to the world)"
    "#include[ \t]*<(httplib|sqlite3|emscripten|libpq|curl|fstream|filesystem)|uses network, storage or platform"
    "(system_clock|steady_clock|high_resolution_clock)::now|reads the clock (time comes in as State::now)"
    "emscripten_|reaches the browser directly")
set(web_forbidden
    "#include[ \t]*[\"<](\\.\\./|ui/|shell/)|includes the browser's layers")

set(broken 0)
foreach(layer core ui web)
    file(GLOB_RECURSE sources "${ROOT}/${layer}/*.cpp" "${ROOT}/${layer}/*.hpp" "${ROOT}/${layer}/*.h")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" lines)
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(line MATCHES "^[ \t]*//")
                continue()   # comments may name what they avoid
            endif()
            foreach(rule IN LISTS ${layer}_forbidden)
                string(REPLACE "|" ";" parts "${rule}")
                list(POP_BACK parts why)
                list(JOIN parts "|" pattern)
                if(line MATCHES "${pattern}")
                    file(RELATIVE_PATH shown "${ROOT}" "${source}")
                    message("${shown}:${number}: ${layer}/ ${why}: ${line}")
                    math(EXPR broken "${broken} + 1")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()
if(broken GREATER 0)
    message(FATAL_ERROR "${broken} line(s) break the layering (docs/ARCHITECTURE.md, "Layering")")
endif()
message("layering: core, ui and web keep to their layers")
