// The outbox through core::update: offline submissions are queued with their
// key, sent when the network returns (after a fresh session check), retried
// with backoff after lost answers, and end as a ticket or as the form with the
// service's reasons; never twice, never lost. Also the stale reads kept on
// the device for offline starts.
#include "core/app.hpp"
#include "core/flows/device_snapshots.hpp"
#include "core/model/ticket_outbox.hpp"

#include "effects_of.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using namespace core;

namespace {

const char* session_body = R"({"user":{"id":"u1","email":"admin@acme.example","name":"Ada Admin"},)"
                           R"("csrf_token":"csrf-1","memberships":[{"tenant":"acme-prod","tenant_name":"Acme",)"
                           R"("role":"admin","plan":"standard","region":"eu"}]})";

State started() {
    State state;
    state.now = *parse_instant("2026-11-23T10:00:00Z");
    state.viewer_time_zone = "UTC";
    start(state, "#/route/general");
    return state;
}

State signed_in_on_general() {
    State state = started();
    update(state, Answered<HttpReply::Session>{200, session_body});
    return state;
}

void fill_general(State& state) {
    update(state, EditField{"general", "summary", "Sign-in page shows a blank screen"});
    update(state, EditField{"general", "description", "Since 08:00 every user sees a blank page after sign-in."});
    update(state, ChooseSeverity{"general", 3});
}

// A copy: the effects are often a temporary.
std::optional<HttpRequest> ticket_post(const std::vector<Effect>& effects) {
    for (const std::optional<HttpRequest>& r : effects_of<HttpRequest>(effects))
        if (r->url == "/api/v1/tickets" && r->method == "POST") return *r;
    return std::nullopt;
}

}  // namespace

TEST_CASE("retry delays double up to five minutes, with a jitter of the key's own") {
    for (int attempt = 1; attempt <= 12; ++attempt) {
        const long long base = std::min(2000LL << (attempt - 1), 300000LL);
        const long long ms = retry_delay(attempt, "page-7").count();
        CHECK(ms >= base / 2);
        CHECK(ms < base);
        CHECK(retry_delay(attempt, "page-7") == retry_delay(attempt, "page-7"));   // no hidden randomness
    }
    CHECK(retry_delay(40, "k").count() < 300000);   // capped, no overflow
    std::set<long long> spread;
    for (int i = 0; i < 50; ++i) spread.insert(retry_delay(3, "key-" + std::to_string(i)).count());
    CHECK(spread.size() > 40);   // fifty portals back online do not retry in step
}

TEST_CASE("a queued ticket survives the device as a record, and junk is not one") {
    QueuedTicket t;
    t.key = "abc-1";
    t.route = "general";
    t.user = "u1";
    t.body = R"({"route":"general"})";
    t.queued_at = *parse_instant("2026-11-23T10:00:00Z");
    t.attempts = 3;
    std::optional<QueuedTicket> back = parse_queued_ticket(queued_ticket_to_json(t));
    REQUIRE(back);
    CHECK(back->key == t.key);
    CHECK(back->route == t.route);
    CHECK(back->user == "u1");
    CHECK(back->body == t.body);
    CHECK(back->queued_at == t.queued_at);
    CHECK(back->attempts == 3);
    CHECK_FALSE(parse_queued_ticket("not json"));
    CHECK_FALSE(parse_queued_ticket(R"({"key":"","route":"general","body":"{}","queued_at":"2026-11-23T10:00:00Z"})"));
    CHECK_FALSE(parse_queued_ticket(R"({"key":"k","route":"general","body":"{}","queued_at":"tomorrow"})"));
    CHECK_FALSE(parse_queued_ticket(R"({"key":"k","route":"general","queued_at":"2026-11-23T10:00:00Z"})"));
}

