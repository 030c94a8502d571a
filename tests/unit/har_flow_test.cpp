// The HAR screen through core::update, with the worker's real answer: a
// public fixture run through core::HarJob (what the worker runs) gives the
// report JSON the page reads. A file chosen from a request form is read,
// its progress and report shown, answers of an older reading ignored, the
// person's own text removed by reading again, identifiers filled into the
// form (what was typed kept), the sanitised copy attached and sent once the
// ticket is filed; files picked or dropped on a ticket go to that ticket.
#include "core/app.hpp"
#include "core/flows/har_flow.hpp"
#include "core/flows/request_flow.hpp"
#include "core/flows/ticket_flow.hpp"
#include "core/har/har_job.hpp"
#include "core/har/pasted_token.hpp"
#include "core/model/har_report.hpp"
#include "core/model/ticket.hpp"
#include "effects_of.hpp"
#include "signed_in_state.hpp"
#include "test_files.hpp"

#include <doctest/doctest.h>

using namespace core;

namespace {

// What the HAR worker sends back for a file: its analysis as JSON, and the sanitised bytes.
struct WorkerAnswer {
    std::string report_json;
    std::string sanitized;
};

WorkerAnswer run_worker(std::string_view har, std::vector<std::string> user_texts = {}) {
    WorkerAnswer out;
    HarJob job({SecretKey{}, std::move(user_texts)}, "https://{tenant}.example.com/", [&](std::string_view b) { out.sanitized += b; });
    REQUIRE(job.feed(har));
    REQUIRE(job.finish());
    out.report_json = analysis_json(job.analysis(), job.report());
    return out;
}

std::string failed_login() { return test_files::read_fixture("har/jfromaniello-har-sanitizer_example.har"); }

State signed_out_on_har() {
    State state;
    state.now = *parse_instant("2026-12-07T10:00:00Z");
    state.session = SessionStatus::SignedOut;
    state.screen = HarScreen{};
    return state;
}

State on_onboarding_form() {
    State state = signed_in_acme_admin("2026-12-07T10:00:00Z");
    update(state, OpenRoute{"onboarding"});
    return state;
}

}  // namespace

TEST_CASE("a HAR file chosen from a request form: read in the worker, progress, then where the sign-in stopped") {
    State state = on_onboarding_form();
    auto opened = update(state, OpenHar{"onboarding", {}});
    CHECK(std::holds_alternative<HarScreen>(state.screen));
    REQUIRE(effects_of<PushLocation>(opened).size() == 1);
    CHECK(effects_of<PushLocation>(opened)[0]->hash == "#/har");
    CHECK(state.har.for_route == "onboarding");

    REQUIRE(effects_of<PickFile>(update(state, PickHarFile{})).size() == 1);
    const std::string har = failed_login();
    auto started = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {7, "login.har", (long long)har.size()}}));
    REQUIRE(started.size() == 1);
    CHECK(started[0]->file_id == 7);
    CHECK(started[0]->tenant_issuer == state.program.tenant_issuer);
    CHECK(started[0]->user_texts.empty());
    const int run = started[0]->run;
    CHECK(state.har.stage == HarStage::Reading);

    update(state, HarProgress{run, 600});
    CHECK(state.har.done == 600);
    update(state, HarProgress{run - 1, 900});   // another reading's: not this one
    CHECK(state.har.done == 600);

    const WorkerAnswer answer = run_worker(har);
    update(state, HarFinished{run, answer.report_json, {8, "", (long long)answer.sanitized.size()}});
    REQUIRE(state.har.stage == HarStage::Done);
    REQUIRE(state.har.report);
    const HarAnalysis& a = state.har.report->analysis;
    CHECK(a.verdict.starts_with("The flow stopped at entry 2, POST https://auth.company.com/login (login): 401 Unauthorized"));
    CHECK(a.entries == 3);
    REQUIRE(a.failures.size() == 1);
    CHECK(a.failures[0].status == 401);
    CHECK(state.har.sanitized.id == 8);
    CHECK(state.har.sanitized.name == "login-sanitized.har");
    // Every redaction is there to review, by kind, each with its marker.
    CHECK(state.har.report->total_redactions() > 0);
    REQUIRE(!state.har.report->redacted.empty());
    for (const HarRedactionRow& row : state.har.report->redacted) {
        CHECK(row.marker.starts_with("REDACTED_"));
        CHECK(row.where.starts_with("log."));
    }
    // Requests carry their place on the waterfall: the failed login came after the first request.
    REQUIRE(!a.sign_in.empty());
    CHECK(a.sign_in.front().offset_ms >= 0);
    CHECK(a.failures[0].offset_ms > 0);
}

