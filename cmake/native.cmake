# Native build: the service, the command line and the tests.
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_library(CPP_HTTPLIB cpp-httplib REQUIRED)

# Debian builds libcpp-httplib with OpenSSL, zlib and brotli (see its
# cpp-httplib.pc); the same switches must be on wherever httplib.h is included
# or Request and Client differ in layout between our code and the library.
set(CPP_HTTPLIB_DEFINITIONS CPPHTTPLIB_OPENSSL_SUPPORT CPPHTTPLIB_ZLIB_SUPPORT CPPHTTPLIB_BROTLI_SUPPORT)
find_package(ZLIB REQUIRED)
# libsodium (Debian's libsodium-dev): argon2id password hashes, random tokens, SHA-256.
find_library(SODIUM sodium REQUIRED)
# libcurl (Debian's libcurl4-openssl-dev): SMTP with STARTTLS, TLS and login.
find_package(CURL REQUIRED)
# liboath (Debian's liboath-dev): TOTP codes for the second factor, RFC 6238.
find_library(OATH oath REQUIRED)
# libqrencode (Debian's libqrencode-dev): the QR code an authenticator app scans.
find_library(QRENCODE qrencode REQUIRED)
# OpenSSL (Debian's libssl-dev): the service checks ID tokens' signatures with it
# (single sign-on: RSA, RSA-PSS and ECDSA keys from a provider's JWK Set); the
# API tests compute TOTP codes with its HMAC-SHA1, apart from the service's liboath.
find_package(OpenSSL REQUIRED)

include(cmake/har_library.cmake)

