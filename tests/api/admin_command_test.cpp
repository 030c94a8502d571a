// `./portal admin` (portal-web admin) against a service started without
// --demo: a vendor's first day, from an empty database to a filed ticket, and
// every bad argument refused with one clear line and nothing changed.
#include "service_process.hpp"
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

// The link on the last line of an invite's output.
std::string printed_link(const std::string& out) {
    const size_t start = out.rfind("http");
    REQUIRE(start != std::string::npos);
    std::string link = out.substr(start);
    while (!link.empty() && link.back() == '\n') link.pop_back();
    return link;
}

int64_t count(const ServiceProcess& service, const std::string& sql) { return api_test::query_number(service.database_path(), sql); }

}  // namespace

TEST_CASE("a vendor's first day: a tenant and its admin from the command line, then colleagues and a ticket") {
    ServiceProcess service;   // no --demo: nobody can sign in yet
    CHECK(service.process().wait_for_stderr("no tenants yet; create the first with: ./portal admin tenant add", std::chrono::seconds(2)));

    api_test::FinishedRun added = api_test::run_admin(service, {"tenant", "add", "--slug", "globex", "--name", "Globex Corporation",
                                                  "--plan", "standard", "--region", "eu"});
    REQUIRE(added.exit_code == 0);
    CHECK(added.out == "added tenant globex (Globex Corporation, plan standard, region eu)\n");
    api_test::FinishedRun listed = api_test::run_admin(service, {"tenant", "list"});
    REQUIRE(listed.exit_code == 0);
    CHECK(listed.out.find("globex") != std::string::npos);
    CHECK(listed.out.find("standard") != std::string::npos);

    api_test::FinishedRun invited = api_test::run_admin(service, {"invite", "--tenant", "globex", "Dana@Globex.example",
                                                    "--url", "http://127.0.0.1:" + std::to_string(service.port())});
    REQUIRE(invited.exit_code == 0);
    CHECK(invited.out.find("invited Dana@Globex.example as the admin of globex") != std::string::npos);
    const std::string link = printed_link(invited.out);
    CHECK(link.starts_with("http://127.0.0.1:" + std::to_string(service.port()) + "/#/invitation/"));
    // The link's page learns it is an admin's invitation from nobody in the portal.
    json invitation = api_test::json_of(service.client().Get("/api/v1/invitations/" + api_test::token_of_link(link)), 200);
    CHECK(invitation["tenants"] == json::array({{{"tenant", "globex"}, {"tenant_name", "Globex Corporation"}, {"role", "admin"}}}));
    CHECK(invitation["invited_by"].is_null());
    // The e-mail waits in the outbox for a mail server; the operator has the link meanwhile.
    CHECK(count(service, "SELECT COUNT(*) FROM outbox WHERE recipient = 'dana@globex.example'") == 1);
    CHECK(count(service, "SELECT COUNT(*) FROM outbox WHERE recipient = 'dana@globex.example'"
                         " AND body LIKE '%The Support Portal team invited you%as an admin of:%'") == 1);
    // A second invitation while the first is pending changes nothing.
    api_test::FinishedRun again = api_test::run_admin(service, {"invite", "--tenant", "globex", "dana@globex.example"});
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("already has a pending invitation to globex") != std::string::npos);

    httplib::Result accepted = api_test::accept_invitation(service, link, "Dana Scully");
    REQUIRE(accepted);
    REQUIRE(accepted->status == 200);
    SignedInClient dana(service, "dana@globex.example", "a long enough passphrase");
    CHECK(dana.session()["memberships"][0]["role"] == "admin");

    // The admin invites a colleague, whose audit line follows the operator's.
    json colleague = api_test::json_of(dana.invite("globex", json{{"email", "sam@globex.example"}}), 201);
    CHECK(colleague["invitation"]["tenants"] == json::array({"globex"}));
    json audit = api_test::json_of(dana.get("/api/v1/tenants/globex/audit"), 200);
    REQUIRE(audit["items"].size() == 3);   // newest first: Dana's invite, Dana's accept, the operator's invite
    CHECK(audit["items"][2]["actor"].is_null());
    CHECK(audit["items"][2]["address"] == "command line");
    CHECK(audit["items"][0]["actor"]["email"] == "dana@globex.example");

    // A ticket gets the plan's target; after a change of plan the next one gets the new plan's.
    json first = api_test::json_of(dana.post_once("/api/v1/tickets", api_test::onboarding_draft("globex")), 201);
    CHECK(first["plan"] == "standard");
    CHECK(first["sla"]["target_minutes"] == 240);
    api_test::FinishedRun upgraded = api_test::run_admin(service, {"tenant", "plan", "globex", "enterprise"});
    REQUIRE(upgraded.exit_code == 0);
    CHECK(upgraded.out == "tenant globex is now on plan enterprise; tickets filed from now on get its targets\n");
    json second = api_test::json_of(dana.post_once("/api/v1/tickets", api_test::onboarding_draft("globex")), 201);
    CHECK(second["plan"] == "enterprise");
    CHECK(second["sla"]["target_minutes"] == 120);
    json first_again = api_test::json_of(dana.get("/api/v1/tickets/" + first["id"].get<std::string>()), 200);
    CHECK(first_again["plan"] == "standard");   // open tickets keep the targets they were filed under
    CHECK(api_test::run_admin(service, {"tenant", "plan", "globex", "enterprise"}).out.find("already") != std::string::npos);

    // The vendor's engineer supports every tenant, those added later too.
    api_test::FinishedRun engineer = api_test::run_admin(service, {"engineer", "invite", "priya@vendor.example"});
    REQUIRE(engineer.exit_code == 0);
    REQUIRE(api_test::accept_invitation(service, printed_link(engineer.out), "Priya Raman")->status == 200);
    REQUIRE(api_test::run_admin(service, {"tenant", "add", "--slug", "initech", "--name", "Initech", "--plan", "trial", "--region",
                            "americas", "--trial-started", "2026-11-30"}).exit_code == 0);
    SignedInClient priya(service, "priya@vendor.example", "a long enough passphrase");
    CHECK(priya.session()["memberships"].size() == 2);
    api_test::FinishedRun engineers = api_test::run_admin(service, {"engineer", "list"});
    CHECK(engineers.out.find("priya@vendor.example") != std::string::npos);
    CHECK(engineers.out.find("active") != std::string::npos);

    // Revoking ends every membership and the sessions with them.
    api_test::FinishedRun revoked = api_test::run_admin(service, {"revoke", "priya@vendor.example"});
    REQUIRE(revoked.exit_code == 0);
    CHECK(revoked.out == "revoked priya@vendor.example in globex, initech; its sessions are closed\n");
    CHECK(priya.get("/api/v1/session")->status == 401);
    CHECK(count(service, "SELECT COUNT(*) FROM audit_log WHERE action = 'revoke' AND actor_user_id IS NULL") == 2);
}