TEST_CASE("a text of the person's own is removed by reading the file again; the older reading's answer is ignored") {
    State state = on_onboarding_form();
    update(state, OpenHar{"onboarding", {}});
    const std::string har = failed_login();
    const int first = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {7, "login.har", (long long)har.size()}}))[0]->run;
    update(state, HarFinished{first, run_worker(har).report_json, {8, "", 10}});

    update(state, EditHarRedaction{"  foobarbax  "});
    auto again = effects_of<StartHarWorker>(update(state, AddHarRedaction{}));
    REQUIRE(again.size() == 1);
    CHECK(again[0]->user_texts == std::vector<std::string>{"foobarbax"});
    CHECK(again[0]->run > first);
    CHECK(state.har.stage == HarStage::Reading);
    CHECK(state.har.new_text.empty());

    update(state, HarFinished{first, run_worker(har).report_json, {9, "", 10}});   // late: the first reading
    CHECK(state.har.stage == HarStage::Reading);
    const WorkerAnswer without = run_worker(har, {"foobarbax"});
    CHECK(without.sanitized.find("foobarbax") == std::string::npos);
    update(state, HarFinished{again[0]->run, without.report_json, {10, "", (long long)without.sanitized.size()}});
    CHECK(state.har.sanitized.id == 10);
    bool user_text_listed = false;
    for (const auto& [kind, count] : state.har.report->counts) user_text_listed |= kind == "your text" && count > 0;
    CHECK(user_text_listed);

    // Putting it back reads the file again without it.
    auto back = effects_of<StartHarWorker>(update(state, RemoveHarRedaction{"foobarbax"}));
    REQUIRE(back.size() == 1);
    CHECK(back[0]->user_texts.empty());
}

TEST_CASE("a file that is not HAR: the worker's words, naming the file") {
    State state = on_onboarding_form();
    const int run = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {3, "notes.har", 12}}))[0]->run;
    update(state, HarFailed{run, "log.entries[2] (byte 812): The text ends inside this string: it was cut off."});
    CHECK(state.har.stage == HarStage::Failed);
    CHECK(state.har.error.find("notes.har") != std::string::npos);
    CHECK(state.har.error.find("log.entries[2]") != std::string::npos);
    CHECK(effects_of<SaveHeldFile>(update(state, DownloadSanitizedHar{})).empty());   // nothing to save
}

TEST_CASE("the suggested identifiers fill the form they came from, keeping what the person typed") {
    State state = on_onboarding_form();
    update(state, EditField{"onboarding", "tenant", "my-own-tenant"});
    update(state, OpenHar{"onboarding", {}});
    const std::string har = failed_login();
    const int run = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {7, "login.har", 1}}))[0]->run;
    update(state, HarFinished{run, run_worker(har).report_json, {8, "", 10}});

    auto filled = update(state, UseHarIdentifiers{});
    CHECK(std::holds_alternative<RouteScreen>(state.screen));
    const TicketDraft& draft = state.requests.at("onboarding").draft;
    CHECK(draft.fields.at("application") == "foobarbax");
    CHECK(draft.fields.at("redirect_uri") == "https://www.company.com/oauth/auth0/callback");
    CHECK(draft.fields.at("error_message") == "invalid_user_password: Wrong email or password.");
    CHECK(draft.fields.at("tenant") == "my-own-tenant");   // typed: kept
    CHECK(state.notice.find("Kept what you wrote") != std::string::npos);
    CHECK(!effects_of<SaveDraft>(filled).empty());         // the filled draft is kept on the device
}

