// Managing support-only users: who may do what (the authorization matrix),
// invitations (idempotent, conflicts, bad addresses), the invitation link
// from the dev mailbox to a signed-in support user and back out again when
// revoked, and the audit log.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

const std::string acme_users = "/api/v1/tenants/acme-prod/support-users";
const std::string globex_users = "/api/v1/tenants/globex-dev/support-users";

// A demo user's id, as the admins of their tenant see it.
int64_t id_of(SignedInClient& admin, const std::string& tenant, const std::string& email) {
    json page = api_test::json_of(admin.get("/api/v1/tenants/" + tenant + "/support-users?limit=200&q=" + email), 200);
    for (const json& item : page["items"])
        if (item["email"] == email) return item["id"].get<int64_t>();
    FAIL("no ", email, " in ", tenant);
    return 0;
}

// Every user-management call on a tenant, as (method, path, body).
struct Call {
    std::string method;
    std::string path;
};
std::vector<Call> management_calls(const std::string& tenant, int64_t user_id) {
    const std::string base = "/api/v1/tenants/" + tenant;
    const std::string user = base + "/support-users/" + std::to_string(user_id);
    return {{"GET", base + "/support-users"},
            {"GET", base + "/support-users?q=a&status=active&sort=name&order=desc&limit=5"},
            {"POST", base + "/support-users"},
            {"GET", user},
            {"POST", user + "/revoke"},
            {"GET", base + "/audit"}};
}

httplib::Result perform(SignedInClient& client, const Call& call, const std::string& tenant) {
    if (call.method == "GET") return client.get(call.path);
    return client.post(call.path, {{"email", "matrix@example.com"}, {"tenants", {tenant}}}, {{"Idempotency-Key", "matrix"}});
}

// A problem body with the tenant's name (and the user id) taken out, to
// compare answers about different tenants word for word.
std::string anonymous(std::string body, const std::string& tenant, const std::string& id = "") {
    for (const std::string& word : {tenant, id}) {
        if (word.empty()) continue;
        for (size_t at = body.find(word); at != std::string::npos; at = body.find(word, at)) body.replace(at, word.size(), "X");
    }
    return body;
}

}  // namespace