// Stops tests/fuzz/ticket_outbox_fuzz.cpp on the old code: the count was narrowed to int
// before it was clamped, so 4294967297 attempts read back as 1.
TEST_CASE("a kept attempt count is held to 0 to 1000 as the number it is, not as it wraps in an int") {
    const auto attempts_of = [](const std::string& count) {
        return parse_queued_ticket(R"({"key":"k","route":"general","body":"{}","queued_at":"2026-11-23T10:00:00Z",)"
                                   R"("attempts":)" + count + "}")
            ->attempts;
    };
    CHECK(attempts_of("4294967297") == 1000);
    CHECK(attempts_of("18446744073709551615") == 1000);
    CHECK(attempts_of("-4294967295") == 0);
    CHECK(attempts_of("7") == 7);
}

TEST_CASE("offline, a submission is queued; back online it is sent once with its key and becomes a ticket") {
    State state = signed_in_on_general();
    fill_general(state);
    update(state, ConnectivityChanged{false});

    std::vector<Effect> effects = update(state, SubmitRequest{"general"});
    CHECK_FALSE(ticket_post(effects));   // nothing leaves an offline browser
    REQUIRE(effects_of<KeepQueued>(effects).size() == 1);
    REQUIRE(state.outbox.size() == 1);
    const std::string key = state.outbox[0].key;
    CHECK(effects_of<KeepQueued>(effects)[0]->key == key);
    const RequestForm& form = state.requests.at("general");
    CHECK(form.queued_key == key);

    // What is queued is what gets sent: edits wait until it is taken back.
    update(state, EditField{"general", "summary", "changed"});
    CHECK(state.requests.at("general").draft.fields.at("summary") == "Sign-in page shows a blank screen");
    CHECK(update(state, SubmitRequest{"general"}).empty());

    effects = update(state, ConnectivityChanged{true});
    std::optional<HttpRequest> post = ticket_post(effects);
    REQUIRE(post);
    CHECK(post->idempotency_key == key);
    CHECK(post->csrf_token == "csrf-1");
    CHECK(nlohmann::json::parse(post->body)["fields"]["summary"] == "Sign-in page shows a blank screen");
    CHECK_FALSE(ticket_post(update(state, ConnectivityChanged{true})));   // one attempt at a time

    effects = update(state, Answered<HttpReply::SendQueued>{201, R"({"id":"T-1042"})", post->generation});
    CHECK(state.outbox.empty());
    CHECK(state.requests.count("general") == 0);
    REQUIRE(effects_of<DropQueued>(effects).size() == 1);
    CHECK(effects_of<DropQueued>(effects)[0]->key == key);
    CHECK(effects_of<DeleteDraft>(effects).size() == 1);
    // The person was looking at the queued form: they follow it to the ticket.
    CHECK(state.screen == Screen{TicketScreen{"T-1042"}});
    CHECK(state.notice.find("T-1042") != std::string::npos);
}

TEST_CASE("a lost answer is retried with growing waits, always with the same key and body") {
    State state = signed_in_on_general();
    fill_general(state);
    std::optional<HttpRequest> first = ticket_post(update(state, SubmitRequest{"general"}));
    REQUIRE(first);
    const std::string key = first->idempotency_key, body = first->body;
    std::vector<Effect> effects = update(state, Answered<HttpReply::SubmitTicket>{0, "", first->generation});
    REQUIRE(state.outbox.size() == 1);
    // Not at once: a timer wakes the portal when the retry is due.
    CHECK_FALSE(ticket_post(effects));
    REQUIRE(effects_of<StartTimer>(effects).size() == 1);

    std::chrono::seconds last_wait{0};
    for (int attempt = 1; attempt <= 4; ++attempt) {
        const Instant due = state.outbox[0].next_attempt;
        const std::chrono::seconds wait = due - state.now;
        CHECK(wait >= last_wait);   // never shorter than the one before
        last_wait = wait;
        CHECK_FALSE(ticket_post(update(state, Tick{due - std::chrono::seconds{1}})));
        std::optional<HttpRequest> retry = ticket_post(update(state, Tick{due}));
        REQUIRE(retry);
        CHECK(retry->idempotency_key == key);
        CHECK(retry->body == body);
        update(state, Answered<HttpReply::SendQueued>{attempt % 2 ? 0 : 503, "", retry->generation});
        CHECK(state.outbox[0].attempts == attempt + 1);
    }
    CHECK(state.requests.at("general").queued_key == key);
}