TEST_CASE("the sanitised copy attached to a new request is sent once its ticket is filed") {
    State state = on_onboarding_form();
    update(state, OpenHar{"onboarding", {}});
    const std::string har = failed_login();
    const int run = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {7, "login.har", 1}}))[0]->run;
    const WorkerAnswer answer = run_worker(har);
    update(state, HarFinished{run, answer.report_json, {8, "", (long long)answer.sanitized.size()}});
    update(state, AttachSanitizedHar{});
    CHECK(std::holds_alternative<RouteScreen>(state.screen));
    REQUIRE(state.requests.at("onboarding").attachments.size() == 1);
    CHECK(state.requests.at("onboarding").attachments[0].name == "login-sanitized.har");
    update(state, AttachSanitizedHar{});   // twice: still one
    CHECK(state.requests.at("onboarding").attachments.size() == 1);

    // The service filed the request as T-1042 (request_flow's answer to a submit).
    const auto uploads = effects_of<UploadFile>(request_filed(state, "onboarding", "T-1042", true));
    REQUIRE(uploads.size() == 1);
    CHECK(uploads[0]->url == "/api/v1/tickets/T-1042/attachments");
    CHECK(uploads[0]->file_id == 8);
    CHECK(uploads[0]->file_name == "login-sanitized.har");
    CHECK(uploads[0]->csrf_token == "csrf-1");
    CHECK(!uploads[0]->idempotency_key.empty());
    CHECK(uploads_to(state, "T-1042") == 1);

    update(state, Answered<HttpReply::Attachment>{201, "{}", uploads[0]->generation});
    CHECK(uploads_to(state, "T-1042") == 0);
    CHECK(state.notice.find("Attached") != std::string::npos);
    CHECK(state.notice.find("T-1042") != std::string::npos);
}

TEST_CASE("the browser keeps only the files the state refers to: a replaced reading's copy goes, an attached one stays") {
    State state = on_onboarding_form();
    CHECK(held_file_ids(state).empty());
    update(state, OpenHar{"onboarding", {}});
    const std::string har = failed_login();
    const WorkerAnswer answer = run_worker(har);
    int run = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Har, {7, "login.har", 1}}))[0]->run;
    CHECK(held_file_ids(state) == std::vector<int>{7});   // the chosen file, read again for the person's own texts
    update(state, HarFinished{run, answer.report_json, {8, "", (long long)answer.sanitized.size()}});
    CHECK(held_file_ids(state) == std::vector<int>{7, 8});

    // Read again with a text of the person's own: the first copy is no longer referred to.
    update(state, EditHarRedaction{"foobarbax"});
    run = effects_of<StartHarWorker>(update(state, AddHarRedaction{}))[0]->run;
    update(state, HarFinished{run, answer.report_json, {9, "", (long long)answer.sanitized.size()}});
    CHECK(held_file_ids(state) == std::vector<int>{7, 9});

    // Attached to the form, the copy stays after another file replaces the reading.
    update(state, AttachSanitizedHar{});
    update(state, OpenHar{"onboarding", {}});
    update(state, FileHeld{FilePurpose::Har, {12, "other.har", 1}});
    CHECK(held_file_ids(state) == std::vector<int>{9, 12});

    // Once the ticket is filed the upload has taken the copy: only the screen's file is left.
    request_filed(state, "onboarding", "T-1042", true);
    CHECK(held_file_ids(state) == std::vector<int>{12});
}

TEST_CASE("a file picked or dropped on a ticket goes to that ticket; a refusal is said in the service's words") {
    State state = signed_in_acme_admin("2026-12-07T10:00:00Z");
    update(state, OpenTicket{"T-1001"});
    REQUIRE(effects_of<PickFile>(update(state, AttachToTicket{})).size() == 1);
    auto sent = effects_of<UploadFile>(update(state, FileHeld{FilePurpose::Attachment, {4, "error.png", 2048}}));
    REQUIRE(sent.size() == 1);
    CHECK(sent[0]->url == "/api/v1/tickets/T-1001/attachments");
    update(state, Answered<HttpReply::Attachment>{
                      415, R"({"title":"Unsupported Media Type","status":415,"detail":"The file is not a HAR file, a PNG, JPEG or WebP picture or a UTF-8 log."})",
                      sent[0]->generation});
    CHECK(state.ticket.attach_error.find("error.png") != std::string::npos);
    CHECK(state.ticket.attach_error.find("not a HAR file") != std::string::npos);

    // Dropped: a screenshot goes up at once, a HAR file is read first, for this ticket.
    CHECK(effects_of<UploadFile>(update(state, FileHeld{FilePurpose::Dropped, {5, "shot.webp", 100}})).size() == 1);
    auto read = effects_of<StartHarWorker>(update(state, FileHeld{FilePurpose::Dropped, {6, "trace.HAR", 100}}));
    REQUIRE(read.size() == 1);
    CHECK(std::holds_alternative<HarScreen>(state.screen));
    CHECK(state.har.for_ticket == "T-1001");

    // Over the program's limit: refused here, nothing sent.
    update(state, OpenTicket{"T-1001"});
    const long long too_big = state.program.attachments.max_bytes() + 1;
    CHECK(effects_of<UploadFile>(update(state, FileHeld{FilePurpose::Attachment, {7, "huge.log", too_big}})).empty());
    CHECK(state.notice.find("at most 32 MB") != std::string::npos);
}

