// The operator API (/api/v1/admin) against a service without --demo: an
// operator made from the command line scripts a vendor's first day (a
// tenant, its admin, a plan change, an engineer, a revocation) with its API
// token, each answer what `./portal admin` would say; nobody else gets in.
#include "service_process.hpp"
#include "signed_in_client.hpp"
#include "ticket_drafts.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

// A billing system's client: the operator's token, nothing else.
class OperatorClient {
public:
    OperatorClient(const ServiceProcess& service, std::string token) : service_(service), token_(std::move(token)) {}

    httplib::Result get(const std::string& path) { return service_.client().Get(path, headers()); }
    httplib::Result post(const std::string& path, const json& body) {
        return service_.client().Post(path, headers(), body.dump(), "application/json");
    }
    httplib::Result patch(const std::string& path, const json& body) {
        return service_.client().Patch(path, headers(), body.dump(), "application/json");
    }

private:
    httplib::Headers headers() const { return {{"Authorization", "Bearer " + token_}}; }

    const ServiceProcess& service_;
    std::string token_;
};

json field_errors(const httplib::Result& result) {
    REQUIRE(result);
    CHECK(result->status == 422);
    return api_test::parse_json(result->body)["errors"];
}

}  // namespace

TEST_CASE("an operator scripts a vendor's first day through /api/v1/admin with its token") {
    ServiceProcess service;
    api_test::FinishedRun made = api_test::run_admin(service, {"operator", "invite", "Billing@Vendor.example"});
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.out.find("billing@vendor.example is an operator (a new account, of no tenant)") != std::string::npos);
    OperatorClient billing(service, api_test::printed_api_token(made.out));
    CHECK(api_test::run_admin(service, {"operator", "list"}).out.find("billing@vendor.example") != std::string::npos);

    CHECK(api_test::json_of(billing.get("/api/v1/admin/tenants"), 200) == json{{"tenants", json::array()}});
    const json added = api_test::json_of(
        billing.post("/api/v1/admin/tenants", {{"slug", "globex"}, {"name", "  Globex Corporation "}, {"plan", "standard"}, {"region", "eu"}}),
        201);
    CHECK(added["slug"] == "globex");
    CHECK(added["name"] == "Globex Corporation");
    CHECK(added["plan"] == "standard");
    CHECK(added["region"] == "eu");
    CHECK(api_test::run_admin(service, {"tenant", "list"}).out.find("globex") != std::string::npos);   // one store for both

    // Bad input names its field and changes nothing.
    CHECK(field_errors(billing.post("/api/v1/admin/tenants", {{"slug", "Globex!"}, {"name", "G"}, {"plan", "standard"}, {"region", "eu"}})).contains("slug"));
    CHECK(field_errors(billing.post("/api/v1/admin/tenants", {{"slug", "globex-two"}, {"name", "G"}, {"plan", "gold"}, {"region", "eu"}}))["plan"] ==
          "Choose a plan of the support program: none, trial, standard, enterprise, preferred.");
    CHECK(field_errors(billing.post("/api/v1/admin/tenants", {{"slug", "globex-two"}, {"name", "G"}, {"plan", "standard"}, {"region", "mars"}})).contains("region"));
    CHECK(field_errors(billing.post("/api/v1/admin/tenants", {{"slug", "globex-two"}, {"name", "G"}, {"plan", "standard"}, {"region", "eu"},
                                                              {"trial_started", "2026-01-01"}})).contains("trial_started"));
    CHECK(field_errors(billing.post("/api/v1/admin/tenants", {{"slug", "globex-two"}, {"name", 3}, {"plan", "standard"}, {"region", "eu"}})).contains("name"));
    CHECK(api_test::problem_of(billing.post("/api/v1/admin/tenants", {{"slug", "globex"}, {"name", "G"}, {"plan", "standard"}, {"region", "eu"}}), 409)
              .find("exists already") != std::string::npos);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM tenants") == 1);

    // Its first admin: the link comes back to hand over, and works.
    const json invited = api_test::json_of(billing.post("/api/v1/admin/tenants/globex/admins", {{"email", "Dana@Globex.example"}}), 201);
    CHECK(invited["email"] == "dana@globex.example");
    CHECK(invited["role"] == "admin");
    CHECK(invited["tenants"] == json::array({"globex"}));
    REQUIRE(api_test::accept_invitation(service, invited["link"], "Dana Scully")->status == 200);
    SignedInClient dana(service, "dana@globex.example", "a long enough passphrase");
    CHECK(dana.session()["memberships"][0]["role"] == "admin");
    const json audit = api_test::json_of(dana.get("/api/v1/tenants/globex/audit"), 200);
    CHECK(audit["items"].back()["actor"].is_null());            // the vendor's operator
    CHECK(audit["items"].back()["address"] == "127.0.0.1");     // from the API, not the command line
    api_test::problem_of(billing.post("/api/v1/admin/tenants/globex/admins", {{"email", "dana@globex.example"}}), 409);
    api_test::problem_of(billing.post("/api/v1/admin/tenants/initech/admins", {{"email", "ines@initech.example"}}), 404);

    // A change of plan: the next ticket gets the new targets.
    CHECK(api_test::json_of(dana.post_once("/api/v1/tickets", api_test::onboarding_draft("globex")), 201)["sla"]["target_minutes"] == 240);
    CHECK(api_test::json_of(billing.patch("/api/v1/admin/tenants/globex", {{"plan", "enterprise"}}), 200)["plan"] == "enterprise");
    CHECK(api_test::json_of(dana.post_once("/api/v1/tickets", api_test::onboarding_draft("globex")), 201)["sla"]["target_minutes"] == 120);
    api_test::problem_of(billing.patch("/api/v1/admin/tenants/nobody", {{"plan", "enterprise"}}), 404);
    CHECK(field_errors(billing.patch("/api/v1/admin/tenants/globex", {{"plan", "gold"}})).contains("plan"));

    // An engineer, of every tenant; then revoked from the API.
    const json engineer = api_test::json_of(billing.post("/api/v1/admin/engineers", {{"email", "priya@vendor.example"}}), 201);
    CHECK(engineer["role"] == "support_engineer");
    REQUIRE(api_test::accept_invitation(service, engineer["link"], "Priya Raman")->status == 200);
    const json engineers = api_test::json_of(billing.get("/api/v1/admin/engineers"), 200);
    CHECK(engineers["engineers"] == json::array({{{"email", "priya@vendor.example"}, {"name", "Priya Raman"}, {"status", "active"}, {"tenants", 1}}}));
    SignedInClient priya(service, "priya@vendor.example", "a long enough passphrase");
    const json revoked = api_test::json_of(billing.post("/api/v1/admin/revocations", {{"email", "priya@vendor.example"}}), 200);
    CHECK(revoked == json{{"email", "priya@vendor.example"}, {"revoked_in", {"globex"}}, {"was_operator", false}});
    CHECK(priya.get("/api/v1/session")->status == 401);
    api_test::problem_of(billing.post("/api/v1/admin/revocations", {{"email", "ghost@vendor.example"}}), 404);

    // The operator sees no tenant's tickets: it is no member.
    CHECK(api_test::json_of(billing.get("/api/v1/tickets"), 200)["items"].empty());
}

