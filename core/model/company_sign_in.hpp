// Signing in with one's company account (OpenID Connect at the tenant's
// identity provider): why the service refused one, in the words both sides
// share. The service ends a refused sign-in by sending the browser to
// `#/sign-in/company/<word>`; the portal says the sentence below. Every
// word is a different thing for the person to do, so none is "error".
#pragma once

#include <optional>
#include <string_view>

namespace core {

enum class CompanySignInRefusal {
    NotStarted,           // no sign-in of this browser waits for this answer (state), or it was used or took too long
    ProviderRefused,      // the identity provider answered with an error instead of a code
    CodeRefused,          // the provider would not exchange the code (replayed, expired, PKCE)
    ProviderUnreachable,  // discovery, keys or the token endpoint did not answer usably
    BadSignature,         // not signed by a key the provider publishes, or with an algorithm we do not accept
    WrongIssuer,
    WrongAudience,
    TokenExpired,
    WrongNonce,           // the token answers another sign-in than the one this browser started
    EmailUnverified,
    DomainNotAllowed,     // the verified address is outside the domains the tenant allows
    AccessEnded,          // the person's membership of the tenant was revoked
    NoAccount,            // the vendor's provider signed in an address that is none of its support engineers
};

inline constexpr CompanySignInRefusal company_sign_in_refusals[] = {
    CompanySignInRefusal::NotStarted,     CompanySignInRefusal::ProviderRefused,  CompanySignInRefusal::CodeRefused,
    CompanySignInRefusal::ProviderUnreachable, CompanySignInRefusal::BadSignature, CompanySignInRefusal::WrongIssuer,
    CompanySignInRefusal::WrongAudience,  CompanySignInRefusal::TokenExpired,     CompanySignInRefusal::WrongNonce,
    CompanySignInRefusal::EmailUnverified, CompanySignInRefusal::DomainNotAllowed, CompanySignInRefusal::AccessEnded,
    CompanySignInRefusal::NoAccount,
};

// "not-started", "provider-refused", ...: the last part of the hash.
std::string_view to_string(CompanySignInRefusal refusal);
std::optional<CompanySignInRefusal> parse_company_sign_in_refusal(std::string_view word);

// What the sign-in screen says: what happened and what to do next.
std::string_view refusal_message(CompanySignInRefusal refusal);

}  // namespace core
