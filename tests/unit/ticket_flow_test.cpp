// One ticket through core::update: opening it, replying (the text survives a
// failure, a resend reuses its key), confirming, and escalating only upwards.
#include "core/app.hpp"
#include "core/flows/ticket_flow.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

State signed_in() {
    State state;
    state.now = *parse_instant("2026-11-23T10:00:00Z");
    Account account;
    account.id = "u1";
    account.csrf_token = "csrf-1";
    account.memberships.push_back({"acme-prod", "Acme (production)", Role::Admin, "standard", "eu", ""});
    state.account = account;
    state.session = SessionStatus::SignedIn;
    state.current_tenant = "acme-prod";
    return state;
}

std::string ticket_json(const std::string& status, std::vector<std::string> actions, int comments = 1) {
    nlohmann::json doc = {{"id", "T-1042"},
                          {"route", "general"},
                          {"summary", "Blank page after sign-in"},
                          {"plan", "standard"},
                          {"severity", 3},
                          {"opened_at", "2026-11-23T09:00:00Z"},
                          {"customer_time_zone", "Europe/Berlin"},
                          {"first_response_at", nullptr},
                          {"status", status},
                          {"tenant", "acme-prod"},
                          {"fields", {{"summary", "Blank page after sign-in"}}},
                          {"answers", nlohmann::json::object()},
                          {"checklist", nlohmann::json::object()},
                          {"escalates", nullptr},
                          {"escalated_by", nlohmann::json::array()},
                          {"comments", nlohmann::json::array()},
                          {"actions", actions}};
    for (int i = 0; i < comments; ++i)
        doc["comments"].push_back({{"id", i + 1},
                                   {"author", nullptr},
                                   {"author_kind", "automated"},
                                   {"body", "We received your request."},
                                   {"created_at", "2026-11-23T09:00:00Z"}});
    return doc.dump();
}

const HttpRequest* only_request(const std::vector<Effect>& effects) {
    REQUIRE(effects.size() == 1);
    return std::get_if<HttpRequest>(&effects[0]);
}
const HttpRequest* only_request(const std::vector<Effect>&&) = delete;  // the pointer would dangle

State on_ticket(const std::string& status, std::vector<std::string> actions) {
    State state = signed_in();
    std::vector<Effect> effects = update(state, OpenTicket{"T-1042"});
    REQUIRE(effects.size() == 2);
    CHECK(std::get<PushLocation>(effects[0]).hash == "#/tickets/T-1042");
    CHECK(std::get<HttpGet>(effects[1]).url == "/api/v1/tickets/T-1042");
    std::vector<Effect> loaded = update(state, Answered<HttpReply::TicketDetails>{200, ticket_json(status, actions)});
    REQUIRE(state.ticket.details);
    // The countdown needs the customer's zone.
    REQUIRE(loaded.size() == 1);
    CHECK(std::get<LoadTimeZone>(loaded[0]).name == "Europe/Berlin");
    return state;
}

}  // namespace

TEST_CASE("a reply that fails keeps its text, and sending it again reuses its key") {
    State state = on_ticket("open", {"comment", "escalate"});
    update(state, EditComment{"The page is still blank."});
    std::vector<Effect> sent = update(state, SendComment{});
    const HttpRequest* request = only_request(sent);
    REQUIRE(request);
    CHECK(request->url == "/api/v1/tickets/T-1042/comments");
    CHECK(nlohmann::json::parse(request->body)["body"] == "The page is still blank.");
    const std::string key = request->idempotency_key;
    CHECK_FALSE(key.empty());

    update(state, Answered<HttpReply::Comment>{0, ""});
    CHECK(state.ticket.comment == "The page is still blank.");
    CHECK_FALSE(state.ticket.comment_error.empty());

    std::vector<Effect> again = update(state, SendComment{});
    const HttpRequest* retry = only_request(again);
    REQUIRE(retry);
    CHECK(retry->idempotency_key == key);

    update(state, Answered<HttpReply::Comment>{201, ticket_json("open", {"comment"}, 2)});
    CHECK(state.ticket.comment.empty());
    CHECK(state.ticket.details->comments.size() == 2);
}

TEST_CASE("an empty reply is not sent") {
    State state = on_ticket("open", {"comment"});
    update(state, EditComment{"  \n "});
    CHECK(update(state, SendComment{}).empty());
    CHECK_FALSE(state.ticket.comment_error.empty());
}

TEST_CASE("a reply longer than the service takes is not sent, and says so") {
    State state = on_ticket("open", {"comment"});
    update(state, EditComment{std::string(20001, 'x')});
    CHECK(update(state, SendComment{}).empty());
    CHECK(state.ticket.comment_error.find("at most 20,000 characters") != std::string::npos);
    CHECK(state.ticket.comment.size() == 20001);   // nothing typed is lost
}

TEST_CASE("confirming a solved ticket closes it") {
    State state = on_ticket("solved", {"comment", "confirm", "reopen"});
    std::vector<Effect> sent = update(state, TicketCommand{TicketAction::Confirm});
    const HttpRequest* request = only_request(sent);
    REQUIRE(request);
    CHECK(request->url == "/api/v1/tickets/T-1042/confirm");
    CHECK(request->csrf_token == "csrf-1");
    update(state, Answered<HttpReply::Command>{200, ticket_json("closed", {})});
    CHECK(state.ticket.details->ticket.status == TicketStatus::Closed);
    CHECK(state.notice.find("closed") != std::string::npos);
    CHECK(update(state, TicketCommand{TicketAction::Comment}).empty());   // only the status changes are commands
}

TEST_CASE("escalation only goes to a more urgent severity, with a reason") {
    State state = on_ticket("open", {"comment", "escalate"});
    update(state, OpenEscalate{});
    update(state, EditEscalate{3, "Now everyone is affected"});
    CHECK(update(state, SubmitEscalate{}).empty());
    CHECK(state.ticket.escalate.field_errors.count("severity"));

    update(state, EditEscalate{1, " "});
    CHECK(update(state, SubmitEscalate{}).empty());
    CHECK(state.ticket.escalate.field_errors.count("reason"));

    update(state, EditEscalate{1, "Now every user in production is locked out."});
    std::vector<Effect> sent = update(state, SubmitEscalate{});
    const HttpRequest* request = only_request(sent);
    REQUIRE(request);
    CHECK(request->url == "/api/v1/tickets/T-1042/escalate");
    CHECK(nlohmann::json::parse(request->body)["severity"] == 1);

    std::vector<Effect> opened = update(state, Answered<HttpReply::Escalate>{201, R"({"id":"T-1043"})"});
    CHECK(state.screen == Screen{TicketScreen{"T-1043"}});
    CHECK(state.notice.find("T-1043") != std::string::npos);
}

TEST_CASE("a ticket the user may not see says so") {
    State state = signed_in();
    update(state, OpenTicket{"T-9999"});
    update(state, Answered<HttpReply::TicketDetails>{404, R"({"title":"Not found"})"});
    CHECK_FALSE(state.ticket.details);
    CHECK(state.ticket.error.find("T-9999") != std::string::npos);
}