TEST_CASE("authorization: only admins of a tenant manage its users; other tenants do not exist") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient acme_admin(service, "admin@acme.example");
    SignedInClient globex_admin(service, "admin@globex.example");
    const int64_t sam = id_of(acme_admin, "acme-prod", "sam.taylor@acme.example");
    const int64_t dana = id_of(globex_admin, "globex-dev", "dana.whitfield@globex.example");

    SUBCASE("a support-only user gets 403 on every user-management call of their tenant") {
        SignedInClient support(service, "sam.taylor@acme.example");
        for (const Call& call : management_calls("acme-prod", sam)) {
            CAPTURE(call.method);
            CAPTURE(call.path);
            CHECK(api_test::problem_of(perform(support, call, "acme-prod"), 403).find("acme-prod") != std::string::npos);
        }
        // ...and 404 for a tenant they are not in, as for one that does not exist.
        for (const Call& call : management_calls("globex-dev", dana)) {
            CAPTURE(call.path);
            api_test::problem_of(perform(support, call, "globex-dev"), 404);
        }
    }

    SUBCASE("a support engineer gets 403 on user management") {
        SignedInClient engineer(service, "engineer@vendor.example");
        for (const std::string tenant : {"acme-prod", "globex-dev"})
            for (const Call& call : management_calls(tenant, tenant == "acme-prod" ? sam : dana)) {
                CAPTURE(call.path);
                api_test::problem_of(perform(engineer, call, tenant), 403);
            }
    }

    SUBCASE("the admin of acme gets for globex exactly what a tenant that does not exist gets") {
        std::vector<Call> globex = management_calls("globex-dev", dana);
        std::vector<Call> nowhere = management_calls("no-such-tenant", dana);
        for (size_t i = 0; i < globex.size(); i++) {
            CAPTURE(globex[i].path);
            httplib::Result real = perform(acme_admin, globex[i], "globex-dev");
            httplib::Result made_up = perform(acme_admin, nowhere[i], "no-such-tenant");
            CHECK(api_test::problem_of(real, 404) == "There is no tenant globex-dev.");
            CHECK(api_test::problem_of(made_up, 404) == "There is no tenant no-such-tenant.");
            CHECK(anonymous(real->body, "globex-dev") == anonymous(made_up->body, "no-such-tenant"));
            CHECK(real->headers.size() == made_up->headers.size());
        }
        // Inviting to globex alongside acme is refused the same way.
        httplib::Result both = acme_admin.invite("acme-prod", {{"email", "both@example.com"}, {"tenants", {"acme-prod", "globex-dev"}}});
        CHECK(api_test::problem_of(both, 404) == "There is no tenant globex-dev.");
        // A globex user through acme's path is as unknown as an id that was never given out.
        for (const std::string suffix : {"", "/revoke"}) {
            CAPTURE(suffix);
            std::string real_path = acme_users + "/" + std::to_string(dana) + suffix;
            std::string made_up_path = acme_users + "/999999" + suffix;
            httplib::Result real = suffix.empty() ? acme_admin.get(real_path) : acme_admin.post(real_path, json::object());
            httplib::Result made_up = suffix.empty() ? acme_admin.get(made_up_path) : acme_admin.post(made_up_path, json::object());
            api_test::problem_of(real, 404);
            api_test::problem_of(made_up, 404);
            CHECK(anonymous(real->body, "", std::to_string(dana)) == anonymous(made_up->body, "", "999999"));
        }
        // And globex's tickets do not exist for acme's admin either.
        json globex_tickets = api_test::json_of(globex_admin.get("/api/v1/tickets?limit=1"), 200);
        std::string ticket = globex_tickets["items"][0]["id"].get<std::string>();
        CHECK(api_test::problem_of(acme_admin.get("/api/v1/tickets/" + ticket), 404) == "There is no ticket " + ticket + ".");
    }

    SUBCASE("an admin of both invites to both at once") {
        SignedInClient owner(service, "owner@multi.example");
        json created = api_test::json_of(owner.invite("globex-dev", {{"email", "two@example.com"}, {"tenants", {"acme-prod", "globex-dev"}}}), 201);
        CHECK(created["invitation"]["tenants"] == json::array({"acme-prod", "globex-dev"}));
        for (const char* path : {"/api/v1/tenants/acme-prod/support-users?q=two@", "/api/v1/tenants/globex-dev/support-users?q=two@"})
            CHECK(api_test::json_of(owner.get(path), 200)["total"] == 1);
        json mail = api_test::newest_mail_to(service, "two@example.com");
        CHECK(mail["body"].get<std::string>().find("Acme (production)") != std::string::npos);
        CHECK(mail["body"].get<std::string>().find("Globex (development)") != std::string::npos);
    }

    SUBCASE("admin of one tenant and support user of another: 403 there, not 404") {
        // The owner invites acme's admin to globex as a support-only user.
        SignedInClient owner(service, "owner@multi.example");
        api_test::json_of(owner.invite("globex-dev", {{"email", "admin@acme.example"}}), 201);
        std::string token = api_test::token_of_link(api_test::newest_mail_to(service, "admin@acme.example")["link"]);
        httplib::Client client = service.client();
        json accepted = api_test::json_of(
            client.Post("/api/v1/invitations/" + token + "/accept",
                        json{{"name", "Amara Okafor"}, {"password", api_test::demo_password}}.dump(), "application/json"),
            200);
        CHECK(accepted["memberships"].size() == 2);
        SignedInClient admin(service, "admin@acme.example");
        CHECK(api_test::problem_of(admin.get(globex_users), 403) == "Only admins of globex-dev can manage its users.");
        httplib::Result both = admin.invite("acme-prod", {{"email", "both@example.com"}, {"tenants", {"acme-prod", "globex-dev"}}});
        CHECK(api_test::problem_of(both, 403) == "Only admins of globex-dev can invite users to it.");
    }
}

