// The one place a secret becomes a marker: every rule (URL, header, body,
// token) asks the Redactor, which keys the marker, notes the redaction for
// the report the user reviews, and keeps the user's own additions.
#pragma once

#include "core/har/secret_marker.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class RedactionKind : uint8_t {
    Cookie,          // Cookie and Set-Cookie values, cookies[] values
    Authorization,   // the credential of Authorization and Proxy-Authorization
    Header,          // API keys, CSRF and session headers
    UrlPassword,     // user:password@ in a URL
    UrlParameter,    // sensitive query and fragment values, queryString[]
    FormField,       // form bodies and postData.params[]
    JsonField,       // members of JSON bodies and WebSocket frames
    HtmlField,       // <input> values of HTML pages (form_post answers)
    JwtSignature,    // a JWT's signature, or a JWE's encrypted parts
    SamlSignature,   // SignatureValue and CipherValue of SAML messages
    UserText,        // a text the user added
};
inline constexpr size_t redaction_kind_count = 11;
std::string_view to_string(RedactionKind kind);   // "cookie", "authorization", ...

struct Redaction {
    RedactionKind kind = RedactionKind::Cookie;
    std::string where;    // "log.entries[3].request.headers[2]"
    std::string name;     // the cookie, header, parameter or member: "sid", "Authorization", "code"
    std::string marker;
};

enum class TokenKind : uint8_t { Jwt, Saml };

struct FoundToken {
    TokenKind kind = TokenKind::Jwt;
    std::string where;    // where it was first seen
    std::string name;     // the header, parameter or member holding it
    std::string text;     // as it leaves: a JWT without its signature, a SAML message's XML without SignatureValue
};

struct RedactionReport {
    static constexpr size_t rows_per_kind = 500;
    static constexpr size_t most_tokens = 200;

    std::array<size_t, redaction_kind_count> counts{};
    std::vector<Redaction> rows;      // in file order, at most rows_per_kind of each kind
    std::vector<FoundToken> tokens;   // each distinct token once, at most most_tokens

    size_t total() const;
    size_t count(RedactionKind kind) const { return counts[static_cast<size_t>(kind)]; }
    // "25 (20 cookie, 1 authorization, ...)"; "0" when nothing was redacted.
    std::string counts_text() const;
};

class Redactor {
public:
    Redactor(const SecretKey& key, std::vector<std::string> user_texts);

    // Where the rules are working, for the report.
    void set_where(std::string where) { where_ = std::move(where); }
    const std::string& where() const { return where_; }

    // The marker for `secret`, noted as a redaction of `kind` named `name`.
    // A marker stays itself and an empty value stays empty, unnoted.
    std::string redact(RedactionKind kind, std::string_view name, std::string_view secret);
    void found_token(TokenKind kind, std::string_view name, std::string_view text);

    // `text` with every text the user added replaced by its marker; nullopt
    // when it holds none.
    std::optional<std::string> without_user_texts(std::string_view text);

    const RedactionReport& report() const { return report_; }

private:
    SecretKey key_;
    std::vector<std::string> user_texts_;
    std::string where_;
    RedactionReport report_;
    std::vector<std::string> token_texts_;   // sorted, to report each token once
};

}  // namespace core
