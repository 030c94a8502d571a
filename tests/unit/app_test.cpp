// Navigation, drafts and program updates through core::update: what the user
// sees after each click, Back, or service answer.
#include "core/app.hpp"
#include "effects_of.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

template <typename T>
const T* only_effect(const std::vector<Effect>& effects) {
    REQUIRE(effects.size() == 1);
    return std::get_if<T>(&effects[0]);
}
template <typename T>
const T* only_effect(const std::vector<Effect>&&) = delete;  // the pointer would dangle

// The built-in document with one more route, as a newer service might send it.
std::string program_with_billing_route() {
    nlohmann::json doc = nlohmann::json::parse(default_program_json());
    nlohmann::json billing = doc["routes"][3];
    billing["id"] = "billing";
    billing["title"] = "Billing";
    doc["routes"].push_back(billing);
    return doc.dump();
}

}  // namespace

TEST_CASE("opening a route pushes its hash; opening it again adds no history entry") {
    State state;
    std::vector<Effect> effects = update(state, OpenRoute{"onboarding"});
    REQUIRE(effects.size() == 2);   // the location, and the service status shown before the form
    const PushLocation* push = std::get_if<PushLocation>(&effects[0]);
    REQUIRE(push);
    CHECK(push->hash == "#/route/onboarding");
    const HttpGet* status = std::get_if<HttpGet>(&effects[1]);
    REQUIRE(status);
    CHECK(status->url == "/api/v1/status");
    CHECK(state.screen == Screen{RouteScreen{"onboarding"}});

    CHECK(update(state, OpenRoute{"onboarding"}).empty());
}

TEST_CASE("Back is followed without pushing a new entry") {
    State state;
    update(state, OpenRoute{"production"});
    CHECK(update(state, LocationChanged{"#/"}).empty());
    CHECK(state.screen == Screen{HomeScreen{}});
    CHECK(update(state, LocationChanged{"#/route/production"}).empty());  // Forward
    CHECK(state.screen == Screen{RouteScreen{"production"}});
}

TEST_CASE("GoHome pushes #/ from a route and does nothing at home") {
    State state;
    update(state, OpenRoute{"advanced"});
    std::vector<Effect> effects = update(state, GoHome{});
    const PushLocation* push = only_effect<PushLocation>(effects);
    REQUIRE(push);
    CHECK(push->hash == "#/");
    CHECK(state.screen == Screen{HomeScreen{}});
    CHECK(update(state, GoHome{}).empty());
}

TEST_CASE("an unknown route stays on the current screen and says why") {
    State state;
    CHECK(update(state, OpenRoute{"billing"}).empty());
    CHECK(state.screen == Screen{HomeScreen{}});
    CHECK(state.notice.find("billing") != std::string::npos);
    update(state, DismissNotice{});
    CHECK(state.notice.empty());

    update(state, LocationChanged{"#/route/billing"});
    CHECK(state.screen == Screen{NotFoundScreen{"#/route/billing"}});
}

TEST_CASE("typed text survives navigating away and back") {
    State state;
    update(state, OpenRoute{"onboarding"});
    update(state, EditField{"onboarding", "tenant", "acme-prod"});
    update(state, EditField{"onboarding", "redirect_uri", "https://app.example.com/callback"});
    update(state, GoHome{});
    update(state, OpenRoute{"production"});
    update(state, EditField{"production", "tenant", "acme-staging"});
    update(state, LocationChanged{"#/route/onboarding"});

    CHECK(state.requests["onboarding"].draft.fields["tenant"] == "acme-prod");
    CHECK(state.requests["onboarding"].draft.fields["redirect_uri"] == "https://app.example.com/callback");
    CHECK(state.requests["production"].draft.fields["tenant"] == "acme-staging");
}

TEST_CASE("a program the service sends broken keeps the built-in one and tells the user") {
    State state;
    nlohmann::json doc = nlohmann::json::parse(default_program_json());
    doc["routes"][0]["fields"][3]["kind"] = "colour";

    CHECK(update(state, Answered<HttpReply::Program>{200, doc.dump()}).empty());
    CHECK(state.program == default_program());
    CHECK(state.notice.find("routes[0].fields[3].kind") != std::string::npos);
    CHECK(state.notice.find("built-in") != std::string::npos);

    State other;
    update(other, Answered<HttpReply::Program>{200, "<html>502 Bad Gateway</html>"});
    CHECK(other.program == default_program());
    CHECK_FALSE(other.notice.empty());
}

