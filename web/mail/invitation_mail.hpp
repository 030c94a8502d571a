// The invitation e-mail: who invited whom to which tenants, and the link
// (`{public URL}/#/invitation/{token}`) that opens the portal's form to
// choose a name and password, or, for an address that has an account
// already, to accept with that account's password.
#pragma once

#include "web/accounts/account_store.hpp"
#include "web/mail/outbox.hpp"

#include <optional>
#include <string>
#include <vector>

namespace web {

struct InvitationMailFacts {
    std::string product_name;                 // from the support program: "Support Portal"
    std::string public_url;                   // "http://127.0.0.1:8080", no trailing slash
    std::string token;
    std::string invitee_email;
    std::string inviter_email;                // empty: the vendor's operator
    std::optional<std::string> inviter_name;
    core::Role role = core::Role::SupportOnly;
    std::vector<TenantRecord> tenants;
    core::Instant expires_at{};
    bool existing_account = false;            // the invitee signs in with their password to accept
};

std::string invitation_link(const std::string& public_url, const std::string& token);

MailMessage invitation_mail(const InvitationMailFacts& facts);

}  // namespace web
