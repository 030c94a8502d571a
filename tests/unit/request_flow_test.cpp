// A route's form through core::update: when problems show, what stops a
// submission, that a submission carries its key and a retry reuses it, that
// the service's field errors land on their fields, and that nothing typed is
// ever lost on the way.
#include "core/app.hpp"
#include "core/flows/request_flow.hpp"
#include "core/checks/timestamp_text.hpp"
#include "signed_in_state.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

// Signed in as an admin of acme-prod (Standard, EU) on the general route.
State signed_in_on_general() {
    State state = signed_in_acme_admin("2026-11-23T10:00:00Z");
    update(state, OpenRoute{"general"});
    return state;
}

void fill_general(State& state) {
    update(state, EditField{"general", "summary", "Sign-in page shows a blank screen"});
    update(state, EditField{"general", "description", "Since 08:00 every user sees a blank page after sign-in."});
    update(state, ChooseSeverity{"general", 3});
}

const HttpRequest* only_request(const std::vector<Effect>& effects) {
    REQUIRE(effects.size() == 1);
    return std::get_if<HttpRequest>(&effects[0]);
}
const HttpRequest* only_request(const std::vector<Effect>&&) = delete;  // the pointer would dangle

}  // namespace

TEST_CASE("a field's problem shows once the field was left, not while typing its first characters") {
    State state = signed_in_on_general();
    update(state, EditField{"general", "occurred_at", "yesterday-ish"});
    const RequestForm& form = state.requests.at("general");
    CHECK(visible_issues(form, "occurred_at").empty());

    update(state, LeaveField{"general", "occurred_at"});
    std::vector<FieldIssue> shown = visible_issues(form, "occurred_at");
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].blocking);

    // From then on it follows each keystroke.
    update(state, EditField{"general", "occurred_at", "2026-11-23T09:30:00Z"});
    CHECK(visible_issues(form, "occurred_at").empty());
}

TEST_CASE("the tenant being worked in fills the tenant field") {
    State state = signed_in_on_general();
    CHECK(state.requests.at("general").draft.fields.at("tenant") == "acme-prod");
}

TEST_CASE("submitting an incomplete form sends nothing and says what is missing") {
    State state = signed_in_on_general();
    update(state, EditField{"general", "summary", "Blank page"});
    CHECK(update(state, SubmitRequest{"general"}).empty());
    const RequestForm& form = state.requests.at("general");
    CHECK(form.submit_tried);
    const std::vector<std::string> missing = missing_for_submit(state.program, form);
    CHECK(std::find(missing.begin(), missing.end(), "Description") != missing.end());
    CHECK(std::find(missing.begin(), missing.end(), "Severity") != missing.end());
    CHECK(std::find(missing.begin(), missing.end(), "Summary") == missing.end());
    // After a submit attempt every problem shows, touched or not.
    CHECK_FALSE(visible_issues(form, "description").empty());
}

TEST_CASE("a complete form is sent once with its key; a retry after a lost answer reuses the key") {
    State state = signed_in_on_general();
    fill_general(state);
    std::vector<Effect> effects1 = update(state, SubmitRequest{"general"});
    const HttpRequest* request = only_request(effects1);
    REQUIRE(request);
    CHECK(request->method == "POST");
    CHECK(request->url == "/api/v1/tickets");
    CHECK(request->csrf_token == "csrf-1");
    CHECK_FALSE(request->idempotency_key.empty());
    const std::string key = request->idempotency_key;
    nlohmann::json body = nlohmann::json::parse(request->body);
    CHECK(body["tenant"] == "acme-prod");
    CHECK(body["route"] == "general");
    CHECK(body["severity"] == 3);
    CHECK(body["customer_time_zone"] == "UTC");
    CHECK(body["fields"]["summary"] == "Sign-in page shows a blank screen");

    // A second click while it is under way does nothing.
    CHECK(update(state, SubmitRequest{"general"}).empty());

    // The answer is lost: the request goes to the outbox under the same key
    // and the form keeps everything, shown as queued.
    const int route = request->generation;
    const std::string sent = request->body;
    update(state, Answered<HttpReply::SubmitTicket>{0, "", route});
    const RequestForm& form = state.requests.at("general");
    CHECK_FALSE(form.busy);
    CHECK(form.queued_key == key);
    CHECK(form.draft.fields.at("summary") == "Sign-in page shows a blank screen");
    REQUIRE(state.outbox.size() == 1);
    CHECK(state.outbox[0].body == sent);
    CHECK(update(state, SubmitRequest{"general"}).empty());   // queued once, not twice

    // The retry goes out when due, with the same key and body.
    const Instant due = state.outbox[0].next_attempt;
    std::vector<Effect> effects2 = update(state, Tick{due});
    const HttpRequest* retry = only_request(effects2);
    REQUIRE(retry);
    CHECK(retry->idempotency_key == key);
    CHECK(retry->body == sent);
}