TEST_CASE("every bad argument to ./portal admin is one clear line, exit 2, and changes nothing") {
    ServiceProcess service;
    REQUIRE(api_test::run_admin(service, {"tenant", "add", "--slug", "acme", "--name", "Acme", "--plan", "standard", "--region", "eu"})
                .exit_code == 0);
    const int64_t tenants = count(service, "SELECT COUNT(*) FROM tenants");
    const int64_t users = count(service, "SELECT COUNT(*) FROM users");

    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const Case cases[] = {
        {{"tenant", "add", "--slug", "Acme_Prod", "--name", "A", "--plan", "standard", "--region", "eu"}, "--slug Acme_Prod"},
        {{"tenant", "add", "--slug", "acme-two", "--name", " ", "--plan", "standard", "--region", "eu"}, "--name  : give the tenant's name"},
        {{"tenant", "add", "--slug", "acme-two", "--name", "A", "--plan", "gold", "--region", "eu"},
         "--plan gold: choose a plan of the support program: none, trial, standard, enterprise, preferred."},
        {{"tenant", "add", "--slug", "acme-two", "--name", "A", "--plan", "standard", "--region", "mars"}, "--region mars"},
        {{"tenant", "add", "--slug", "acme-two", "--name", "A", "--plan", "standard"}, "tenant add needs --region"},
        {{"tenant", "add", "--slug", "acme-two", "--name", "A", "--plan", "standard", "--region", "eu", "--trial-started", "2026-11-01"},
         "--trial-started 2026-11-01: only a trial plan has a start"},
        {{"tenant", "add", "--slug", "acme-two", "--name", "A", "--plan", "trial", "--region", "eu", "--trial-started", "2026-02-30"},
         "--trial-started 2026-02-30: write the day as YYYY-MM-DD"},
        {{"tenant", "add", "--slug", "acme-two", "--slug", "acme-three"}, "--slug is given twice"},
        {{"tenant", "add", "--colour", "red"}, "unknown option --colour"},
        {{"tenant", "plan", "acme"}, "tenant plan needs SLUG PLAN"},
        {{"tenant", "plan", "acme", "gold"}, "gold: choose a plan of the support program"},
        {{"tenant", "remove", "acme"}, "tenant remove: unknown"},
        {{"invite", "--tenant", "acme", "not-an-address"}, "not-an-address:"},
        {{"invite", "someone@acme.example"}, "invite needs --tenant SLUG"},
        {{"invite", "--tenant", "acme", "a@acme.example", "--url", "ftp://x"}, "--url ftp://x is not an http"},
        {{"engineer", "fire", "a@vendor.example"}, "engineer needs invite, list or token"},
        {{"revoke"}, "revoke needs one EMAIL"},
        {{"reset-link"}, "reset-link needs one EMAIL"},
        {{"reset-link", "not an address"}, "reset-link: not an address:"},
        {{"reset-link", "a@acme.example", "--url", "mailto:x"}, "--url mailto:x is not an http"},
        {{"launch"}, "unknown command launch"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.args);
        api_test::FinishedRun run = api_test::run_admin(service, c.args);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find(c.says) != std::string::npos);
        CHECK(run.err.starts_with("portal admin: "));
    }
    // Refused by the data: exit 1.
    api_test::FinishedRun taken = api_test::run_admin(service, {"tenant", "add", "--slug", "acme", "--name", "A", "--plan", "standard", "--region", "eu"});
    CHECK(taken.exit_code == 1);
    CHECK(taken.err == "portal admin: a tenant acme exists already; nothing was changed.\n");
    api_test::FinishedRun missing = api_test::run_admin(service, {"invite", "--tenant", "nobody", "a@nobody.example"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("there is no tenant nobody") != std::string::npos);
    CHECK(api_test::run_admin(service, {"revoke", "ghost@acme.example"}).exit_code == 1);
    CHECK(api_test::run_portal_web({"admin", "tenant", "list"}).exit_code == 2);   // no --db

    CHECK(count(service, "SELECT COUNT(*) FROM tenants") == tenants);
    CHECK(count(service, "SELECT COUNT(*) FROM users") == users);
}

