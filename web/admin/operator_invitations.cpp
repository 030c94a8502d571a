#include "web/admin/operator_invitations.hpp"

#include "web/accounts/api_token_store.hpp"
#include "web/admin/operators.hpp"
#include "core/checks/email_address.hpp"
#include "web/accounts/audit_log.hpp"
#include "web/accounts/session_store.hpp"
#include "web/accounts/support_user_invitation.hpp"
#include "web/mail/invitation_mail.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

OperatorOutcome refused(OperatorProblem problem) {
    OperatorOutcome outcome;
    outcome.problem = std::move(problem);
    return outcome;
}

}  // namespace

OperatorOutcome operator_invite(sqlite3* connection, const OperatorInvite& invite) {
    const std::string email = core::normalize_email_address(invite.email);
    if (std::string problem = core::email_address_problem(email); !problem.empty()) return refused(bad_input("email", problem));

    Transaction transaction(connection);
    AccountStore accounts(connection);
    OperatorOutcome outcome;
    InviteRequest request;
    request.email = email;
    request.address = invite.address;
    request.now = invite.now;
    request.public_url = invite.public_url;
    request.product_name = invite.product_name;
    if (invite.tenant) {
        std::optional<TenantRecord> tenant = accounts.tenant(*invite.tenant);
        if (!tenant) return refused({OperatorRefusal::NotFound, "", "There is no tenant " + *invite.tenant + "."});
        request.tenants = {*tenant};
        request.role = core::Role::Admin;
    } else {
        request.tenants = accounts.tenants();
        if (request.tenants.empty())
            return refused({OperatorRefusal::Conflict, "", "There are no tenants yet for an engineer to support; add one first."});
        request.role = core::Role::SupportEngineer;
    }
    const InviteOutcome invited = invite_support_user(connection, request);
    if (!invited.conflict.empty()) return refused({OperatorRefusal::Conflict, "", invited.conflict + " Nothing was changed."});
    transaction.commit();
    outcome.link = invitation_link(invite.public_url, invited.token);
    outcome.expires_at = invited.expires_at;
    for (const TenantRecord& tenant : request.tenants) outcome.tenants.push_back(tenant.slug);
    return outcome;
}

std::vector<EngineerRow> support_engineers(sqlite3* connection) {
    // Active beats invited beats revoked: the word that says what they can do now.
    Statement query(connection,
                    "SELECT u.email, u.name,"
                    " CASE MAX(CASE m.status WHEN 'active' THEN 3 WHEN 'invited' THEN 2 ELSE 1 END)"
                    "   WHEN 3 THEN 'active' WHEN 2 THEN 'invited' ELSE 'revoked' END,"
                    " SUM(m.status = 'active')"
                    " FROM users u JOIN memberships m ON m.user_id = u.id"
                    " WHERE m.role = 'support_engineer' GROUP BY u.id ORDER BY u.email");
    std::vector<EngineerRow> rows;
    while (query.step())
        rows.push_back(EngineerRow{query.text(0), query.optional_text(1), query.text(2), int(query.integer(3))});
    return rows;
}

OperatorOutcome operator_revoke(sqlite3* connection, const std::string& typed, core::Instant now, const std::string& address) {
    const std::string email = core::normalize_email_address(typed);
    if (std::string problem = core::email_address_problem(email); !problem.empty()) return refused(bad_input("email", problem));

    Transaction transaction(connection);
    AccountStore accounts(connection);
    OperatorOutcome outcome;
    std::optional<UserRecord> user = accounts.user_by_email(email);
    if (!user) return refused({OperatorRefusal::NotFound, "", email + " has no account here; nothing was changed."});
    for (const MembershipRecord& membership : accounts.memberships_of(user->id)) {
        if (membership.status == core::MembershipStatus::Revoked) continue;   // twice changes and logs nothing more
        accounts.set_status(membership.id, core::MembershipStatus::Revoked, now);
        write_audit(connection, AuditEvent{now, membership.tenant.id, std::nullopt, "revoke", user->id, address});
        outcome.tenants.push_back(membership.tenant.slug);
    }
    SessionStore(connection).close_all_of(user->id);
    ApiTokenStore(connection).revoke_all_of(user->id);
    outcome.was_operator = end_operator(connection, user->id);
    transaction.commit();
    return outcome;
}

}  // namespace web
