// The ticket list through core::update: fetching on entry, following pages,
// asking for the zones the countdowns need, and refusing bad answers.
#include "core/app.hpp"
#include "core/time/zone_catalog.hpp"
#include "core/sla/sla_status.hpp"
#include "core/model/ticket.hpp"

#include "effects_of.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

std::string ticket_json(const std::string& id, const std::string& zone, const char* plan = "standard",
                        const char* first_response = nullptr) {
    return R"({"id":")" + id + R"(","route":"onboarding","summary":"SAML sign-in fails","plan":")" + plan +
           R"(","severity":2,"opened_at":"2026-01-05T09:00:00+01:00","customer_time_zone":")" + zone +
           R"(","first_response_at":)" + (first_response ? "\"" + std::string(first_response) + "\"" : "null") +
           R"(,"status":"open"})";
}

// Tickets are private: these tests start signed in.
State signed_in() {
    State state;
    update(state, Answered<HttpReply::Session>{200,
                               R"({"user":{"id":"1","email":"admin@acme.example","name":"Ada"},
                                   "memberships":[{"tenant":"acme-prod","tenant_name":"Acme","role":"admin"}],
                                   "csrf_token":"t"})"});
    REQUIRE(state.session == SessionStatus::SignedIn);
    return state;
}

}  // namespace

TEST_CASE("opening the tickets screen fetches the list once") {
    State state = signed_in();
    std::vector<Effect> effects = update(state, OpenTickets{});
    REQUIRE(effects_of<HttpGet>(effects).size() == 1);
    CHECK(effects_of<HttpGet>(effects)[0]->reply == HttpReply::Tickets);
    CHECK(effects_of<PushLocation>(effects)[0]->hash == "#/tickets");
    CHECK(state.tickets.loading);
    // Back to the same screen while loading: no second request.
    update(state, LocationChanged{"#/"});
    CHECK(effects_of<HttpGet>(update(state, LocationChanged{"#/tickets"})).empty());
}

TEST_CASE("a deep link to #/tickets waits for the session, then fetches") {
    State state;
    std::vector<Effect> effects = start(state, "#/tickets");
    CHECK(effects_of<HttpGet>(effects).size() == 2);   // program and session
    std::vector<Effect> after = update(state, Answered<HttpReply::Session>{200,
        R"({"user":{"id":"1","email":"a@b.example"},"memberships":[],"csrf_token":"t"})"});
    REQUIRE(effects_of<HttpGet>(after).size() == 1);
    CHECK(effects_of<HttpGet>(after)[0]->reply == HttpReply::Tickets);
}

TEST_CASE("without a session the tickets screen leads to sign-in and back") {
    State state;
    start(state, "#/tickets");
    std::vector<Effect> effects = update(state, Answered<HttpReply::Session>{401, "{}"});
    CHECK(state.screen == Screen{SignInScreen{}});
    CHECK(effects_of<PushLocation>(effects)[0]->hash == "#/sign-in");
    update(state, EditSignIn{"email", "admin@acme.example"});
    update(state, EditSignIn{"password", "demo-password"});
    std::vector<Effect> sign_in = update(state, SubmitSignIn{});
    REQUIRE(effects_of<HttpRequest>(sign_in).size() == 1);
    CHECK(effects_of<HttpRequest>(sign_in)[0]->method == "POST");
    CHECK(effects_of<HttpRequest>(sign_in)[0]->body == R"({"email":"admin@acme.example","password":"demo-password"})");

    std::vector<Effect> wrong = update(state, Answered<HttpReply::SignIn>{401,
                                                           R"({"title":"Unauthorized","detail":"E-mail or password is wrong."})"});
    CHECK(state.sign_in.error == "E-mail or password is wrong.");
    CHECK(state.sign_in.password.empty());
    CHECK(state.sign_in.email == "admin@acme.example");   // what the user typed stays

    update(state, EditSignIn{"password", "demo-password"});
    update(state, SubmitSignIn{});
    std::vector<Effect> ok = update(state, Answered<HttpReply::SignIn>{200,
        R"({"user":{"id":"1","email":"admin@acme.example","name":"Ada"},"memberships":[{"tenant":"acme-prod","tenant_name":"Acme","role":"admin"}],"csrf_token":"t"})"});
    CHECK(state.screen == Screen{TicketsScreen{}});
    CHECK(effects_of<HttpGet>(ok).size() == 1);
    CHECK(state.current_tenant == "acme-prod");
}