TEST_CASE("inviting: idempotent with its key, 409 for a pending invitation, 400 for a bad address") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");

    SUBCASE("the same key and body twice: the first answer again, one invitation, one e-mail") {
        const httplib::Headers key = {{"Idempotency-Key", "same-key"}};
        const json body = {{"email", "Repeat@Example.com"}, {"tenants", {"acme-prod"}}};
        httplib::Result first = admin.post(acme_users, body, key);
        httplib::Result second = admin.post(acme_users, body, key);
        json created = api_test::json_of(first, 201);
        REQUIRE(second);
        CHECK(second->status == 201);
        CHECK(second->body == first->body);
        CHECK(second->get_header_value("Idempotent-Replayed") == "true");
        CHECK(created["invitation"]["email"] == "repeat@example.com");
        CHECK(created["invitation"]["id"].is_number_integer());
        CHECK(created["invitation"]["expires_at"].is_string());
        CHECK(created["user"]["email"] == "repeat@example.com");
        CHECK(created["user"]["status"] == "invited");
        CHECK(created["user"]["name"].is_null());
        CHECK(created["user"]["invited_by"]["email"] == "admin@acme.example");
        CHECK(created["user"]["last_sign_in_at"].is_null());

        CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM invitations i JOIN users u ON u.id = i.user_id"
                                                              " WHERE u.email = 'repeat@example.com'") == 1);
        httplib::Client client = service.client();
        int mails = 0;
        json mailbox = api_test::json_of(client.Get("/api/v1/dev/mailbox"), 200);
        for (const json& message : mailbox["messages"])
            if (message["to"] == "repeat@example.com") mails++;
        CHECK(mails == 1);

        SUBCASE("the same key with another body is a 422") {
            api_test::problem_of(admin.post(acme_users, {{"email", "other@example.com"}}, key), 422);
        }
        SUBCASE("keys are per user: another admin's same key is a new request") {
            SignedInClient owner(service, "owner@multi.example");
            CHECK(api_test::problem_of(owner.post(acme_users, body, key), 409).find("pending invitation") != std::string::npos);
        }
    }

    SUBCASE("without an Idempotency-Key it is a 400") {
        CHECK(api_test::problem_of(admin.post(acme_users, {{"email", "nokey@example.com"}}), 400).find("Idempotency-Key") !=
              std::string::npos);
    }

    SUBCASE("a second pending invitation for the address and tenant is a 409 that says so") {
        api_test::json_of(admin.invite("acme-prod", {{"email", "twice@example.com"}}), 201);
        CHECK(api_test::problem_of(admin.invite("acme-prod", {{"email", "TWICE@example.com"}}), 409) ==
              "twice@example.com already has a pending invitation to acme-prod.");
        CHECK(api_test::problem_of(admin.invite("acme-prod", {{"email", "new.hire@acme.example"}}), 409) ==
              "new.hire@acme.example already has a pending invitation to acme-prod.");
    }

    SUBCASE("an active support user is a 409 too; an expired invitation may be sent again") {
        CHECK(api_test::problem_of(admin.invite("acme-prod", {{"email", "sam.taylor@acme.example"}}), 409) ==
              "sam.taylor@acme.example is already a support user of acme-prod.");
        api_test::run_sql(service.database_path(), "UPDATE invitations SET expires_at = created_at - 1");
        api_test::json_of(admin.invite("acme-prod", {{"email", "new.hire@acme.example"}}), 201);
    }

    SUBCASE("a bad address is a 400 naming the field with how to fix it") {
        for (const char* address : {"", "no-at-sign", "sam@", "sam@localhost", "two@@example.com", "sp ace@example.com"}) {
            CAPTURE(address);
            httplib::Result result = admin.invite("acme-prod", {{"email", address}});
            api_test::problem_of(result, 400);
            json problem = api_test::parse_json(result->body);
            REQUIRE(problem["errors"]["email"].is_string());
            CHECK(problem["errors"]["email"].get<std::string>().back() == '.');
        }
        httplib::Result missing = admin.invite("acme-prod", json::object());
        api_test::problem_of(missing, 400);
        CHECK(api_test::parse_json(missing->body)["errors"].contains("email"));
        httplib::Result wrong_list = admin.invite("acme-prod", {{"email", "ok@example.com"}, {"tenants", {"globex-dev-typo"}}});
        api_test::problem_of(wrong_list, 400);
        CHECK(api_test::parse_json(wrong_list->body)["errors"]["tenants"].get<std::string>().find("acme-prod") != std::string::npos);
    }
}