TEST_CASE("a queued request the service rejects comes back to its form with the errors on its fields") {
    State state = signed_in_on_general();
    fill_general(state);
    update(state, ConnectivityChanged{false});
    update(state, SubmitRequest{"general"});
    update(state, GoHome{});
    std::optional<HttpRequest> post = ticket_post(update(state, ConnectivityChanged{true}));
    REQUIRE(post);
    const std::string problem =
        R"({"title":"The request has problems","status":422,"detail":"Fix the marked fields.",)"
        R"("errors":{"summary":"A summary says what fails, in under 500 characters."}})";
    std::vector<Effect> effects = update(state, Answered<HttpReply::SendQueued>{422, problem, post->generation});
    CHECK(state.outbox.empty());
    CHECK(effects_of<DropQueued>(effects).size() == 1);
    CHECK(effects_of<DeleteDraft>(effects).empty());   // the draft is kept
    REQUIRE(effects_of<HttpGet>(effects).size() == 1);   // the service's rules may have changed meanwhile
    CHECK(effects_of<HttpGet>(effects)[0]->url == "/api/v1/program");
    const RequestForm& form = state.requests.at("general");
    CHECK(form.queued_key.empty());
    CHECK(form.service_errors.at("summary") == "A summary says what fails, in under 500 characters.");
    CHECK(form.draft.fields.at("summary") == "Sign-in page shows a blank screen");
    CHECK(state.notice.find("not accepted") != std::string::npos);
    // Editable again, and a new submission is a new request.
    update(state, EditField{"general", "summary", "Blank page after SAML sign-in"});
    CHECK(form.draft.fields.at("summary") == "Blank page after SAML sign-in");
    std::optional<HttpRequest> again = ticket_post(update(state, SubmitRequest{"general"}));
    REQUIRE(again);
    CHECK(again->idempotency_key != post->idempotency_key);
}

TEST_CASE("a queued request read back at start waits for a confirmed session, then goes out") {
    State state = started();   // session not yet known
    QueuedTicket kept;
    kept.key = "earlier-page-3";
    kept.route = "general";
    kept.body = R"({"route":"general","tenant":"acme-prod","severity":3,"customer_time_zone":"UTC",)"
                R"("fields":{"summary":"Blank page","description":"Since 08:00"},"answers":{},"checklist":{}})";
    kept.queued_at = state.now;
    std::vector<Effect> effects = update(state, QueuedRestored{queued_ticket_to_json(kept)});
    CHECK_FALSE(ticket_post(effects));
    CHECK(effects_of<HttpGet>(effects).size() == 1);   // who is signed in, with a fresh CSRF token
    // No draft came back with it: the form shows what was queued.
    CHECK(state.requests.at("general").draft.fields.at("summary") == "Blank page");
    CHECK(state.requests.at("general").queued_key == "earlier-page-3");
    update(state, QueuedRestored{queued_ticket_to_json(kept)});   // read twice, queued once
    CHECK(state.outbox.size() == 1);

    effects = update(state, Answered<HttpReply::Session>{200, session_body});
    std::optional<HttpRequest> post = ticket_post(effects);
    REQUIRE(post);
    CHECK(post->idempotency_key == "earlier-page-3");
    CHECK(post->body == kept.body);
    CHECK(post->csrf_token == "csrf-1");

    // The session ended meanwhile: it stays queued until the person signs in.
    update(state, Answered<HttpReply::SendQueued>{401, "", post->generation});
    CHECK(state.outbox.size() == 1);
    CHECK(state.session == SessionStatus::SignedOut);
    CHECK_FALSE(ticket_post(update(state, Tick{state.now + std::chrono::minutes{10}})));
    effects = update(state, Answered<HttpReply::SignIn>{200, session_body});
    REQUIRE(ticket_post(effects));
}