TEST_CASE("a 401 on a private request ends the session and remembers where the user was") {
    State state = signed_in();
    update(state, OpenTickets{});
    update(state, Answered<HttpReply::Tickets>{401, "{}"});
    CHECK(state.session == SessionStatus::SignedOut);
    CHECK(state.screen == Screen{SignInScreen{}});
    CHECK(state.return_to == "#/tickets");
    CHECK(state.sign_in.error == "Your session has ended. Sign in again to continue.");
}

TEST_CASE("pages are followed and zones requested once each") {
    State state = signed_in();
    update(state, OpenTickets{});
    std::vector<Effect> first = update(state, Answered<HttpReply::Tickets>{200, R"({"items":[)" + ticket_json("T-1", "Europe/Berlin") +
                                                                      "," + ticket_json("T-2", "Europe/Berlin") +
                                                                      R"(],"next_cursor":"abc+/="})"});
    REQUIRE(effects_of<HttpGet>(first).size() == 1);
    CHECK(effects_of<HttpGet>(first)[0]->url == "/api/v1/tickets?limit=500&cursor=abc%2B%2F%3D");
    CHECK(effects_of<LoadTimeZone>(first).size() == 1);
    CHECK(state.tickets.loading);

    std::vector<Effect> second = update(
        state, Answered<HttpReply::Tickets>{200, R"({"items":[)" + ticket_json("T-3", "Asia/Kolkata") + R"(],"next_cursor":null})"});
    CHECK(effects_of<HttpGet>(second).empty());
    CHECK(effects_of<LoadTimeZone>(second).size() == 1);
    CHECK(state.tickets.items.size() == 3);
    CHECK(state.tickets.loaded);
    CHECK_FALSE(state.tickets.loading);
}

TEST_CASE("a loaded zone gives each ticket its calendar; the clock is needed only for live countdowns") {
    State state = signed_in();
    update(state, OpenTickets{});
    update(state, Answered<HttpReply::Tickets>{200, R"({"items":[)" + ticket_json("T-1", "Europe/Berlin") + "]}"});
    const Ticket& ticket = state.tickets.items[0];
    CHECK(ticket_calendar(state, ticket) == nullptr);
    update(state, TimeZoneLoaded{"Europe/Berlin", core::locate_zone("Europe/Berlin")});
    const BusinessCalendar* calendar = ticket_calendar(state, ticket);
    REQUIRE(calendar);
    auto status = sla_status(*calendar, std::chrono::minutes(240), ticket.opened_at, std::nullopt,
                             *parse_instant("2026-01-05T10:00:00+01:00"));
    CHECK(format_instant(status->deadline, calendar->zone()) == "2026-01-05T13:00:00+01:00");
}

TEST_CASE("no-SLA plans need no calendar") {
    State state = signed_in();
    update(state, OpenTickets{});
    update(state, Answered<HttpReply::Tickets>{200, R"({"items":[)" + ticket_json("T-1", "UTC", "standard", "2026-01-05T09:30:00Z") +
                                          "," + ticket_json("T-2", "UTC", "none", "2026-01-05T09:30:00Z") + "]}"});
    update(state, TimeZoneLoaded{"UTC", core::locate_zone("UTC")});
    CHECK(ticket_calendar(state, state.tickets.items[1]) == nullptr);
}

TEST_CASE("bad answers keep what the user had and say why") {
    State state = signed_in();
    update(state, OpenTickets{});
    update(state, Answered<HttpReply::Tickets>{200, R"({"items":[)" + ticket_json("T-1", "UTC") + "]}"});
    update(state, LocationChanged{"#/"});
    update(state, LocationChanged{"#/tickets"});
    update(state, Answered<HttpReply::Tickets>{200, R"({"items":[{"id":"T-9","route":"x","summary":"s","plan":"standard",
        "severity":17,"opened_at":"2026-01-05T09:00:00Z","customer_time_zone":"UTC"}]})"});
    CHECK(state.tickets.error == "The service sent a ticket list the portal cannot read (items[0].severity: expected a level from 1 to 9).");
    CHECK(state.tickets.items.size() == 1);   // the earlier list stays on screen

    update(state, LocationChanged{"#/"});
    update(state, LocationChanged{"#/tickets"});
    // Unreachable: the list last seen stays, marked as of when it arrived.
    update(state, Answered<HttpReply::Tickets>{0, ""});
    CHECK(state.tickets.error.empty());
    CHECK(state.tickets.items.size() == 1);
    REQUIRE(state.tickets.as_of);
    CHECK(*state.tickets.as_of == state.tickets.received_at);

    // With nothing to show, it says why.
    State fresh = signed_in();
    update(fresh, OpenTickets{});
    update(fresh, Answered<HttpReply::Tickets>{0, ""});
    CHECK(fresh.tickets.error.find("could not be reached") != std::string::npos);
    CHECK(parse_ticket_page("[]").error == "the ticket list is not a JSON object");
    CHECK(parse_ticket_page(R"({"items":[{"id":1}]})").error == "items[0].id: wrong type (number)");
}