TEST_CASE("the invitation link, end to end: mailbox, accept, signed in, revoked, used up") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");
    const std::string email = "new.person@example.com";
    json created = api_test::json_of(admin.invite("acme-prod", {{"email", email}, {"tenants", {"acme-prod"}}}), 201);
    const int64_t user_id = created["user"]["id"].get<int64_t>();

    json mail = api_test::newest_mail_to(service, email);
    const std::string link = mail["link"].get<std::string>();
    CHECK(link.starts_with("http://127.0.0.1:" + std::to_string(service.port()) + "/#/invitation/"));
    CHECK(mail["body"].get<std::string>().find(link) != std::string::npos);
    CHECK(mail["subject"].get<std::string>().find("Acme (production)") != std::string::npos);
    CHECK(mail["sent_at"].is_string());
    const std::string token = api_test::token_of_link(link);
    CHECK(token.size() == 43);
    CHECK(api_test::query_number(service.database_path(),
                                 "SELECT COUNT(*) FROM invitations WHERE token_digest = '" + token + "'") == 0);   // stored hashed
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM outbox WHERE link LIKE '%" + token + "%'") == 0);

    httplib::Client client = service.client();
    json invitation = api_test::json_of(client.Get("/api/v1/invitations/" + token), 200);
    CHECK(invitation["email"] == email);
    CHECK(invitation["tenants"] ==
          json::array({{{"tenant", "acme-prod"}, {"tenant_name", "Acme (production)"}, {"role", "support_only"}}}));
    CHECK(invitation["invited_by"] == json{{"email", "admin@acme.example"}, {"name", "Amara Okafor"}});
    CHECK(invitation["expires_at"] == created["invitation"]["expires_at"]);

    const std::string accept = "/api/v1/invitations/" + token + "/accept";
    SUBCASE("a short password and an empty name are named") {
        httplib::Result result = client.Post(accept, json{{"name", " "}, {"password", "short"}}.dump(), "application/json");
        api_test::problem_of(result, 400);
        json errors = api_test::parse_json(result->body)["errors"];
        CHECK(errors["password"].get<std::string>().find("at least 12 characters") != std::string::npos);
        CHECK(errors["name"].is_string());
        api_test::json_of(client.Get("/api/v1/invitations/" + token), 200);   // still usable
    }

    httplib::Result accepted = client.Post(accept, json{{"name", "New Person"}, {"password", "a long enough passphrase"}}.dump(),
                                           "application/json");
    SignedInClient invitee(service, accepted);
    CHECK(invitee.session()["user"]["email"] == email);
    CHECK(invitee.session()["user"]["name"] == "New Person");
    CHECK(invitee.session()["memberships"] ==
          json::array({{{"tenant", "acme-prod"}, {"tenant_name", "Acme (production)"}, {"role", "support_only"},
                        {"plan", "enterprise"}, {"trial_ends_at", nullptr}, {"region", "eu"}}}));
    CHECK(accepted->get_header_value("Set-Cookie").find("HttpOnly") != std::string::npos);

    // As a support-only user: acme's tickets only, and no user management.
    json tickets = api_test::json_of(invitee.get("/api/v1/tickets?limit=500"), 200);
    REQUIRE(!tickets["items"].empty());
    for (const json& ticket : tickets["items"]) CHECK(ticket["tenant"] == "acme-prod");
    api_test::problem_of(invitee.get(acme_users), 403);

    // The admin sees them active, with a first sign-in.
    json details = api_test::json_of(admin.get(acme_users + "/" + std::to_string(user_id)), 200);
    CHECK(details["status"] == "active");
    CHECK(details["name"] == "New Person");
    CHECK(details["last_sign_in_at"].is_string());
    CHECK(details["tenants"] == json::array({{{"tenant", "acme-prod"}, {"tenant_name", "Acme (production)"}, {"status", "active"},
                                              {"role", "support_only"}}}));
    CHECK(details["open_tickets"] == 0);

    // The request log names the invitation endpoints without their key.
    CHECK(service.process().wait_for_stderr("GET /api/v1/invitations/[token] 200", std::chrono::seconds(2)));
    CHECK(service.process().wait_for_stderr("POST /api/v1/invitations/[token]/accept 200", std::chrono::seconds(2)));
    CHECK(service.process().stderr_text().find(token) == std::string::npos);

    SUBCASE("the link works once") {
        CHECK(api_test::problem_of(client.Get("/api/v1/invitations/" + token), 410).find("used") != std::string::npos);
        api_test::problem_of(client.Post(accept, json{{"name", "Mallory"}, {"password", "another long passphrase"}}.dump(),
                                         "application/json"),
                             410);
        // The password chosen is the one that works.
        SignedInClient again(service, email, "a long enough passphrase");
        api_test::problem_of(api_test::sign_in(service, email, "another long passphrase"), 401);
    }

    SUBCASE("revoked: the next request is 401, signing in is refused, the link stays used") {
        json revoked = api_test::json_of(admin.post(acme_users + "/" + std::to_string(user_id) + "/revoke", json::object()), 200);
        CHECK(revoked["status"] == "revoked");
        CHECK(revoked["tenants"][0]["status"] == "revoked");
        CHECK(api_test::problem_of(invitee.get("/api/v1/tickets"), 401) == "Sign in to continue.");
        api_test::problem_of(api_test::sign_in(service, email, "a long enough passphrase"), 403);
        api_test::problem_of(client.Get("/api/v1/invitations/" + token), 410);
        // Their tickets would stay; revoking again changes nothing.
        api_test::json_of(admin.post(acme_users + "/" + std::to_string(user_id) + "/revoke", json::object()), 200);

        SUBCASE("and may be invited again") {
            json again = api_test::json_of(admin.invite("acme-prod", {{"email", email}}), 201);
            CHECK(again["user"]["status"] == "invited");
            CHECK(again["user"]["id"] == user_id);
        }
    }

    SUBCASE("an expired link is 410") {
        api_test::json_of(admin.invite("acme-prod", {{"email", "late@example.com"}}), 201);
        std::string late = api_test::token_of_link(api_test::newest_mail_to(service, "late@example.com")["link"]);
        api_test::run_sql(service.database_path(), "UPDATE invitations SET expires_at = strftime('%s', 'now') - 1");
        CHECK(api_test::problem_of(client.Get("/api/v1/invitations/" + late), 410).find("expired") != std::string::npos);
    }
}

