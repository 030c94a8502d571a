#include "core/model/company_sign_in.hpp"

namespace core {

std::string_view to_string(CompanySignInRefusal refusal) {
    switch (refusal) {
        case CompanySignInRefusal::NotStarted: return "not-started";
        case CompanySignInRefusal::ProviderRefused: return "provider-refused";
        case CompanySignInRefusal::CodeRefused: return "code-refused";
        case CompanySignInRefusal::ProviderUnreachable: return "provider-unreachable";
        case CompanySignInRefusal::BadSignature: return "bad-signature";
        case CompanySignInRefusal::WrongIssuer: return "wrong-issuer";
        case CompanySignInRefusal::WrongAudience: return "wrong-audience";
        case CompanySignInRefusal::TokenExpired: return "token-expired";
        case CompanySignInRefusal::WrongNonce: return "wrong-nonce";
        case CompanySignInRefusal::EmailUnverified: return "email-unverified";
        case CompanySignInRefusal::DomainNotAllowed: return "domain-not-allowed";
        case CompanySignInRefusal::AccessEnded: return "access-ended";
        case CompanySignInRefusal::NoAccount: return "no-account";
    }
    return "not-started";
}

std::optional<CompanySignInRefusal> parse_company_sign_in_refusal(std::string_view word) {
    for (CompanySignInRefusal refusal : company_sign_in_refusals)
        if (to_string(refusal) == word) return refusal;
    return std::nullopt;
}

std::string_view refusal_message(CompanySignInRefusal refusal) {
    switch (refusal) {
        case CompanySignInRefusal::NotStarted:
            return "That sign-in with your company account was not started in this browser, was used already, or took "
                   "longer than 10 minutes. Start it again.";
        case CompanySignInRefusal::ProviderRefused:
            return "Your company's identity provider did not sign you in. Try again, or ask your IT team whether you "
                   "may use this portal.";
        case CompanySignInRefusal::CodeRefused:
            return "Your company's identity provider would not finish this sign-in: its one-time code was used already "
                   "or has expired. Start it again.";
        case CompanySignInRefusal::ProviderUnreachable:
            return "The portal could not reach your company's identity provider. Try again in a minute; if it keeps "
                   "failing, tell your IT team.";
        case CompanySignInRefusal::BadSignature:
            return "Your company's identity provider sent a sign-in whose signature does not match the keys it "
                   "publishes, so nobody was signed in. Tell your IT team.";
        case CompanySignInRefusal::WrongIssuer:
            return "The sign-in came from another issuer than the identity provider set up for your company, so "
                   "nobody was signed in. Tell your IT team.";
        case CompanySignInRefusal::WrongAudience:
            return "Your company's identity provider sent a sign-in meant for another application, not this portal, "
                   "so nobody was signed in. Tell your IT team.";
        case CompanySignInRefusal::TokenExpired:
            return "Your company's identity provider sent a sign-in that had expired already. Start it again; if it "
                   "keeps happening, a clock may be wrong: tell your IT team.";
        case CompanySignInRefusal::WrongNonce:
            return "The sign-in that came back belongs to another attempt than the one this browser started. Start it "
                   "again.";
        case CompanySignInRefusal::EmailUnverified:
            return "Your company's identity provider has not verified your e-mail address, so the portal cannot tell "
                   "who you are. Ask your IT team.";
        case CompanySignInRefusal::DomainNotAllowed:
            return "Your company account's e-mail address is not in a domain your company allows for this portal. "
                   "Ask an admin of your organisation to invite that address.";
        case CompanySignInRefusal::AccessEnded:
            return "Your access to this tenant has ended. Ask an admin of your organisation to invite you again.";
        case CompanySignInRefusal::NoAccount:
            return "Your company account is not one of this portal's support engineers. Ask the portal's operator to "
                   "invite you first.";
    }
    return "";
}

}  // namespace core