// Stops tests/fuzz/api_body_fuzz.cpp on the old code: the severity was narrowed to int
// before its range was checked, so 4294967298 was read as severity 2.
TEST_CASE("a severity too large for an int is refused, not wrapped into 1 to 4") {
    for (const char* severity : {"4294967298", "18446744073709551615", "-4294967295"}) {
        CAPTURE(severity);
        const std::string page = R"({"items":[{"id":"T-1","route":"onboarding","summary":"s","plan":"standard",
            "severity":)" + std::string(severity) + R"(,"opened_at":"2026-01-05T09:00:00Z","customer_time_zone":"UTC"}]})";
        CHECK(parse_ticket_page(page).error == "items[0].severity: expected a level from 1 to 9");
    }
}

TEST_CASE("the viewer's zone: detected, chosen, validated") {
    State state = signed_in();
    update(state, TimeZonesAvailable{{"Europe/Berlin", "UTC", "Asia/Kolkata"}});
    std::vector<Effect> effects = update(state, ViewerTimeZoneDetected{"Europe/Berlin"});
    CHECK(effects_of<LoadTimeZone>(effects).size() == 1);
    update(state, ChooseViewerTimeZone{"Asia/Kolkata"});
    CHECK(state.viewer_time_zone == "Asia/Kolkata");
    update(state, ChooseViewerTimeZone{"Mars/Olympus"});
    CHECK(state.viewer_time_zone == "Asia/Kolkata");
    CHECK(state.notice == "\"Mars/Olympus\" is not a time zone the portal knows.");
    update(state, ViewerTimeZoneDetected{"UTC"});   // a late detection does not override the choice
    CHECK(state.viewer_time_zone == "Asia/Kolkata");
}

#include "core/text/url_text.hpp"

TEST_CASE("URL text keeps unreserved characters and encodes the rest") {
    CHECK(url_escape("Az09-_.~") == "Az09-_.~");
    CHECK(url_escape("a b/+=é") == "a%20b%2F%2B%3D%C3%A9");
}

namespace {

// A ticket in detail as the service sends it (web/openapi.yaml, TicketDetails).
std::string details_json(const std::string& comments = R"([
      {"id":1,"author":null,"author_kind":"automated","body":"We received your request and filed it as ticket T-1001.",
       "created_at":"2026-01-05T09:00:00+01:00"},
      {"id":2,"author":"Amara Okafor","author_kind":"customer","body":"Still failing.","created_at":"2026-01-05T09:20:00+01:00"},
      {"id":3,"author":"Priya Raman","author_kind":"support","body":"Looking into it.","created_at":"2026-01-05T10:00:00+01:00"}])") {
    return R"({"id":"T-1001","route":"onboarding","summary":"SAML sign-in fails","plan":"standard","severity":2,
      "opened_at":"2026-01-05T09:00:00+01:00","customer_time_zone":"Europe/Berlin",
      "first_response_at":"2026-01-05T10:00:00+01:00","status":"solved","tenant":"acme-prod","sla":null,
      "created_by":{"email":"admin@acme.example","name":"Amara Okafor"},
      "fields":{"summary":"SAML sign-in fails","redirect_uri":"https://app.example.com/callback"},
      "answers":{"all_or_few":"all"},"checklist":{"callback_urls":true,"logout_urls":false},
      "escalates":null,"escalated_by":["T-1007"],"comments":)" +
           comments + R"(,"actions":["comment","confirm","reopen","escalate"]})";
}

}  // namespace

