// What a HAR file of a failed sign-in says, read from its sanitised entries
// (so nothing secret is ever shown): the authentication requests in order
// (authorize, login, token, callback, userinfo, SAML, WS-Federation), the
// redirect chain, the failed requests with their error bodies, the slow
// ones, where the flow stopped and why in one sentence, and the identifiers
// a ticket should carry, named by the program's field ids.
#pragma once

#include "core/checks/jwt_inspection.hpp"
#include "core/har/redactor.hpp"
#include "core/text/json_tape.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct HarRequest {
    size_t index = 0;          // in log.entries
    std::string started;       // startedDateTime as written
    double time_ms = 0;
    double offset_ms = 0;      // started after the file's first request, for the waterfall
    std::string method, url;   // sanitised
    int status = 0;            // 0: no answer (see error)
    std::string status_text;
    std::string error;         // Chrome's _error: "net::ERR_INTERNET_DISCONNECTED"
    std::string step;          // "authorize", "login", "token", "callback", "userinfo", "saml", "ws-fed", "logout", "mfa", "discovery"; empty otherwise
    std::string location;      // where a redirect went (sanitised)
    std::string error_body;    // error and description of a failed answer, in one line

    bool failed() const { return status == 0 || status >= 400; }
};

struct SuggestedIdentifier {
    std::string field;    // the program's field id: "correlation_id", "tenant", "application", "redirect_uri", "occurred_at", "error_message"
    std::string value;
    std::string source;   // "x-request-id of entry 12", ...
};

// A token found in the file, decoded and checked against the time of the
// request that carried it (a JWT with the JWT field's checks, a SAML message
// with saml_inspection's).
struct HarToken {
    TokenKind kind = TokenKind::Jwt;
    std::string where, name;   // as in the report
    std::string text;          // as it leaves (no signature)
    std::string sent;          // startedDateTime of its entry
    std::string summary;       // "SAML Response from https://idp..., Success, signed: the Response"
    std::vector<JwtClaimLine> lines;
    std::vector<JwtFinding> findings;
};

struct HarAnalysis {
    size_t entries = 0;
    std::vector<HarRequest> sign_in;    // the authentication steps, in file order
    std::vector<HarRequest> redirects;  // 3xx with a Location
    std::vector<HarRequest> failures;
    std::vector<HarRequest> slow;       // slowest first, at most 5, each over 2 s
    std::string verdict;                // where the flow stopped and why, in one sentence
    std::vector<SuggestedIdentifier> identifiers;
    std::vector<HarToken> tokens;
};

class HarAnalyzer {
public:
    // `tenant_issuer`: the program's issuer pattern ("https://{tenant}.example.com/"),
    // to tell a tenant from a host; empty: not told.
    explicit HarAnalyzer(std::string tenant_issuer = {}) : tenant_issuer_(std::move(tenant_issuer)) {}

    // One sanitised entry and its JSON, as HarSanitizer::observe_entries hands them.
    void add_entry(size_t index, std::string_view entry, const JsonTape& tape);
    // The tokens come from the sanitiser's report.
    HarAnalysis finish(const RedactionReport& report) const;

private:
    void suggest(std::string field, std::string value, std::string source);

    std::string tenant_issuer_;
    HarAnalysis analysis_;
    std::vector<HarRequest> all_slow_;
    std::vector<std::string> started_;   // each entry's startedDateTime, for its tokens
    std::optional<double> first_ms_;     // the earliest startedDateTime, in ms since the epoch
};

// Which sign-in step a URL is (see HarRequest::step).
std::string sign_in_step(std::string_view method, std::string_view url);

// The analysis as text for people (`portal-cli har analyze`) and as JSON.
std::string analysis_text(const HarAnalysis& analysis, const RedactionReport& report);
std::string analysis_json(const HarAnalysis& analysis, const RedactionReport& report);

}  // namespace core
