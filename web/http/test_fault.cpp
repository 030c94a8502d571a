#include "web/http/test_fault.hpp"

#include <cstdio>
#include <cstdlib>

namespace web {

namespace {

struct NamedFault {
    TestFault fault;
    std::string_view name;
};

constexpr NamedFault known_faults[] = {
    {TestFault::exit_after_ticket_stored, "exit-after-ticket-stored"},
};

}  // namespace

std::string_view test_fault_name(TestFault fault) {
    for (const NamedFault& known : known_faults)
        if (known.fault == fault) return known.name;
    return "none";
}

std::optional<TestFault> test_fault_named(std::string_view name) {
    for (const NamedFault& known : known_faults)
        if (known.name == name) return known.fault;
    return std::nullopt;
}

std::string test_fault_names() {
    std::string names;
    for (const NamedFault& known : known_faults) {
        if (!names.empty()) names += ", ";
        names += known.name;
    }
    return names;
}

void reach_fault_point(TestFault armed, TestFault point, const std::string& what_was_done) {
    if (armed == TestFault::none || armed != point) return;
    std::fprintf(stderr, "portal-web: test fault %.*s: %s; exiting with code %d before answering\n",
                 int(test_fault_name(point).size()), test_fault_name(point).data(), what_was_done.c_str(), test_fault_exit_code);
    std::fflush(stderr);
    // _Exit, not exit: a crash runs no destructors and closes nothing cleanly,
    // so neither may this (the database keeps its -wal file, as after a crash).
    std::_Exit(test_fault_exit_code);
}

}  // namespace web
