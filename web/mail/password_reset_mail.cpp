#include "web/mail/password_reset_mail.hpp"

#include "web/http/public_address.hpp"
#include "web/store/unix_time.hpp"

namespace web {

std::string password_reset_link(const std::string& public_url, const std::string& token) {
    return portal_page(public_url, "#/reset-password/" + token);
}

MailMessage password_reset_mail(const PasswordResetMailFacts& facts) {
    MailMessage mail;
    mail.to = facts.email;
    mail.link = password_reset_link(facts.public_url, facts.token);
    mail.subject = "Choose a new password for " + facts.product_name;
    mail.body = "Hello,\n"
                "\n"
                "Someone, from the address " + facts.requested_from + ", asked to choose a new password for your account " +
                facts.email + " on " + facts.product_name + ". If that was you, choose it here:\n"
                "\n" +
                mail.link + "\n"
                "\n"
                "The link works once and until " + utc_text(facts.expires_at) + " (UTC). Choosing a new password signs "
                "you out everywhere else.\n"
                "If you did not ask for this, ignore this message: your password stays as it is.\n";
    return mail;
}

}  // namespace web
