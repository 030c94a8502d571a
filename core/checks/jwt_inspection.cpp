#include "core/checks/jwt_inspection.hpp"

#include "core/text/base64url.hpp"
#include "core/text/duration_text.hpp"
#include "core/text/json_reader.hpp"
#include "core/text/ordered_json_object.hpp"
#include "core/text/time_text.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace core {

namespace {

using nlohmann::json;

// Clocks of two machines that both use NTP agree within well under a minute.
constexpr std::chrono::seconds tolerated_skew{60};
// Year 9999: later "times" are not times but mistakes.
constexpr double latest_plausible = 253402300799.0;

std::string relative_text(Instant t, Instant now) {
    if (t == now) return "now";
    return t > now ? "in " + duration_text(t - now) : duration_text(now - t) + " ago";
}

JwtInspection failed(std::string error) {
    JwtInspection result;
    result.error = std::move(error);
    return result;
}

std::string_view without_padding(std::string_view part) {
    while (part.ends_with('=')) part.remove_suffix(1);
    return part;
}

// One base64url JSON part as an object, members in the issuer's order (as
// shown); `what` names it in messages ("The header (first part)").
std::optional<OrderedJsonObject> decode_part(std::string_view part, std::string_view what, std::string& error) {
    std::optional<std::string> bytes = base64url_decode(without_padding(part));
    if (!bytes) {
        error = std::string(what) + " is not base64url text; copy the token again, exactly as issued.";
        return std::nullopt;
    }
    std::optional<OrderedJsonObject> object = OrderedJsonObject::read(*bytes);
    if (!object)
        error = std::string(what) + " does not decode to a JSON object, so this is not a JWT; copy the whole token.";
    return object;
}

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

bool is_time_claim(std::string_view name) { return name == "exp" || name == "iat" || name == "nbf" || name == "auth_time"; }

// A NumericDate claim (seconds since 1970) as an instant; nullopt if absent or not one.
std::optional<Instant> time_claim(const OrderedJsonObject& claims, const char* name) {
    const json* it = claims.find(name);
    if (!it || !it->is_number()) return std::nullopt;
    const double seconds = it->get<double>();
    if (!(std::fabs(seconds) <= latest_plausible)) return std::nullopt;
    return Instant{std::chrono::seconds{static_cast<long long>(std::floor(seconds))}};
}

void check_algorithm(const OrderedJsonObject& header, bool signed_part_empty, std::vector<JwtFinding>& out) {
    const json* alg = header.find("alg");
    if (!alg || !alg->is_string()) {
        out.push_back({JwtFindingLevel::Problem, "The header has no alg, so no validator accepts the token."});
        return;
    }
    const std::string name = alg->get<std::string>();
    if (ascii_lowercase(name) == "none") {
        out.push_back({JwtFindingLevel::Problem,
                       "alg is \"none\": the token is unsigned, so anyone could have made it. Never accept it; tokens "
                       "from the platform are signed with RS256."});
        return;
    }
    if (name.starts_with("HS"))
        out.push_back({JwtFindingLevel::Warning,
                       "alg is " + in_quotes(name) +
                           ": signed with a shared secret. The platform signs with RS256 and publishes its keys "
                           "through JWKS; set the application to RS256 and validate with the JWKS keys."});
    else if (name != "RS256")
        out.push_back({JwtFindingLevel::Note, "alg is " + in_quotes(name) +
                                                  "; the platform signs with RS256, so this token may come from "
                                                  "another issuer."});
    if (signed_part_empty)
        out.push_back({JwtFindingLevel::Problem, "The signature (third part) is empty although alg is " +
                                                     in_quotes(name) + "; copy the whole token, up to its end."});
    const json* kid = header.find("kid");
    if (!kid || !kid->is_string() || kid->get<std::string>().empty())
        out.push_back({JwtFindingLevel::Warning,
                       "The header has no kid (key ID), so a validator cannot pick the signing key from the JWKS. "
                       "Tokens from the platform carry one; check where this token came from."});
}

void check_times(const OrderedJsonObject& claims, const JwtExpectations& e, std::vector<JwtFinding>& out) {
    for (const char* name : {"exp", "iat", "nbf"})
        if (claims.contains(name) && !time_claim(claims, name))
            out.push_back({JwtFindingLevel::Problem, std::string(name) +
                                                         " is not a time in seconds since 1970, so validators "
                                                         "reject the token."});
    const std::optional<Instant> exp = time_claim(claims, "exp");
    const std::optional<Instant> iat = time_claim(claims, "iat");
    const std::optional<Instant> nbf = time_claim(claims, "nbf");
    if (!claims.contains("exp"))
        out.push_back({JwtFindingLevel::Note,
                       "The token has no exp, so it never expires; tokens from the platform always have one."});
    if (exp && *exp <= e.now)
        out.push_back({JwtFindingLevel::Problem, "The token expired " + duration_text(e.now - *exp) + " ago (exp " +
                                                     format_full(*exp, e.zone) +
                                                     "). Sign in again or refresh it to get a new token."});
    if (iat && *iat > e.now + tolerated_skew)
        out.push_back({JwtFindingLevel::Warning,
                       "The token was issued " + duration_text(*iat - e.now) + " in the future (iat " +
                           format_full(*iat, e.zone) +
                           "): the clock of this computer or of the server that made it is off. Make sure both "
                           "set their clocks by NTP."});
    if (nbf && *nbf > e.now + tolerated_skew)
        out.push_back({JwtFindingLevel::Warning,
                       "The token is not valid until " + format_full(*nbf, e.zone) + " (nbf, " +
                           relative_text(*nbf, e.now) +
                           "). If it was just issued, a clock is off; make sure both machines set their clocks by "
                           "NTP."});
}

void check_issuer(const OrderedJsonObject& claims, const std::string& expected, std::vector<JwtFinding>& out) {
    if (expected.empty()) return;
    const json* iss = claims.find("iss");
    if (!iss || !iss->is_string()) {
        out.push_back({JwtFindingLevel::Problem, "The token has no iss; tokens of this tenant are issued by " +
                                                     in_quotes(expected) + "."});
        return;
    }
    const std::string actual = iss->get<std::string>();
    if (actual == expected) return;
    if (actual + "/" == expected || expected + "/" == actual)
        out.push_back({JwtFindingLevel::Problem,
                       "iss is " + in_quotes(actual) + " but the tenant's issuer is " + in_quotes(expected) +
                           "; they differ in the trailing slash and validators compare them exactly."});
    else
        out.push_back({JwtFindingLevel::Problem,
                       "iss is " + in_quotes(actual) + ", but tokens of this tenant are issued by " + in_quotes(expected) +
                           ". Check that the app signs in against the right tenant and domain."});
}

std::vector<JwtClaimLine> claim_lines(const OrderedJsonObject& claims, const JwtExpectations& e) {
    std::vector<JwtClaimLine> lines;
    for (const auto& [name, claim] : claims.members()) {
        std::string value = claim.is_string() ? claim.get<std::string>() : dump(claim);
        if (is_time_claim(name) && claim.is_number()) {
            const double seconds = claim.get<double>();
            if (std::fabs(seconds) <= latest_plausible) {
                const Instant t{std::chrono::seconds{static_cast<long long>(std::floor(seconds))}};
                value = format_full(t, e.zone) + " (" + relative_text(t, e.now) + ")";
            }
        }
        lines.push_back({name, std::move(value)});
    }
    return lines;
}

}  // namespace