TEST_CASE("a queued request may be taken back into its form, unless it is on its way") {
    State state = signed_in_on_general();
    fill_general(state);
    update(state, ConnectivityChanged{false});
    update(state, SubmitRequest{"general"});
    std::vector<Effect> effects = update(state, CancelQueued{"general"});
    CHECK(state.outbox.empty());
    CHECK(effects_of<DropQueued>(effects).size() == 1);
    CHECK(state.requests.at("general").queued_key.empty());
    update(state, EditField{"general", "summary", "Edited after all"});
    CHECK(state.requests.at("general").draft.fields.at("summary") == "Edited after all");

    update(state, SubmitRequest{"general"});
    REQUIRE(ticket_post(update(state, ConnectivityChanged{true})));
    update(state, CancelQueued{"general"});
    CHECK(state.outbox.size() == 1);   // under way: it may already be filed
    CHECK(state.notice.find("being sent") != std::string::npos);
}

TEST_CASE("an offline start shows the person, tickets and users the device kept, marked with their age") {
    const Instant saved = *parse_instant("2026-11-23T09:40:00Z");
    const std::string tickets_page =
        R"({"items":[{"id":"T-7","route":"general","summary":"Blank page","plan":"standard","severity":3,)"
        R"("opened_at":"2026-11-23T09:00:00Z","customer_time_zone":"UTC","first_response_at":null,"status":"open"}]})";
    State state;
    state.now = *parse_instant("2026-11-23T10:00:00Z");
    start(state, "#/tickets");
    update(state, SnapshotRestored{"session", session_snapshot(saved, session_body).json});
    update(state, SnapshotRestored{"tickets", tickets_snapshot(saved, {tickets_page}).json});
    CHECK(state.session == SessionStatus::Unknown);   // the service may still answer

    std::vector<Effect> effects = update(state, Answered<HttpReply::Session>{0, ""});
    CHECK_FALSE(state.service_reachable);
    CHECK(state.session == SessionStatus::SignedIn);
    CHECK(state.session_from_device);
    REQUIRE(state.account);
    CHECK(state.account->csrf_token.empty());   // never kept on the device
    CHECK(state.account->name == "Ada Admin");
    REQUIRE(effects_of<HttpGet>(effects).size() == 1);   // the tickets screen still asks first

    update(state, Answered<HttpReply::Tickets>{0, ""});
    CHECK(state.tickets.error.empty());
    REQUIRE(state.tickets.items.size() == 1);
    CHECK(state.tickets.items[0].id == "T-7");
    REQUIRE(state.tickets.as_of);
    CHECK(*state.tickets.as_of == saved);

    // A request submitted now is queued, not sent without a confirmed session.
    update(state, OpenRoute{"general"});
    fill_general(state);
    effects = update(state, SubmitRequest{"general"});
    CHECK_FALSE(ticket_post(effects));
    CHECK(state.outbox.size() == 1);

    // The service answers again: the real session replaces the device's.
    effects = update(state, ConnectivityChanged{true});
    update(state, Answered<HttpReply::Session>{200, session_body});
    CHECK_FALSE(state.session_from_device);
    CHECK(state.service_reachable);
}

