// An OpenID Connect ID token, as the service receives it from a tenant's
// identity provider: the compact JWS split into its parts, and the checks of
// its claims that OpenID Connect Core 1.0 section 3.1.3.7 asks of a relying
// party (issuer, audience, authorized party, expiry, issue time, nonce) plus
// ours: a subject and an e-mail address the provider has verified. The
// signature itself is checked by the service with OpenSSL against the
// provider's published keys (web/sso/id_token_signature); nothing here
// trusts the token before that.
#pragma once

#include "core/model/company_sign_in.hpp"
#include "core/sla/business_calendar.hpp"   // Instant
#include "core/text/parsed.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct CompactJws {
    nlohmann::json header;        // an object: "alg", "kid", ...
    nlohmann::json claims;        // an object
    std::string signing_input;    // "<header>.<payload>" as received: what the signature covers
    std::string signature;        // the decoded bytes
};

// Three base64url parts, the first two JSON objects, the third not empty.
Parsed<CompactJws> split_compact_jws(std::string_view token);

struct IdTokenExpectations {
    std::string issuer;       // the provider's, exactly as configured
    std::string client_id;    // ours at that provider
    std::string nonce;        // the one this sign-in sent
    Instant now{};
    std::chrono::seconds allowed_skew{120};   // clocks of two machines disagree a little
};

struct VerifiedIdentity {
    std::string subject;                // "sub"
    std::string email;                  // normalized
    std::optional<std::string> name;    // "name", when given
};

struct IdTokenClaimsCheck {
    std::optional<VerifiedIdentity> identity;   // set exactly when accepted
    CompanySignInRefusal refusal = CompanySignInRefusal::BadSignature;
    std::string detail;                         // for the service's log: which claim, what it held
};

IdTokenClaimsCheck check_id_token_claims(const nlohmann::json& claims, const IdTokenExpectations& expected);

// The part of an address after its last '@', lowercase; empty when none.
std::string email_domain(std::string_view email);

}  // namespace core
