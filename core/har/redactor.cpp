#include "core/har/redactor.hpp"

#include <algorithm>

namespace core {

std::string_view to_string(RedactionKind kind) {
    switch (kind) {
    case RedactionKind::Cookie: return "cookie";
    case RedactionKind::Authorization: return "authorization";
    case RedactionKind::Header: return "header";
    case RedactionKind::UrlPassword: return "url password";
    case RedactionKind::UrlParameter: return "url parameter";
    case RedactionKind::FormField: return "form field";
    case RedactionKind::JsonField: return "json field";
    case RedactionKind::HtmlField: return "html field";
    case RedactionKind::JwtSignature: return "jwt signature";
    case RedactionKind::SamlSignature: return "saml signature";
    case RedactionKind::UserText: return "your text";
    }
    return "secret";
}

size_t RedactionReport::total() const {
    size_t sum = 0;
    for (const size_t c : counts) sum += c;
    return sum;
}

std::string RedactionReport::counts_text() const {
    std::string out = std::to_string(total());
    bool first = true;
    for (size_t k = 0; k < redaction_kind_count; k++) {
        if (counts[k] == 0) continue;
        out += (first ? " (" : ", ") + std::to_string(counts[k]) + " " + std::string(to_string(static_cast<RedactionKind>(k)));
        first = false;
    }
    return first ? out : out + ")";
}

Redactor::Redactor(const SecretKey& key, std::vector<std::string> user_texts) : key_(key) {
    for (std::string& text : user_texts)
        if (!text.empty()) user_texts_.push_back(std::move(text));
}

std::string Redactor::redact(RedactionKind kind, std::string_view name, std::string_view secret) {
    if (secret.empty() || is_secret_marker(secret)) return std::string(secret);
    std::string marker = secret_marker(key_, secret);
    size_t& count = report_.counts[static_cast<size_t>(kind)];
    if (count++ < RedactionReport::rows_per_kind) report_.rows.push_back({kind, where_, std::string(name), marker});
    return marker;
}

void Redactor::found_token(TokenKind kind, std::string_view name, std::string_view text) {
    if (report_.tokens.size() >= RedactionReport::most_tokens) return;
    const auto at = std::lower_bound(token_texts_.begin(), token_texts_.end(), text);
    if (at != token_texts_.end() && *at == text) return;
    token_texts_.insert(at, std::string(text));
    report_.tokens.push_back({kind, where_, std::string(name), std::string(text)});
}

std::optional<std::string> Redactor::without_user_texts(std::string_view text) {
    std::optional<std::string> out;
    for (const std::string& secret : user_texts_) {
        const std::string_view current = out ? std::string_view(*out) : text;
        size_t at = current.find(secret);
        if (at == std::string_view::npos) continue;
        const std::string marker = redact(RedactionKind::UserText, "", secret);
        std::string replaced;
        size_t from = 0;
        for (; at != std::string_view::npos; at = current.find(secret, from)) {
            replaced.append(current.substr(from, at - from)).append(marker);
            from = at + secret.size();
        }
        replaced.append(current.substr(from));
        out = std::move(replaced);
    }
    return out;
}

}  // namespace core
