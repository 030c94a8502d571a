#include "web/mail/invitation_mail.hpp"

#include "web/http/public_address.hpp"
#include "web/store/unix_time.hpp"

namespace web {

std::string invitation_link(const std::string& public_url, const std::string& token) {
    return portal_page(public_url, "#/invitation/" + token);
}

MailMessage invitation_mail(const InvitationMailFacts& facts) {
    std::string inviter = facts.inviter_email.empty() ? "The " + facts.product_name + " team"
                          : facts.inviter_name    ? *facts.inviter_name + " (" + facts.inviter_email + ")"
                                                  : facts.inviter_email;
    std::string tenant_names;
    for (size_t i = 0; i < facts.tenants.size(); i++) {
        if (i > 0) tenant_names += i + 1 == facts.tenants.size() ? " and " : ", ";
        tenant_names += facts.tenants[i].name;
    }

    MailMessage mail;
    mail.to = facts.invitee_email;
    mail.link = invitation_link(facts.public_url, facts.token);
    mail.subject = "You are invited to " + tenant_names + " on " + facts.product_name;
    mail.body = "Hello,\n"
                "\n" +
                inviter + " invited you to " + facts.product_name + " as " + std::string(core::role_text(facts.role)) + " of:\n"
                "\n";
    for (const TenantRecord& tenant : facts.tenants) mail.body += "  - " + tenant.name + " (" + tenant.slug + ")\n";
    mail.body += "\n";
    switch (facts.role) {
        case core::Role::SupportOnly:
            mail.body += "You will be able to open tickets, follow and comment on them, and see the service's details.\n";
            break;
        case core::Role::Admin:
            mail.body += "You will be able to open tickets, follow and comment on them, and invite your colleagues.\n";
            break;
        case core::Role::SupportEngineer:
            mail.body += "You will answer these tenants' tickets.\n";
            break;
    }
    mail.body += "\n";
    mail.body += facts.existing_account ? "Accept with the password of your account here:\n" : "Choose your name and password here:\n";
    mail.body += "\n" +
                 mail.link + "\n"
                 "\n"
                 "The link works once and until " + utc_text(facts.expires_at) + " (UTC).\n"
                 "If you did not expect this invitation, ignore this message; nothing happens without the link.\n";
    return mail;
}

}  // namespace web