TEST_CASE("revoking one tenant leaves a user's other tenants working") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient alex(service, "alex.kim@partner.example");
    CHECK(alex.session()["memberships"].size() == 2);
    SignedInClient acme_admin(service, "admin@acme.example");
    int64_t id = id_of(acme_admin, "acme-prod", "alex.kim@partner.example");
    api_test::json_of(acme_admin.post(acme_users + "/" + std::to_string(id) + "/revoke", json::object()), 200);

    json session = api_test::json_of(alex.get("/api/v1/session"), 200);
    CHECK(session["memberships"] == json::array({{{"tenant", "globex-dev"}, {"tenant_name", "Globex (development)"},
                                                  {"role", "support_only"}, {"plan", "standard"},
                                                  {"trial_ends_at", nullptr}, {"region", "americas"}}}));
    json tickets = api_test::json_of(alex.get("/api/v1/tickets?limit=500"), 200);
    CHECK(!tickets["items"].empty());
    for (const json& ticket : tickets["items"]) CHECK(ticket["tenant"] == "globex-dev");
    api_test::problem_of(alex.get("/api/v1/tickets?tenant=acme-prod"), 404);
}

TEST_CASE("the audit log has every invite, accept, reinvite and revoke, newest first") {
    ServiceProcess service(api_test::demo_service());
    SignedInClient admin(service, "admin@acme.example");
    const std::string email = "audited@example.com";
    json created = api_test::json_of(admin.invite("acme-prod", {{"email", email}}), 201);
    std::string token = api_test::token_of_link(api_test::newest_mail_to(service, email)["link"]);
    httplib::Client client = service.client();
    api_test::json_of(client.Post("/api/v1/invitations/" + token + "/accept",
                                  json{{"name", "Audited Person"}, {"password", "twelve chars ok"}}.dump(), "application/json"),
                      200);
    std::string user = acme_users + "/" + created["user"]["id"].dump();
    api_test::json_of(admin.post(user + "/revoke", json::object()), 200);
    api_test::json_of(admin.invite("acme-prod", {{"email", email}}), 201);

    json audit = api_test::json_of(admin.get("/api/v1/tenants/acme-prod/audit?limit=4"), 200);
    REQUIRE(audit["items"].size() == 4);
    const std::vector<std::string> actions = {"reinvite", "revoke", "accept", "invite"};
    for (size_t i = 0; i < 4; i++) {
        const json& entry = audit["items"][i];
        CAPTURE(entry.dump());
        CHECK(entry["action"] == actions[i]);
        CHECK(entry["target"] == json{{"email", email}});
        CHECK(entry["address"] == "127.0.0.1");
        CHECK(entry["at"].is_string());
        CHECK(entry["actor"]["email"] == (actions[i] == "accept" ? email : "admin@acme.example"));
    }
    CHECK(audit["items"][2]["actor"]["name"] == "Audited Person");

    SUBCASE("pages follow next_cursor to the demo's own history") {
        std::vector<json> all;
        std::string path = "/api/v1/tenants/acme-prod/audit?limit=3";
        for (int pages = 0; pages < 100; pages++) {
            json page = api_test::json_of(admin.get(path), 200);
            for (const json& item : page["items"]) all.push_back(item);
            if (page["next_cursor"].is_null()) break;
            path = "/api/v1/tenants/acme-prod/audit?limit=3&cursor=" + page["next_cursor"].get<std::string>();
        }
        json everything = api_test::json_of(admin.get("/api/v1/tenants/acme-prod/audit?limit=200"), 200);
        CHECK(json(all) == everything["items"]);
        CHECK(all.size() > 4);
        for (size_t i = 1; i < all.size(); i++) CHECK(all[i - 1]["at"].get<std::string>() >= all[i]["at"].get<std::string>());
    }
    SUBCASE("globex's log does not have acme's entries") {
        SignedInClient globex(service, "admin@globex.example");
        json log = api_test::json_of(globex.get("/api/v1/tenants/globex-dev/audit?limit=200"), 200);
        CHECK(!log["items"].empty());
        for (const json& entry : log["items"])
            CHECK(entry["target"]["email"] != email);
    }
    SUBCASE("bad parameters are named") {
        CHECK(api_test::problem_of(admin.get("/api/v1/tenants/acme-prod/audit?limit=0"), 400).find("limit") != std::string::npos);
        CHECK(api_test::problem_of(admin.get("/api/v1/tenants/acme-prod/audit?cursor=xyz"), 400).find("cursor") != std::string::npos);
    }
}