file(GLOB_RECURSE WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.cpp")
add_executable(portal-web ${WEB_SOURCES})
target_link_libraries(portal-web PRIVATE portal_core portal_har SQLite::SQLite3 ZLIB::ZLIB ${CPP_HTTPLIB} ${SODIUM} CURL::libcurl ${OATH} ${QRENCODE}
                      OpenSSL::Crypto Threads::Threads)
target_compile_definitions(portal-web PRIVATE ${CPP_HTTPLIB_DEFINITIONS})
target_compile_options(portal-web PRIVATE ${PORTAL_WARNINGS})

file(GLOB CLI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/shell/cli/*.cpp")
add_executable(portal-cli ${CLI_SOURCES})
target_link_libraries(portal-cli PRIVATE portal_core portal_har)
target_compile_options(portal-cli PRIVATE ${PORTAL_WARNINGS})

enable_testing()

file(GLOB UNIT_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/unit/*.cpp")
add_executable(unit-tests ${UNIT_SOURCES})
# date's own tz (libdate-tz) only as the reference core::TimeZone is checked
# against, zone by zone (tests/unit/time_zone_test.cpp).
target_link_libraries(unit-tests PRIVATE portal_core portal_har date::date-tz)
target_compile_definitions(unit-tests PRIVATE PORTAL_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
add_test(NAME unit COMMAND unit-tests)

# The layers (cmake/check_layering.cmake) on the real tree, and on a fixture
# that breaks every rule, so the check is known to catch what it claims.
add_test(NAME layering COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -P ${CMAKE_SOURCE_DIR}/cmake/check_layering.cmake)
add_test(NAME layering-catches-breaks
         COMMAND sh -c "\"$0\" -DROOT=\"$1\" -P \"$2\" 2>&1; echo \"exit=$?\""
                 ${CMAKE_COMMAND} ${CMAKE_SOURCE_DIR}/tests/layering/breaks_rules ${CMAKE_SOURCE_DIR}/cmake/check_layering.cmake)
set_tests_properties(layering-catches-breaks PROPERTIES PASS_REGULAR_EXPRESSION
    "core/reads_clock.cpp:3: core/ includes a layer above core.*core/reads_clock.cpp:5: core/ reads the clock.*ui/talks_to_network.cpp:2: ui/ includes the platform layer.*ui/talks_to_network.cpp:3: ui/ uses network.*exit=1")

# Dispatch that cannot miss (core/flows/flow_dispatch.hpp): a complete pair of
# flows compiles; a missing handler, an Action without an owner and one with
# two each fail to compile with the rule's own message, and so does a shell's
# effect runner that lacks an Effect.
add_test(NAME dispatch-complete
         COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -I${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests/dispatch/complete.cpp)
add_test(NAME dispatch-effect-runs-all
         COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -I${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests/dispatch/effect_runs_all.cpp)
foreach(broken handler_missing owner_missing owned_twice effect_unrun)
    add_test(NAME dispatch-refuses-${broken}
             COMMAND sh -c "\"$0\" -std=c++20 -fsyntax-only -I\"$1\" \"$2\" 2>&1; echo \"exit=$?\""
                     ${CMAKE_CXX_COMPILER} ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/tests/dispatch/${broken}.cpp)
endforeach()
set_tests_properties(dispatch-refuses-handler_missing PROPERTIES PASS_REGULAR_EXPRESSION
    "has no handler.*exit=1")
set_tests_properties(dispatch-refuses-owner_missing dispatch-refuses-owned_twice PROPERTIES PASS_REGULAR_EXPRESSION
    "exactly one flow's Handles list.*exit=1")
set_tests_properties(dispatch-refuses-effect_unrun PROPERTIES PASS_REGULAR_EXPRESSION
    "an Effect this shell does not run.*exit=1")

file(GLOB API_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/api/*.cpp")
add_executable(api-tests ${API_SOURCES})
target_link_libraries(api-tests PRIVATE portal_core portal_har SQLite::SQLite3 ZLIB::ZLIB ${CPP_HTTPLIB} ${SODIUM} CURL::libcurl OpenSSL::Crypto
                      Threads::Threads)
target_compile_definitions(api-tests PRIVATE PORTAL_SOURCE_DIR="${CMAKE_SOURCE_DIR}" ${CPP_HTTPLIB_DEFINITIONS})
target_compile_options(api-tests PRIVATE ${PORTAL_WARNINGS})
add_test(NAME api COMMAND api-tests)
set_tests_properties(api PROPERTIES ENVIRONMENT "PORTAL_WEB=$<TARGET_FILE:portal-web>;PORTAL_CLI=$<TARGET_FILE:portal-cli>")
add_dependencies(api-tests portal-web portal-cli)

# --- portal-cli: the command line's contract ---------------------------------
# Each case runs through sh so one regular expression sees both the output and
# the exit code ("exit=N" on the last line).
function(portal_add_cli_test name expected_output)
    add_test(NAME ${name}
             COMMAND sh -c "\"$0\" \"$@\" 2>&1; echo \"exit=$?\"" $<TARGET_FILE:portal-cli> ${ARGN})
    set_tests_properties(${name} PROPERTIES PASS_REGULAR_EXPRESSION "${expected_output}")
endfunction()

set(CLI_TEST_DATA "${CMAKE_SOURCE_DIR}/tests/unit/data")
portal_add_cli_test(cli-help "usage: portal-cli .*program check FILE.*exit=0" help)
portal_add_cli_test(cli-no-command "usage: portal-cli .*exit=2")
portal_add_cli_test(cli-unknown-command "unknown command \"frobnicate\".*usage: .*exit=2" frobnicate)
portal_add_cli_test(cli-program-dump "\"product_name\": \"Support Portal\".*\"id\": \"onboarding\".*exit=0"
                    program dump)
portal_add_cli_test(cli-program-check-default "^ok: 5 plans, 5 routes\nexit=0"
                    program check "${CMAKE_SOURCE_DIR}/core/program/program.json")
portal_add_cli_test(cli-program-check-bad-reference
                    "^error: plans\\[2\\]\\.targets\\[0\\]\\.schedule: no schedule \"office-hours\"\nexit=1"
                    program check "${CLI_TEST_DATA}/bad_schedule_reference.json")
portal_add_cli_test(cli-program-check-not-json "^error: document: not valid JSON at byte [0-9]+.*exit=1"
                    program check "${CLI_TEST_DATA}/not_json.json")
portal_add_cli_test(cli-program-check-missing-file "^error: cannot read .*: No such file or directory\nexit=1"
                    program check "${CLI_TEST_DATA}/no_such_file.json")
portal_add_cli_test(cli-program-option "\"vendor\": \"Example Vendor\".*exit=0"
                    --program "${CLI_TEST_DATA}/minimal_program.json" program dump)
portal_add_cli_test(cli-program-option-bad "no schedule \"office-hours\"\nexit=1"
                    --program "${CLI_TEST_DATA}/bad_schedule_reference.json" program dump)

# sla eval: the issue's worked examples and bad lines, answered in order.
add_test(NAME cli-sla-eval
         COMMAND sh -c "\"$0\" sla eval < \"$1\" | diff -u \"$2\" -"
                 $<TARGET_FILE:portal-cli> "${CLI_TEST_DATA}/sla_eval_in.jsonl" "${CLI_TEST_DATA}/sla_eval_expected.jsonl")
portal_add_cli_test(cli-sla-deadline
    "severity: 2 High\ntarget: 4 business hours .*deadline: 2026-03-30T09:00:00\\+02:00 \\(Europe/Berlin\\)\ndeadline: 2026-03-30T07:00:00Z \\(UTC\\)\nexit=0"
    sla deadline --plan standard --severity 2 --tz Europe/Berlin --opened 2026-03-27T17:00:00+01:00)
portal_add_cli_test(cli-sla-deadline-no-plan "target: none .*exit=0"
    sla deadline --plan none --severity 3 --tz Europe/Berlin --opened 2026-03-27T17:00:00+01:00)
portal_add_cli_test(cli-sla-deadline-bad-zone "error: --tz: unknown time zone \"Nowhere/City\"\nexit=1"
    sla deadline --plan standard --severity 2 --tz Nowhere/City --opened 2026-03-27T17:00:00+01:00)

# har sanitize / analyze on the public fixtures (../shared/fixtures): the
# failed login's password and cookies do not reach OUT; a cut-off file is
# refused with the entry named and leaves no OUT behind.
set(HAR_FIXTURES "${CMAKE_SOURCE_DIR}/../shared/fixtures/har")
portal_add_cli_test(cli-har-analyze
    "The flow stopped at entry 2, POST https://auth.company.com/login \\(login\\): 401 Unauthorized, \"invalid_user_password: Wrong email or password\\.\"\\..*application: foobarbax.*exit=0"
    har analyze "${HAR_FIXTURES}/jfromaniello-har-sanitizer_example.har")
portal_add_cli_test(cli-har-analyze-json "\"verdict\": \"The flow stopped at entry 2.*\"redactions\": \\{.*\"cookie\": [0-9]+.*exit=0"
    har analyze --json "${HAR_FIXTURES}/jfromaniello-har-sanitizer_example.har")
add_test(NAME cli-har-sanitize
         COMMAND sh -c "set -e; out=\"$(mktemp -d)\"; \"$0\" har sanitize \"$1\" \"$out/clean.har\" --redact foobar@example.com;
                        ! grep -q -e pass1234 -e foobar@example.com -e 'FOO=BARBAX' -e 'Bearer 123456' \"$out/clean.har\" ||
                            { echo 'a secret survived'; exit 1; }
                        grep -q 'Username-Password-Authentication' \"$out/clean.har\"; rm -r \"$out\""
                 $<TARGET_FILE:portal-cli> "${HAR_FIXTURES}/jfromaniello-har-sanitizer_example.har")
add_test(NAME cli-har-sanitize-cut-off
         COMMAND sh -c "out=\"$(mktemp -d)\"; head -c 9000 \"$1\" > \"$out/cut.har\";
                        \"$0\" har sanitize \"$out/cut.har\" \"$out/clean.har\" 2>&1; echo \"exit=$?\";
                        ls \"$out\"; rm -r \"$out\""
                 $<TARGET_FILE:portal-cli> "${HAR_FIXTURES}/jfromaniello-har-sanitizer_example.har")
portal_add_cli_test(cli-har-token-saml
    "^SAML Response \\(HTTP-POST \\(base64\\)\\)\n.*problem: The signature in the Assertion \"id-SPOOFED_ASSERTION\" signs another element.*exit=0"
    har token "${CMAKE_SOURCE_DIR}/../shared/fixtures/tokens/python3-saml_invalids_signature_wrapping_attack2.xml.base64")
portal_add_cli_test(cli-har-token-bad "^error: Neither a JWT nor a SAML message: .*exit=1" har token "${CMAKE_SOURCE_DIR}/core/program/program.json")
set_tests_properties(cli-har-sanitize-cut-off PROPERTIES PASS_REGULAR_EXPRESSION
    "^error: .*cut.har: log\\.entries\\[[0-9]\\]\\.[^ ]+ \\(byte [0-9]+\\): The text ends inside this [a-z]+: it was cut off\\.\nexit=1\ncut.har\n$")
include(cmake/bench_native.cmake)
