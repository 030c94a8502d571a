#include "web/accounts/support_user_invitation.hpp"

#include "web/accounts/audit_log.hpp"
#include "web/mail/invitation_mail.hpp"
#include "web/accounts/invitation_store.hpp"
#include "web/mail/outbox.hpp"
#include "web/accounts/secret_token.hpp"

namespace web {

InviteOutcome invite_support_user(sqlite3* connection, const InviteRequest& request) {
    AccountStore accounts(connection);
    InvitationStore invitations(connection);
    InviteOutcome outcome;

    std::optional<UserRecord> user = accounts.user_by_email(request.email);
    // Checked for every tenant before anything changes: all or nothing.
    std::vector<std::optional<MembershipRecord>> memberships;
    for (const TenantRecord& tenant : request.tenants) {
        std::optional<MembershipRecord> membership;
        if (user) membership = accounts.membership(user->id, tenant.id);
        if (membership && membership->status == core::MembershipStatus::Active) {
            outcome.conflict = request.email + " is already " + std::string(core::role_text(membership->role)) + " of " + tenant.slug + ".";
            return outcome;
        }
        if (membership && membership->status == core::MembershipStatus::Invited && invitations.pending(user->id, tenant.id, request.now)) {
            outcome.conflict = request.email + " already has a pending invitation to " + tenant.slug + ".";
            return outcome;
        }
        memberships.push_back(membership);
    }

    outcome.user_id = user ? user->id : accounts.add_user(request.email, std::nullopt, std::nullopt, request.now);
    for (size_t i = 0; i < request.tenants.size(); i++) {
        const TenantRecord& tenant = request.tenants[i];
        // A revoked member, or one whose invitation expired unused, is invited again.
        const bool again = memberships[i].has_value();
        if (again)
            accounts.reinvite(memberships[i]->id, request.role, request.inviter_id, request.now);
        else
            accounts.add_membership(outcome.user_id, tenant.id, request.role, core::MembershipStatus::Invited,
                                    request.inviter_id, request.now);
        write_audit(connection, AuditEvent{request.now, tenant.id, request.inviter_id, again ? "reinvite" : "invite",
                                           outcome.user_id, request.address});
    }

    outcome.token = new_secret_token();
    outcome.invitation_id = invitations.add(outcome.token, outcome.user_id, request.inviter_id, request.now, request.tenants);
    outcome.expires_at = request.now + invitation_lifetime;

    InvitationMailFacts facts;
    facts.product_name = request.product_name;
    facts.public_url = request.public_url;
    facts.token = outcome.token;
    facts.invitee_email = request.email;
    facts.inviter_email = request.inviter_email;
    facts.inviter_name = request.inviter_name;
    facts.role = request.role;
    facts.tenants = request.tenants;
    facts.expires_at = outcome.expires_at;
    facts.existing_account = user && user->password_hash;
    Outbox(connection).add(invitation_mail(facts), request.now);
    return outcome;
}

}  // namespace web