TEST_CASE("a ticket in detail: submitted fields, conversation, escalation links and actions") {
    Parsed<TicketDetails> parsed = parse_ticket_details(details_json());
    REQUIRE_MESSAGE(parsed, parsed.error);
    const TicketDetails& details = *parsed.value;
    CHECK(details.ticket.id == "T-1001");
    CHECK(details.ticket.status == TicketStatus::Solved);
    CHECK(details.ticket.first_response_at == parse_instant("2026-01-05T09:00:00Z"));
    CHECK(details.tenant == "acme-prod");
    CHECK(details.created_by_name == "Amara Okafor");
    CHECK(details.created_by_email == "admin@acme.example");
    CHECK(details.fields.at("redirect_uri") == "https://app.example.com/callback");
    CHECK(details.answers == std::map<std::string, std::string>{{"all_or_few", "all"}});
    CHECK(details.checklist == std::map<std::string, bool>{{"callback_urls", true}, {"logout_urls", false}});
    CHECK(details.escalates.empty());
    CHECK(details.escalated_by == std::vector<std::string>{"T-1007"});
    REQUIRE(details.comments.size() == 3);
    CHECK(details.comments[0].author_kind == CommentAuthor::Automated);
    CHECK(details.comments[0].author.empty());
    CHECK(details.comments[1].author_kind == CommentAuthor::Customer);
    CHECK(details.comments[2].author == "Priya Raman");
    CHECK(details.comments[2].author_kind == CommentAuthor::Support);
    CHECK(details.comments[2].id == 3);
    CHECK(details.comments[1].created_at == *parse_instant("2026-01-05T08:20:00Z"));
    CHECK(details.allows(TicketAction::Confirm));
    CHECK_FALSE(details.allows(TicketAction::Solve));
}

TEST_CASE("a ticket in detail: what the service may leave out, and what it must not send") {
    SUBCASE("no creator, no tenant, an escalation") {
        std::string text = details_json("[]");
        text.replace(text.find(R"("created_by":{"email":"admin@acme.example","name":"Amara Okafor"})"),
                     std::string(R"("created_by":{"email":"admin@acme.example","name":"Amara Okafor"})").size(), R"("created_by":null)");
        text.replace(text.find(R"("tenant":"acme-prod")"), std::string(R"("tenant":"acme-prod")").size(), R"("tenant":null)");
        text.replace(text.find(R"("escalates":null)"), std::string(R"("escalates":null)").size(), R"("escalates":"T-1000")");
        Parsed<TicketDetails> parsed = parse_ticket_details(text);
        REQUIRE_MESSAGE(parsed, parsed.error);
        CHECK(parsed.value->created_by_email.empty());
        CHECK(parsed.value->tenant.empty());
        CHECK(parsed.value->escalates == "T-1000");
        CHECK(parsed.value->comments.empty());
    }
    SUBCASE("bad answers name the bad member") {
        CHECK(parse_ticket_details("[]").error == "the ticket is not a JSON object");
        CHECK(parse_ticket_details("{").error == "the ticket is not a JSON object");
        CHECK(parse_ticket_details(details_json(R"([{"id":1,"author":"A","author_kind":"robot","body":"x",)"
                                                R"("created_at":"2026-01-05T09:00:00Z"}])"))
                  .error == "comments[0].author_kind: unknown kind \"robot\"");
        CHECK(parse_ticket_details(details_json(R"([{"id":1,"author":"A","author_kind":"customer","body":"x",)"
                                                R"("created_at":"yesterday"}])"))
                  .error == "comments[0].created_at: \"yesterday\" is not an ISO-8601 instant");
        CHECK(parse_ticket_details(details_json(R"({"id":1})")).error == "comments: wrong type (object)");
        std::string bad_checklist = details_json();
        bad_checklist.replace(bad_checklist.find(R"("logout_urls":false)"), std::string(R"("logout_urls":false)").size(),
                              R"("logout_urls":"no")");
        CHECK(parse_ticket_details(bad_checklist).error == "checklist.logout_urls: wrong type (string)");
        std::string unknown_status = details_json();
        unknown_status.replace(unknown_status.find(R"("status":"solved")"), std::string(R"("status":"solved")").size(),
                               R"("status":"pending")");
        CHECK(parse_ticket_details(unknown_status).error == "status: expected open, solved or closed, got \"pending\"");
        std::string no_actions = details_json();
        no_actions.replace(no_actions.find(R"(,"actions":["comment","confirm","reopen","escalate"])"),
                           std::string(R"(,"actions":["comment","confirm","reopen","escalate"])").size(), "");
        CHECK(parse_ticket_details(no_actions).error == "actions: missing");
    }
}

TEST_CASE("the id of a ticket answer is read even when the rest is not") {
    CHECK(ticket_id_of(R"({"id":"T-1042","comments":"not a list"})") == "T-1042");
    CHECK(ticket_id_of(R"({"id":1042})").empty());
    CHECK(ticket_id_of("[]").empty());
    CHECK(ticket_id_of("not json").empty());
}