JwtInspection inspect_jwt(std::string_view token, const JwtExpectations& expectations) {
    std::string_view text = trim_spaces(token);
    if (text.size() >= 7) {
        if (ascii_lowercase(text.substr(0, 7)) == "bearer ") text = trim_spaces(text.substr(7));
    }
    if (text.empty()) return failed("Paste a token: three parts separated by dots, starting with eyJ.");

    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (parts.size() == 5)
        return failed("This is an encrypted token (JWE, five parts); it cannot be read without the key. Paste an ID "
                      "token or a signed access token instead.");
    if (parts.size() != 3)
        return failed("A JWT has three parts separated by dots (header.claims.signature); this has " +
                      std::to_string(parts.size()) + ". Copy the whole token.");

    std::string error;
    std::optional<OrderedJsonObject> header = decode_part(parts[0], "The header (first part)", error);
    if (!header) return failed(error);
    std::optional<OrderedJsonObject> claims = decode_part(parts[1], "The claims (second part)", error);
    if (!claims) return failed(error);

    JwtInspection result;
    result.decoded = true;
    result.header_json = header->dump(2);
    result.claims_json = claims->dump(2);
    result.claim_lines = claim_lines(*claims, expectations);
    if (!parts[2].empty() && !base64url_decode(without_padding(parts[2])))
        result.findings.push_back({JwtFindingLevel::Problem,
                                   "The signature (third part) is not base64url text; the token was changed when it "
                                   "was copied. Copy it again."});
    check_algorithm(*header, parts[2].empty(), result.findings);
    check_times(*claims, expectations, result.findings);
    check_issuer(*claims, expectations.issuer, result.findings);
    return result;
}

std::string tenant_issuer(const Program& program, std::string_view slug) {
    std::string issuer = program.tenant_issuer;
    const size_t at = issuer.find("{tenant}");
    if (at == std::string::npos) return {};
    return issuer.replace(at, 8, slug);
}

}  // namespace core