TEST_CASE("an attachment downloads only from the service's own attachment path") {
    State state = signed_in_acme_admin("2026-12-07T10:00:00Z");
    update(state, OpenTicket{"T-1001"});
    CHECK(effects_of<DownloadUrl>(update(state, DownloadAttachment{"/api/v1/tickets/T-1001/attachments/a1", "x.har"})).size() == 1);
    CHECK(effects_of<DownloadUrl>(update(state, DownloadAttachment{"https://elsewhere.example/x", "x.har"})).empty());
}

TEST_CASE("the token viewer: a pasted JWT decoded by the worker, a text that is neither said so") {
    State state = signed_out_on_har();
    update(state, EditPastedToken{"   "});
    CHECK(effects_of<InspectToken>(update(state, InspectPastedToken{})).empty());
    CHECK(!state.har.token_error.empty());

    const std::string jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0."
                            "eyJpc3MiOiJodHRwczovL2FjbWUuZXhhbXBsZS5jb20vIiwic3ViIjoidXNlcjEiLCJleHAiOjE3MDAwMDAwMDB9.c2ln";
    update(state, EditPastedToken{jwt});
    auto asked = effects_of<InspectToken>(update(state, InspectPastedToken{}));
    REQUIRE(asked.size() == 1);
    CHECK(state.har.token_busy);
    const Instant now = *parse_instant("2026-12-07T10:00:00Z");
    update(state, TokenInspected{pasted_token_json(read_pasted_token(asked[0]->text, now, nullptr))});
    CHECK(!state.har.token_busy);
    REQUIRE(state.har.token);
    CHECK(state.har.token->kind == "jwt");
    CHECK(state.har.token->title == "JWT");
    bool has_sub = false;
    for (const JwtClaimLine& line : state.har.token->lines) has_sub |= line.name == "sub" && line.value == "user1";
    CHECK(has_sub);
    bool expired = false;
    for (const JwtFinding& f : state.har.token->findings) expired |= f.message.find("xpired") != std::string::npos;
    CHECK(expired);

    update(state, TokenInspected{pasted_token_json(read_pasted_token("hello", now, nullptr))});
    CHECK(state.har.token_error.starts_with("Neither a JWT nor a SAML message"));
}

TEST_CASE("a ticket's files are read from its details; a service without them is fine") {
    const std::string base =
        R"({"id":"T-1001","summary":"s","status":"open","severity":2,"plan":"standard","route":"onboarding",
            "customer_time_zone":"UTC","opened_at":"2026-12-07T09:00:00Z","first_response_at":null,"tenant":"acme-prod",
            "fields":{},"answers":{},"checklist":{},"escalates":null,"escalated_by":[],"comments":[],"actions":[])";
    Parsed<TicketDetails> without = parse_ticket_details(base + "}");
    REQUIRE_MESSAGE(without, without.error);
    CHECK(without.value->attachments.empty());
    Parsed<TicketDetails> with = parse_ticket_details(
        base + R"(,"attachments":[{"id":"a1","file_name":"login-sanitized.har","kind":"har","media_type":"application/json",
                  "size":2048,"sha256":"00","added_by":{"email":"admin@acme.example","name":"Ada","kind":"customer"},
                  "created_at":"2026-12-07T09:30:00Z","url":"/api/v1/tickets/T-1001/attachments/a1"}]})");
    REQUIRE_MESSAGE(with, with.error);
    REQUIRE(with.value->attachments.size() == 1);
    const TicketAttachment& file = with.value->attachments[0];
    CHECK(file.file_name == "login-sanitized.har");
    CHECK(file.size == 2048);
    CHECK(file.added_by_name == "Ada");
    CHECK(file.url == "/api/v1/tickets/T-1001/attachments/a1");
    CHECK(!parse_ticket_details(base + R"(,"attachments":[{"id":"a1"}]})"));   // a broken one is refused, in words
}

TEST_CASE("the sanitised copy's name") {
    CHECK(sanitized_file_name("login.har") == "login-sanitized.har");
    CHECK(sanitized_file_name("Trace.JSON") == "Trace-sanitized.har");
    CHECK(sanitized_file_name("capture") == "capture-sanitized.har");
    CHECK(sanitized_file_name(".har") == "network-sanitized.har");
}
