// The JSON API under /api/v1 (described in web/openapi.yaml):
//   GET  /api/v1/health     is the service up and does its database answer
//   GET  /api/v1/program    the support program document
//   /api/v1/session         sign in, who is signed in, sign out (session_routes)
//   /api/v1/session/second-factor..  an authenticator app's code (second_factor_routes)
//   /api/v1/invitations/..  the invitation link (invitation_routes)
//   /api/v1/password-resets..  "Forgot password?" and its link (password_reset_routes)
//   GET  /api/v1/tenants    the caller's tenants (tenant_routes)
//   /api/v1/tenants/{tenant}/support-users..  user management (support_user_routes)
//   GET  /api/v1/tenants/{tenant}/audit       the audit log (audit_routes)
//   /api/v1/tickets..       tickets with their SLA, filing them (ticket_routes)
//   /api/v1/tickets/{id}/.. comments, solve, confirm, reopen, severity, escalate (ticket_change_routes)
//   /api/v1/tickets/{id}/attachments..  files on tickets (attachment_routes)
//   GET  /api/v1/status     the service status per region, open to anyone (status_routes)
//   /api/v1/admin/..        the operator API, with an operator's API token only (operator_routes)
//   GET  /api/v1/dev/mailbox  with --demo only (dev_mailbox_routes)
// Each request goes through the same gate, in this order: the path must
// exist (404) and take the method (405); a state-changing request must not
// come from another site's page (Origin, 403); everything but health,
// program, status, sign-in, invitations, password resets and the dev mailbox needs a session
// (401); and a state-changing request with a session must carry its CSRF
// token in X-CSRF-Token (403). Instead of a session, a help desk sends a
// support engineer's API token, "Authorization: Bearer spt_..." (no CSRF
// token: a browser never sends one by itself).
#pragma once

#include "web/http/api_router.hpp"
#include "web/accounts/audit_routes.hpp"
#include "web/http/cacheable_content.hpp"
#include "web/store/database.hpp"
#include "web/mail/dev_mailbox_routes.hpp"
#include "web/http/gzip.hpp"
#include "web/accounts/invitation_routes.hpp"
#include "web/accounts/password_reset_routes.hpp"
#include "web/mail/mail_delivery.hpp"
#include "web/status/program_document.hpp"
#include "web/http/public_address.hpp"
#include "web/accounts/session_routes.hpp"
#include "web/status/status_routes.hpp"
#include "web/accounts/support_user_routes.hpp"
#include "web/accounts/tenant_routes.hpp"
#include "web/http/test_fault.hpp"
#include "web/tickets/attachment_routes.hpp"
#include "web/tickets/ticket_change_routes.hpp"
#include "web/admin/operator_routes.hpp"
#include "web/accounts/second_factor_routes.hpp"
#include "web/sso/company_sign_in_routes.hpp"
#include "web/tickets/ticket_events.hpp"
#include "web/tickets/ticket_routes.hpp"
#include "web/webhooks/webhook_delivery.hpp"
#include "web/store/time_zones.hpp"

#include <httplib.h>

#include <optional>

namespace web {

class ApiRoutes {
public:
    // `program`, `zones` and `mail` must outlive the routes. The dev mailbox
    // exists when `dev_mailbox` is true (--demo); `fault` is test-only (--fault).
    ApiRoutes(Database& database, const ProgramDocument& program, GzipCache& gzip_cache, TimeZones& zones, MailDelivery& mail,
              WebhookDelivery& webhooks, bool dev_mailbox, TestFault fault = TestFault::none);

    // Once the listening port is known, before the first request.
    void set_public_address(PublicAddress address) { address_ = std::move(address); }
    const PublicAddress& public_address() const { return address_; }

    void handle(const httplib::Request& request, httplib::Response& response);

    const ApiRouter& router() const { return router_; }

private:
    void health(ApiCall& call);
    // The signed-in caller, or nothing after answering 401.
    std::optional<Caller> signed_in_caller(const httplib::Request& request, httplib::Response& response, core::Instant now);
    // With an Authorization header: the support engineer of its API token
    // (api_token_store), or nothing after answering 401.
    std::optional<Caller> token_caller(const httplib::Request& request, httplib::Response& response, core::Instant now);

    Database& database_;
    CacheableContent program_;
    GzipCache& gzip_cache_;
    PublicAddress address_;
    ApiRouter router_;
    TicketEvents events_;
    TicketRoutes tickets_;
    TicketChangeRoutes ticket_changes_;
    AttachmentRoutes attachments_;
    StatusRoutes status_;
    SessionRoutes sessions_;
    SecondFactorRoutes second_factor_;
    InvitationRoutes invitations_;
    PasswordResetRoutes password_resets_;
    CompanySignInRoutes company_sign_in_;
    TenantRoutes tenants_;
    SupportUserRoutes support_users_;
    OperatorRoutes operators_;
    AuditRoutes audit_;
    DevMailboxRoutes dev_mailbox_;
};

}  // namespace web