TEST_CASE("the service's field errors land on their fields and an edit clears them") {
    State state = signed_in_on_general();
    fill_general(state);
    std::vector<Effect> effects3 = update(state, SubmitRequest{"general"});
    const HttpRequest* request = only_request(effects3);
    REQUIRE(request);
    const std::string key = request->idempotency_key;
    const std::string problem =
        R"({"title":"The request has problems","status":422,"detail":"Fix the marked fields.",)"
        R"("errors":[{"field":"summary","message":"A summary says what fails, in under 500 characters."}]})";
    update(state, Answered<HttpReply::SubmitTicket>{422, problem, request->generation});
    const RequestForm& form = state.requests.at("general");
    std::vector<FieldIssue> shown = visible_issues(form, "summary");
    REQUIRE_FALSE(shown.empty());
    CHECK(shown[0].message == "A summary says what fails, in under 500 characters.");
    CHECK(form.draft.fields.at("summary") == "Sign-in page shows a blank screen");   // nothing lost

    update(state, EditField{"general", "summary", "Blank page after sign-in"});
    CHECK(visible_issues(form, "summary").empty());
    // A changed draft is a new request with a new key.
    std::vector<Effect> effects4 = update(state, SubmitRequest{"general"});
    const HttpRequest* again = only_request(effects4);
    REQUIRE(again);
    CHECK(again->idempotency_key != key);
}

TEST_CASE("an accepted ticket clears its draft and opens the ticket") {
    State state = signed_in_on_general();
    fill_general(state);
    std::vector<Effect> effects5 = update(state, SubmitRequest{"general"});
    const HttpRequest* request = only_request(effects5);
    REQUIRE(request);
    std::vector<Effect> effects =
        update(state, Answered<HttpReply::SubmitTicket>{201, R"({"id":"T-1042"})", request->generation});
    CHECK(state.requests.count("general") == 0);
    CHECK(state.screen == Screen{TicketScreen{"T-1042"}});
    REQUIRE(effects.size() >= 2);
    const DeleteDraft* forget = std::get_if<DeleteDraft>(&effects[0]);   // filed: not a draft any more
    REQUIRE(forget);
    CHECK(forget->key == "request/general");
    const PushLocation* push = std::get_if<PushLocation>(&effects[1]);
    REQUIRE(push);
    CHECK(push->hash == "#/tickets/T-1042");
    CHECK(state.notice.find("T-1042") != std::string::npos);
}

TEST_CASE("submitting without a session keeps the draft and asks to sign in, then comes back") {
    State state = signed_in_on_general();
    fill_general(state);
    state.session = SessionStatus::SignedOut;
    state.account.reset();
    update(state, SubmitRequest{"general"});
    CHECK(state.screen == Screen{SignInScreen{}});
    CHECK(state.return_to == "#/route/general");
    CHECK(state.requests.at("general").draft.fields.at("summary") == "Sign-in page shows a blank screen");
}

TEST_CASE("severity 1 needs a production outage") {
    State state = signed_in_on_general();
    fill_general(state);
    update(state, ChooseSeverity{"general", 1});
    update(state, AnswerQuestion{"general", "production", "no"});
    CHECK(update(state, SubmitRequest{"general"}).empty());
    CHECK_FALSE(visible_issues(state.requests.at("general"), "severity").empty());

    update(state, AnswerQuestion{"general", "production", "yes"});
    CHECK(visible_issues(state.requests.at("general"), "severity").empty());
}

