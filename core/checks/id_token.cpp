#include "core/checks/id_token.hpp"

#include "core/checks/email_address.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/json_reader.hpp"

namespace core {

namespace {

std::optional<nlohmann::json> json_object_part(std::string_view part) {
    std::optional<std::string> text = base64url_decode(part);
    if (!text) return std::nullopt;
    nlohmann::json value = read_json(*text);
    if (!value.is_object()) return std::nullopt;
    return value;
}

// A NumericDate: seconds since the epoch, a JSON number (RFC 7519 section 2).
std::optional<Instant> numeric_date(const nlohmann::json& claims, const char* name) {
    auto found = claims.find(name);
    if (found == claims.end() || !found->is_number()) return std::nullopt;
    const double seconds = found->get<double>();
    if (!(seconds >= 0 && seconds < 253402300800.0)) return std::nullopt;   // before year 10000
    return Instant{std::chrono::seconds{int64_t(seconds)}};
}

std::string text_claim(const nlohmann::json& claims, const char* name) {
    auto found = claims.find(name);
    return found != claims.end() && found->is_string() ? found->get<std::string>() : std::string();
}

IdTokenClaimsCheck refused(CompanySignInRefusal refusal, std::string detail) {
    IdTokenClaimsCheck check;
    check.refusal = refusal;
    check.detail = std::move(detail);
    return check;
}

}  // namespace

Parsed<CompactJws> split_compact_jws(std::string_view token) {
    const size_t first = token.find('.');
    const size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
        return Parsed<CompactJws>::failure("a JWS has three parts separated by dots");
    CompactJws jws;
    std::optional<nlohmann::json> header = json_object_part(token.substr(0, first));
    if (!header) return Parsed<CompactJws>::failure("its header is not base64url JSON object");
    std::optional<nlohmann::json> claims = json_object_part(token.substr(first + 1, second - first - 1));
    if (!claims) return Parsed<CompactJws>::failure("its payload is not a base64url JSON object");
    std::optional<std::string> signature = base64url_decode(token.substr(second + 1));
    if (!signature || signature->empty()) return Parsed<CompactJws>::failure("it has no signature");
    jws.header = std::move(*header);
    jws.claims = std::move(*claims);
    jws.signing_input = std::string(token.substr(0, second));
    jws.signature = std::move(*signature);
    return Parsed<CompactJws>{std::move(jws), {}};
}

IdTokenClaimsCheck check_id_token_claims(const nlohmann::json& claims, const IdTokenExpectations& expected) {
    if (!claims.is_object()) return refused(CompanySignInRefusal::BadSignature, "the claims are not an object");

    const std::string issuer = text_claim(claims, "iss");
    if (issuer != expected.issuer)
        return refused(CompanySignInRefusal::WrongIssuer, "iss is \"" + issuer + "\", not \"" + expected.issuer + "\"");

    // We must be the audience, and the only one: a token also meant for
    // another party could have been shown to us by that party.
    auto audience = claims.find("aud");
    bool ours = false;
    if (audience != claims.end() && audience->is_string()) ours = *audience == expected.client_id;
    else if (audience != claims.end() && audience->is_array() && !audience->empty()) {
        ours = true;
        for (const nlohmann::json& one : *audience) ours = ours && one.is_string() && one == expected.client_id;
    }
    if (!ours) return refused(CompanySignInRefusal::WrongAudience, "aud is " + (audience == claims.end() ? std::string("missing") : audience->dump()));
    if (claims.contains("azp") && text_claim(claims, "azp") != expected.client_id)
        return refused(CompanySignInRefusal::WrongAudience, "azp is " + claims["azp"].dump());

    std::optional<Instant> expires = numeric_date(claims, "exp");
    if (!expires) return refused(CompanySignInRefusal::TokenExpired, "exp is missing or not a number");
    if (expected.now >= *expires + expected.allowed_skew)
        return refused(CompanySignInRefusal::TokenExpired, "exp is " + std::to_string(expires->time_since_epoch().count()));
    std::optional<Instant> issued = numeric_date(claims, "iat");
    if (!issued) return refused(CompanySignInRefusal::TokenExpired, "iat is missing or not a number");
    if (*issued > expected.now + expected.allowed_skew)
        return refused(CompanySignInRefusal::TokenExpired, "iat is in the future");
    if (claims.contains("nbf")) {
        std::optional<Instant> not_before = numeric_date(claims, "nbf");
        if (!not_before || *not_before > expected.now + expected.allowed_skew)
            return refused(CompanySignInRefusal::TokenExpired, "nbf is not yet reached");
    }

    if (expected.nonce.empty() || text_claim(claims, "nonce") != expected.nonce)
        return refused(CompanySignInRefusal::WrongNonce, "nonce does not match this sign-in's");

    VerifiedIdentity identity;
    identity.subject = text_claim(claims, "sub");
    if (identity.subject.empty()) return refused(CompanySignInRefusal::BadSignature, "sub is missing");
    identity.email = normalize_email_address(text_claim(claims, "email"));
    if (identity.email.empty() || identity.email.size() > longest_email_address || !email_address_problem(identity.email).empty())
        return refused(CompanySignInRefusal::EmailUnverified, "email is missing or not an address");
    // Some providers write the boolean as a string.
    auto verified = claims.find("email_verified");
    const bool is_verified = verified != claims.end() && (*verified == true || *verified == "true");
    if (!is_verified) return refused(CompanySignInRefusal::EmailUnverified, "email_verified is not true");
    if (std::string name = text_claim(claims, "name"); !name.empty() && name.size() <= 200) identity.name = name;

    IdTokenClaimsCheck check;
    check.identity = std::move(identity);
    return check;
}

std::string email_domain(std::string_view email) {
    const size_t at = email.rfind('@');
    if (at == std::string_view::npos) return {};
    return ascii_lowercase(email.substr(at + 1));
}

}  // namespace core
