// The portal's state and the one function that changes it.
//
// ui::draw reads a State and returns Actions; core::update applies an Action
// and returns Effects for the shell to carry out (history, HTTP). Results come
// back as Actions. update does no I/O and reads no clock.
#pragma once

#include "location.hpp"
#include "program.hpp"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace core {

struct State {
    Program program = default_program();
    Screen screen = HomeScreen{};
    // What the user typed, per route and field. Kept here (not in widgets) so
    // that Back and forward navigation never lose it.
    std::map<std::string, std::map<std::string, std::string>> drafts;
    std::string notice;               // one-line message for the user, empty if none
};

// --- Actions: things that happened --------------------------------------
struct OpenRoute { std::string route_id; };       // a route card was clicked
struct GoHome {};                                   // header / breadcrumb
struct LocationChanged { std::string hash; };      // browser Back/Forward or typed URL
struct EditField { std::string route_id, field_id, value; };
struct ProgramFetched { int status = 0; std::string body; };  // GET /api/v1/program result
struct DismissNotice {};

using Action = std::variant<OpenRoute, GoHome, LocationChanged, EditField, ProgramFetched, DismissNotice>;

// --- Effects: things the shell must do ----------------------------------
struct PushLocation { std::string hash; };         // new history entry
struct ReplaceLocation { std::string hash; };      // fix up the URL without an entry
struct HttpGet { std::string url; };               // answer comes back as an Action

using Effect = std::variant<PushLocation, ReplaceLocation, HttpGet>;

// Effects to run once when the shell starts, given the hash it was opened with.
std::vector<Effect> start(State& state, std::string_view initial_hash);

std::vector<Effect> update(State& state, const Action& action);

}  // namespace core