TEST_CASE("users: the plain list is kept for offline reading; signing out forgets everything kept") {
    State state = started();
    update(state, Answered<HttpReply::Session>{200, session_body});
    update(state, OpenUsers{});
    const std::string page = R"({"items":[{"id":"s1","email":"sam@acme.example","name":"Sam","status":"active",)"
                             R"("tenants":["acme-prod"],"invited_at":"2026-11-01T10:00:00Z"}],"total":1,"next_cursor":""})";
    std::vector<Effect> effects = update(state, Answered<HttpReply::Users>{200, page, state.users.generation});
    REQUIRE(effects_of<KeepSnapshot>(effects).size() == 1);
    CHECK(effects_of<KeepSnapshot>(effects)[0]->name == "users/acme-prod");

    update(state, SnapshotRestored{"users/acme-prod", effects_of<KeepSnapshot>(effects)[0]->json});
    state.users.items.clear();
    update(state, Answered<HttpReply::Users>{0, "", state.users.generation});
    REQUIRE(state.users.items.size() == 1);
    CHECK(state.users.as_of);

    effects = update(state, SignOut{});
    CHECK(effects_of<ForgetSnapshots>(effects).size() == 1);
    CHECK(state.device_snapshots.empty());
}

TEST_CASE("a queued request is sent only in the session of the person who queued it") {
    State state = signed_in_on_general();
    fill_general(state);
    update(state, ConnectivityChanged{false});
    update(state, SubmitRequest{"general"});
    REQUIRE(state.outbox.size() == 1);
    CHECK(state.outbox[0].user == "u1");
    // Another person signs in on this device before the network returns.
    const std::string other = R"({"user":{"id":"u2","email":"sam@acme.example","name":"Sam"},"csrf_token":"csrf-2",)"
                              R"("memberships":[{"tenant":"acme-prod","tenant_name":"Acme","role":"admin",)"
                              R"("plan":"standard","region":"eu"}]})";
    update(state, Answered<HttpReply::SignIn>{200, other});
    CHECK_FALSE(ticket_post(update(state, ConnectivityChanged{true})));
    CHECK(state.outbox.size() == 1);   // kept for its owner
    std::vector<Effect> effects = update(state, Answered<HttpReply::SignIn>{200, session_body});
    REQUIRE(ticket_post(effects));
}

TEST_CASE("a queued request keeps its form's files on the device; read back after the tab closed, they follow its ticket") {
    State state = signed_in_on_general();
    fill_general(state);
    state.requests.at("general").attachments = {{8, "login-sanitized.har", 2048}};
    update(state, ConnectivityChanged{false});
    std::vector<Effect> effects = update(state, SubmitRequest{"general"});
    REQUIRE(effects_of<KeepQueued>(effects).size() == 1);
    CHECK(effects_of<KeepQueued>(effects)[0]->files == std::vector<HeldFile>{{8, "login-sanitized.har", 2048}});
    const std::string record = effects_of<KeepQueued>(effects)[0]->json;

    // The tab closed; a new page reads the record back, the shell holding the file again as 3.
    State later = started();
    update(later, QueuedRestored{record, {{3, "login-sanitized.har", 2048}}});
    CHECK(later.requests.at("general").attachments == std::vector<HeldFile>{{3, "login-sanitized.har", 2048}});
    CHECK(held_file_ids(later) == std::vector<int>{3});
    effects = update(later, Answered<HttpReply::Session>{200, session_body});
    std::optional<HttpRequest> post = ticket_post(effects);
    REQUIRE(post);

    // A failed attempt keeps the files with the record it writes again.
    effects = update(later, Answered<HttpReply::SendQueued>{503, "", post->generation});
    REQUIRE(effects_of<KeepQueued>(effects).size() == 1);
    CHECK(effects_of<KeepQueued>(effects)[0]->files.size() == 1);

    later.outbox[0].next_attempt = later.now;
    post = ticket_post(update(later, ConnectivityChanged{true}));
    REQUIRE(post);
    effects = update(later, Answered<HttpReply::SendQueued>{201, R"({"id":"T-1042"})", post->generation});
    const auto uploads = effects_of<UploadFile>(effects);
    REQUIRE(uploads.size() == 1);
    CHECK(uploads[0]->file_id == 3);
    CHECK(uploads[0]->url == "/api/v1/tickets/T-1042/attachments");
}
