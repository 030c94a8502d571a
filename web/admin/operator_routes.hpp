// The operator API (web/openapi.yaml, "Operator"): what `./portal admin`
// does, for the vendor's billing or CRM to script, with an operator's API
// token (Access::Operator). Each is the same function the command line runs.
//   GET   /api/v1/admin/tenants                      every tenant
//   POST  /api/v1/admin/tenants  {slug, name, plan, region, trial_started?}
//   PATCH /api/v1/admin/tenants/{tenant}  {plan}     open tickets keep their targets
//   POST  /api/v1/admin/tenants/{tenant}/admins  {email}   invite its admin
//   GET   /api/v1/admin/engineers                    the vendor's support engineers
//   POST  /api/v1/admin/engineers  {email}           invite one, of every tenant
//   POST  /api/v1/admin/revocations  {email}         every membership, session and token ends
//   GET   /api/v1/admin/webhooks                     the help desks' webhooks, what waits, the last answer
//   POST  /api/v1/admin/webhooks  {url, secret}      every ticket event is POSTed there (docs/webhooks.md)
//   POST  /api/v1/admin/webhooks/removals  {url}     nothing more is sent there
//   GET   /api/v1/admin/webhooks/deliveries?limit=N  the latest deliveries and their last status
//   PUT   /api/v1/admin/tenants/{tenant}/sso  {issuer, client_id, client_secret, domains, password_sign_in?}
//   DELETE /api/v1/admin/tenants/{tenant}/sso       single sign-on (docs/single-sign-on.md)
//   PUT | DELETE /api/v1/admin/sso                  the same for the vendor's own engineers
// A retry needs no Idempotency-Key: adding a tenant or inviting someone again
// is a 409 that names what exists, and a revocation again changes nothing.
// Invitations answer with their link too, as the command line prints it.
#pragma once

#include "web/http/api_router.hpp"
#include "web/http/public_address.hpp"
#include "web/store/database.hpp"

#include "core/program/program.hpp"

namespace web {

class MailDelivery;

class OperatorRoutes {
public:
    // Everything given must outlive the routes.
    OperatorRoutes(Database& database, const PublicAddress& address, MailDelivery& mail, const core::Program& program)
        : database_(database), address_(address), mail_(mail), program_(program) {}

    void add_to(ApiRouter& router);

private:
    void list_tenants(ApiCall& call);
    void add_tenant(ApiCall& call);
    void change_tenant(ApiCall& call);
    void invite(ApiCall& call, bool engineer);
    void list_engineers(ApiCall& call);
    void revoke(ApiCall& call);
    void list_webhooks(ApiCall& call);
    void add_webhook(ApiCall& call);
    void remove_webhook(ApiCall& call);
    void list_deliveries(ApiCall& call);
    void set_sign_in(ApiCall& call, bool vendor);
    void remove_sign_in(ApiCall& call, bool vendor);

    Database& database_;
    const PublicAddress& address_;
    MailDelivery& mail_;
    const core::Program& program_;
};

}  // namespace web
