// A crash between storing a ticket and answering for it, made on purpose
// with the test-only switch --fault=exit-after-ticket-stored: the client
// never hears back, retries with the same Idempotency-Key once the service
// is up again on the same database, and gets the ticket that was stored,
// never a second one. Also: the switch is refused outside --demo.
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

using api_test::FinishedRun;
using api_test::ServiceOptions;
using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

const std::string tickets = "/api/v1/tickets";
const std::string fault_switch = "--fault=exit-after-ticket-stored";
constexpr int fault_exit_code = 3;   // as portal-web --help documents

// A demo service on the database and port of `before` (a restart), or fresh.
ServiceOptions demo_on(const ServiceProcess* before, bool with_fault) {
    ServiceOptions options = api_test::demo_service();
    if (with_fault) options.extra_args.push_back(fault_switch);
    if (before) {
        options.database_path = before->database_path();
        options.port = before->port();
    }
    return options;
}

int64_t ticket_count(const ServiceProcess& service) {
    return api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM tickets");
}

// The tickets of acme-prod with this summary, as the list shows them.
std::vector<json> listed_with_summary(SignedInClient& client, const std::string& summary) {
    json page = api_test::json_of(client.get(tickets + "?tenant=acme-prod&limit=200"), 200);
    REQUIRE(page["next_cursor"].is_null());   // the whole list in one page
    std::vector<json> found;
    for (const json& ticket : page["items"])
        if (ticket["summary"] == summary) found.push_back(ticket);
    return found;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a crash after a ticket is stored: the retry after a restart gets the same ticket, never a second") {
    ServiceProcess crashing(demo_on(nullptr, true));
    CHECK(crashing.process().wait_for_stderr("test fault exit-after-ticket-stored is on", std::chrono::seconds(1)));
    SignedInClient amara(crashing, "admin@acme.example");
    const int64_t before = ticket_count(crashing);

    json draft = api_test::onboarding_draft();
    const std::string summary = "Sign-in fails: filed once across a service crash";
    draft["fields"]["summary"] = summary;
    const httplib::Headers key = {{"Idempotency-Key", "crash-then-retry"}};

    // Stored and committed, then the process ends: no answer at all.
    httplib::Result lost = amara.post(tickets, draft, key);
    CHECK_FALSE(lost);
    CHECK(crashing.process().wait_for_exit(std::chrono::seconds(5)) == std::optional<int>(fault_exit_code));
    const std::string crash_log = crashing.process().stderr_text();
    INFO("stderr of the crashed service: ", crash_log);
    CHECK(contains(crash_log, "portal-web: test fault exit-after-ticket-stored: ticket T-1021 and its Idempotency-Key "
                              "answer are committed; exiting with code 3 before answering\n"));
    CHECK_FALSE(contains(crash_log, "POST /api/v1/tickets "));   // no request log line: nothing was answered
    // Ended like a crash: the WAL was not checkpointed and removed by a clean close.
    CHECK(std::filesystem::exists(crashing.database_path().string() + "-wal"));

    // The same database and port, no fault: the retry is answered from what was kept.
    ServiceProcess restarted(demo_on(&crashing, false));
    CHECK(restarted.port() == crashing.port());
    httplib::Result retried = amara.post(tickets, draft, key);   // the session survived the crash too
    json ticket = api_test::json_of(retried, 201);
    CHECK(retried->get_header_value("Idempotent-Replayed") == "true");
    CHECK(ticket["id"] == "T-1021");
    CHECK(ticket["summary"] == summary);
    CHECK(ticket["created_by"]["email"] == "admin@acme.example");

    std::vector<json> listed = listed_with_summary(amara, summary);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["id"] == "T-1021");
    CHECK(ticket_count(restarted) == before + 1);
    CHECK(api_test::query_number(restarted.database_path(), "SELECT COUNT(*) FROM comments WHERE ticket_id = 'T-1021'") == 1);

    // Without the fault the restarted service answers new tickets as usual.
    json another = api_test::json_of(amara.post_once(tickets, api_test::onboarding_draft()), 201);
    CHECK(another["id"] == "T-1022");

    // With the fault on again, a replay does not set it off; the next new ticket does.
    CHECK(restarted.stop() == std::optional<int>(0));
    ServiceProcess faulty_again(demo_on(&crashing, true));
    httplib::Result replayed = amara.post(tickets, draft, key);
    CHECK(api_test::json_of(replayed, 201)["id"] == "T-1021");
    CHECK(replayed->get_header_value("Idempotent-Replayed") == "true");
    REQUIRE(amara.get("/api/v1/health"));   // still serving

    CHECK_FALSE(amara.post_once(tickets, api_test::onboarding_draft()));
    CHECK(faulty_again.process().wait_for_exit(std::chrono::seconds(5)) == std::optional<int>(fault_exit_code));
    CHECK(contains(faulty_again.process().stderr_text(), "ticket T-1023 and its Idempotency-Key answer are committed"));
    CHECK(ticket_count(faulty_again) == before + 3);
}

TEST_CASE("the fault switch is refused without --demo, and unknown faults are named") {
    api_test::TempFolder folder;
    std::vector<std::string> args = api_test::working_arguments(folder);

    SUBCASE("without --demo") {
        args.push_back(fault_switch);
        FinishedRun run = api_test::run_portal_web(args);
        CHECK(run.exit_code == std::optional<int>(2));
        CHECK(run.out.empty());
        CHECK(run.err == "portal-web: --fault is for tests only and needs --demo; a service started without --demo never "
                         "breaks on purpose (see portal-web --help)\n");
        CHECK_FALSE(std::filesystem::exists(folder.path() / "portal.sqlite3"));
    }
    SUBCASE("an unknown fault") {
        args.insert(args.end(), {"--demo", "--fault", "explode"});
        FinishedRun run = api_test::run_portal_web(args);
        CHECK(run.exit_code == std::optional<int>(2));
        CHECK(run.err == "portal-web: --fault must be one of the test faults (exit-after-ticket-stored), not \"explode\" "
                         "(see portal-web --help)\n");
    }
    SUBCASE("--help says it is for tests only") {
        FinishedRun help = api_test::run_portal_web({"--help"});
        CHECK(contains(help.out, "--fault NAME     FOR TESTS ONLY, refused without --demo"));
        CHECK(contains(help.out, "exit-after-ticket-stored"));
    }
}