TEST_CASE("an open incident in the user's region is shown first; other regions' are not") {
    State state = signed_in_on_general();
    const std::string status =
        R"({"regions":[{"id":"eu","name":"EU","state":"degraded","incidents":[{"id":"INC-7","title":"Slow sign-ins",)"
        R"("state":"investigating","started_at":"2026-11-23T09:00:00Z","updated_at":"2026-11-23T09:30:00Z",)"
        R"("message":"We are looking into it."}]},{"id":"americas","name":"Americas","state":"operational","incidents":[]}]})";
    update(state, Answered<HttpReply::Status>{200, status});
    const RegionStatus* region = nullptr;
    const Incident* incident = incident_for_user(state, &region);
    REQUIRE(incident);
    CHECK(incident->id == "INC-7");
    CHECK(region->name == "EU");

    state.account->memberships[0].region = "americas";
    CHECK(incident_for_user(state) == nullptr);

    // A status the portal cannot read only hides the banner.
    update(state, Answered<HttpReply::Status>{200, R"({"regions":[{"id":1}]})"});
    CHECK_FALSE(state.status.error.empty());
}

TEST_CASE("every change keeps the draft on the device, and a kept draft comes back") {
    State state = signed_in_on_general();
    std::vector<Effect> effects = update(state, EditField{"general", "summary", "Blank page"});
    REQUIRE(effects.size() == 1);
    const SaveDraft* save = std::get_if<SaveDraft>(&effects[0]);
    REQUIRE(save);
    CHECK(save->key == "request/general");
    const std::string kept = save->json;

    // After a reload the page starts empty and the device's draft is read back.
    State reloaded = signed_in_on_general();
    update(reloaded, DraftRestored{kept});
    CHECK(reloaded.requests.at("general").draft.fields.at("summary") == "Blank page");

    // What was typed since the page opened wins over an older kept draft.
    State typing = signed_in_on_general();
    update(typing, EditField{"general", "summary", "Newer words"});
    update(typing, DraftRestored{kept});
    CHECK(typing.requests.at("general").draft.fields.at("summary") == "Newer words");

    // A kept draft the portal cannot read is ignored, not shown half.
    CHECK(update(reloaded, DraftRestored{"{not json"}).empty());
}

TEST_CASE("a trial's days left count whole days, rounded up, from the tenant's trial end") {
    State state = signed_in_on_general();
    CHECK_FALSE(trial_days_left(state));   // Standard is no trial
    state.account->memberships[0].plan = "trial";
    state.account->memberships[0].trial_ends_at = "2026-12-02T09:00:00Z";   // now is 2026-11-23T10:00Z
    CHECK(trial_days_left(state) == 9);
    state.account->memberships[0].trial_ends_at = "2026-11-23T09:00:00Z";
    CHECK(trial_days_left(state) == 0);
}

TEST_CASE("a timestamp naming a zone asks for that zone's rules, so the browser can read it") {
    State state = signed_in_acme_admin("2026-12-07T10:00:00Z");
    update(state, OpenRoute{"general"});
    std::vector<Effect> effects = update(state, EditField{"general", "occurred_at", "2026-12-01 09:32 America/New_York"});
    bool asked = false;
    for (const Effect& e : effects)
        if (auto* load = std::get_if<LoadTimeZone>(&e)) asked |= load->name == "America/New_York";
    CHECK(asked);
    // Asked once: typing on does not ask again while it is on its way.
    effects = update(state, EditField{"general", "occurred_at", "2026-12-01 09:33 America/New_York"});
    for (const Effect& e : effects) CHECK(!std::holds_alternative<LoadTimeZone>(e));
    CHECK(zone_named_in("2026-12-01 09:32 Europe/Berlin") == "Europe/Berlin");
    CHECK(zone_named_in("2026-12-01 09:32 +02:00").empty());
    CHECK(zone_named_in("2026-12-01 09:32 Moon/Base").empty());
}