TEST_CASE("reset-link prints a forgotten password's link for an operator without mail; it works like the mailed one") {
    ServiceProcess service;
    REQUIRE(api_test::run_admin(service, {"tenant", "add", "--slug", "acme", "--name", "Acme", "--plan", "standard", "--region", "eu"})
                .exit_code == 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(service.port());
    api_test::FinishedRun invited = api_test::run_admin(service, {"invite", "--tenant", "acme", "ada@acme.example", "--url", url});
    REQUIRE(invited.exit_code == 0);
    const std::string invitation = printed_link(invited.out);

    // Before joining there is no password to replace: the invitation sets one.
    api_test::FinishedRun early = api_test::run_admin(service, {"reset-link", "ada@acme.example"});
    CHECK(early.exit_code == 1);
    CHECK(early.err.find("never joined") != std::string::npos);
    api_test::FinishedRun ghost = api_test::run_admin(service, {"reset-link", "ghost@acme.example"});
    CHECK(ghost.exit_code == 1);
    CHECK(ghost.err == "portal admin: ghost@acme.example has no account\n");

    SignedInClient ada(service, api_test::accept_invitation(service, invitation, "Ada"));
    api_test::FinishedRun printed = api_test::run_admin(service, {"reset-link", "Ada@ACME.example", "--url", url});
    REQUIRE(printed.exit_code == 0);
    const std::string link = printed_link(printed.out);
    const std::string marker = "/#/reset-password/";
    REQUIRE(link.find(marker) != std::string::npos);
    const std::string token = link.substr(link.find(marker) + marker.size());
    CHECK(count(service, "SELECT COUNT(*) FROM outbox WHERE link LIKE '%reset-password%'") == 0);   // printed, not mailed

    httplib::Result reset = service.client().Post("/api/v1/password-resets/" + token,
                                                  json{{"password", "a brand new passphrase"}}.dump(), "application/json");
    SignedInClient again(service, reset);
    CHECK(again.session()["user"]["email"] == "ada@acme.example");
    CHECK(ada.get("/api/v1/session")->status == 401);   // the earlier session ended
    CHECK(api_test::run_admin(service, {"revoke", "ada@acme.example"}).exit_code == 0);
    api_test::FinishedRun revoked = api_test::run_admin(service, {"reset-link", "ada@acme.example"});
    CHECK(revoked.exit_code == 1);
    CHECK(revoked.err.find("no active membership") != std::string::npos);
}

TEST_CASE("migration 16 keeps every invitation and audit entry of a database written before it") {
    api_test::TempFolder folder;
    api_test::ServiceOptions options = api_test::demo_service();
    options.database_path = folder.path() / "portal.sqlite3";
    { ServiceProcess service(options); CHECK(service.stop() == std::optional<int>(0)); }
    const std::filesystem::path& database = *options.database_path;

    // Back to migration 15's tables (inviter and actor required), rows and all.
    api_test::run_sql(database,
        "PRAGMA foreign_keys=ON; BEGIN;"
        "CREATE TABLE invitations_old (id INTEGER PRIMARY KEY, token_digest TEXT NOT NULL UNIQUE,"
        " user_id INTEGER NOT NULL REFERENCES users(id), invited_by INTEGER NOT NULL REFERENCES users(id),"
        " created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);"
        "INSERT INTO invitations_old SELECT * FROM invitations;"
        "CREATE TABLE invitation_tenants_old (invitation_id INTEGER NOT NULL REFERENCES invitations_old(id),"
        " tenant_id INTEGER NOT NULL REFERENCES tenants(id), PRIMARY KEY (invitation_id, tenant_id));"
        "INSERT INTO invitation_tenants_old SELECT * FROM invitation_tenants;"
        "DROP TABLE invitation_tenants; DROP TABLE invitations;"
        "ALTER TABLE invitations_old RENAME TO invitations; ALTER TABLE invitation_tenants_old RENAME TO invitation_tenants;"
        "CREATE TABLE audit_log_old (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
        " actor_user_id INTEGER NOT NULL REFERENCES users(id), action TEXT NOT NULL, target_user_id INTEGER NOT NULL REFERENCES users(id),"
        " address TEXT NOT NULL);"
        "INSERT INTO audit_log_old SELECT * FROM audit_log; DROP TABLE audit_log; ALTER TABLE audit_log_old RENAME TO audit_log;"
        "DROP TABLE password_reset_requests; DROP TABLE password_resets;"   // later migrations' (17 on), made again after 16
        "DROP TABLE webhook_deliveries; DROP TABLE webhooks; DROP TABLE ticket_events; DROP TABLE api_tokens;"
        "ALTER TABLE users DROP COLUMN is_operator;"                        // and 19's, 20's
        "DROP TABLE second_factors; DROP TABLE recovery_codes; DROP TABLE sign_in_challenges;"
        "DROP TABLE sso_attempts; DROP TABLE sso_domains; DROP TABLE sso_setups;"   // and 21's
        "DROP TABLE attachment_bytes; DROP TABLE attachments; DROP INDEX tickets_closed; ALTER TABLE tickets DROP COLUMN closed_at;"   // and 23's
        "DELETE FROM schema_migrations WHERE version >= 16; COMMIT;");
    const int64_t invitations = api_test::query_number(database, "SELECT COUNT(*) FROM invitations");
    const int64_t invitation_tenants = api_test::query_number(database, "SELECT COUNT(*) FROM invitation_tenants");
    const int64_t audit = api_test::query_number(database, "SELECT COUNT(*) FROM audit_log");
    REQUIRE(invitations > 0);
    REQUIRE(audit > 0);
    REQUIRE(api_test::query_number(database, "SELECT \"notnull\" FROM pragma_table_info('invitations') WHERE name = 'invited_by'") == 1);

    { ServiceProcess service(options); CHECK(service.stop() == std::optional<int>(0)); }
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM schema_migrations WHERE version = 16") == 1);
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM invitations") == invitations);
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM invitation_tenants") == invitation_tenants);
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM audit_log") == audit);
    CHECK(api_test::query_number(database, "SELECT \"notnull\" FROM pragma_table_info('invitations') WHERE name = 'invited_by'") == 0);
    CHECK(api_test::query_number(database, "SELECT \"notnull\" FROM pragma_table_info('audit_log') WHERE name = 'actor_user_id'") == 0);
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM pragma_foreign_key_check") == 0);
    // invitation_tenants points at the rebuilt table, not a renamed-away one.
    CHECK(api_test::query_number(database, "SELECT COUNT(*) FROM pragma_foreign_key_list('invitation_tenants') WHERE \"table\" = 'invitations'") == 1);
}