TEST_CASE("nobody but an operator gets into /api/v1/admin, and a revoked operator's token stops") {
    ServiceProcess service(api_test::demo_service());
    const std::string operator_token = api_test::printed_api_token(api_test::run_admin(service, {"operator", "invite", "ops@vendor.example"}).out);
    const std::string engineer_token = api_test::printed_api_token(api_test::run_admin(service, {"engineer", "token", "engineer@vendor.example"}).out);
    const json tenant = {{"slug", "umbrella"}, {"name", "Umbrella"}, {"plan", "standard"}, {"region", "eu"}};

    // No token: 401, and a browser session does not count, even an admin's with its CSRF token.
    httplib::Result bare = service.client().Get("/api/v1/admin/tenants");
    api_test::problem_of(bare, 401);
    CHECK(bare->get_header_value("WWW-Authenticate") == "Bearer");
    SignedInClient admin_session(service, "admin@acme.example");
    api_test::problem_of(admin_session.post("/api/v1/admin/tenants", tenant), 401);
    // An engineer's token is no operator's.
    api_test::problem_of(OperatorClient(service, engineer_token).post("/api/v1/admin/tenants", tenant), 403);
    api_test::problem_of(OperatorClient(service, "spt_" + std::string(43, 'A')).get("/api/v1/admin/tenants"), 401);
    // A token from another site's page is refused like any state change.
    httplib::Result foreign = service.client().Post("/api/v1/admin/tenants",
                                                    {{"Authorization", "Bearer " + operator_token}, {"Origin", "https://evil.example"}},
                                                    tenant.dump(), "application/json");
    api_test::problem_of(foreign, 403);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM tenants WHERE slug = 'umbrella'") == 0);

    OperatorClient ops(service, operator_token);
    api_test::problem_of(ops.post("/api/v1/admin/revocations", {{"email", "ops@vendor.example"}}), 409);   // not itself
    api_test::FinishedRun revoked = api_test::run_admin(service, {"revoke", "ops@vendor.example"});
    CHECK(revoked.exit_code == 0);
    CHECK(revoked.out.find("ops@vendor.example is no longer an operator") != std::string::npos);
    api_test::problem_of(ops.get("/api/v1/admin/tenants"), 401);
    CHECK(api_test::run_admin(service, {"operator", "list"}).err.find("no operators yet") != std::string::npos);
    // Bad arguments on the command line.
    api_test::FinishedRun bad = api_test::run_admin(service, {"operator", "invite", "not an address"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("not an address: ") != std::string::npos);
    CHECK(api_test::run_admin(service, {"operator", "fire"}).exit_code == 2);
}