TEST_CASE("a failed program request is quiet: offline is normal") {
    State state;
    CHECK(update(state, Answered<HttpReply::Program>{0, ""}).empty());
    CHECK(update(state, Answered<HttpReply::Program>{503, "{}"}).empty());
    CHECK(state.program == default_program());
    CHECK(state.notice.empty());
}

TEST_CASE("a valid program from the service replaces the built-in one") {
    State state;
    start(state, "#/route/billing");
    CHECK(state.screen == Screen{NotFoundScreen{"#/route/billing"}});

    update(state, Answered<HttpReply::Program>{200, program_with_billing_route()});
    CHECK(state.program.find_route("billing") != nullptr);
    CHECK(state.notice.empty());
    // The deep link that only the new program knows now opens.
    CHECK(state.screen == Screen{RouteScreen{"billing"}});
}

TEST_CASE("start normalises an empty hash and asks the service for the program and the session") {
    State state;
    std::vector<Effect> effects = start(state, "");
    REQUIRE(effects.size() == 3);
    const ReplaceLocation* replace = std::get_if<ReplaceLocation>(&effects[0]);
    REQUIRE(replace);
    CHECK(replace->hash == "#/");
    const HttpGet* get = std::get_if<HttpGet>(&effects[1]);
    REQUIRE(get);
    CHECK(get->url == "/api/v1/program");
    const HttpGet* session = std::get_if<HttpGet>(&effects[2]);
    REQUIRE(session);
    CHECK(session->url == "/api/v1/session");
    CHECK(state.screen == Screen{HomeScreen{}});
}

TEST_CASE("start on a deep link opens that route without touching the URL") {
    State state;
    std::vector<Effect> effects = start(state, "#/route/security");
    CHECK(state.screen == Screen{RouteScreen{"security"}});
    REQUIRE(effects.size() == 3);   // the program, the session and the status, no location change
    const HttpGet* get = std::get_if<HttpGet>(&effects[0]);
    REQUIRE(get);
    CHECK(get->url == "/api/v1/program");
}

TEST_CASE("a new version waits for the user: the banner shows, and only its button reloads") {
    State state;
    update(state, OpenRoute{"onboarding"});
    update(state, EditField{"onboarding", "tenant", "acme-prod"});
    CHECK_FALSE(state.update_ready);
    CHECK(update(state, ApplyUpdate{}).empty());   // nothing waits yet: a stray action reloads nothing

    CHECK(update(state, UpdateReady{}).empty());   // announcing reloads nothing by itself
    CHECK(state.update_ready);
    CHECK(state.screen == Screen{RouteScreen{"onboarding"}});
    CHECK(state.requests.at("onboarding").draft.fields.at("tenant") == "acme-prod");   // what was typed stays

    std::vector<Effect> effects = update(state, ApplyUpdate{});
    CHECK(only_effect<ReloadForUpdate>(effects) != nullptr);
}

TEST_CASE("the program is asked for with the tag of the one held, and a 304 keeps it") {
    State state;
    CHECK(state.program_tag == content_tag(default_program_json()));
    const auto gets = effects_of<HttpGet>(start(state, "#/"));
    bool asked = false;
    for (const auto& get : gets)
        if (get->reply == HttpReply::Program) {
            asked = true;
            CHECK(get->url == "/api/v1/program");
            CHECK(get->if_none_match == state.program_tag);
        }
    CHECK(asked);

    CHECK(update(state, Answered<HttpReply::Program>{304, ""}).empty());
    CHECK(state.program == default_program());
    CHECK(state.notice.empty());

    // A different program: held, and its own tag is sent next time.
    const std::string billing = program_with_billing_route();
    update(state, Answered<HttpReply::Program>{200, billing});
    CHECK(state.program.find_route("billing") != nullptr);
    CHECK(state.program_tag == content_tag(billing));
    CHECK(std::get<HttpGet>(fetch_program(state)).if_none_match == content_tag(billing));

    // The compiled-in text again: held without being read again, tagged as such.
    update(state, Answered<HttpReply::Program>{200, std::string(default_program_json())});
    CHECK(state.program == default_program());
    CHECK(state.program_tag == content_tag(default_program_json()));
}
