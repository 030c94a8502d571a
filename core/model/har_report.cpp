#include "core/model/har_report.hpp"

#include "core/text/json_reader.hpp"

#include <cstdio>

namespace core {

namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double number_of(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_number() ? it->get<double>() : 0.0;
}

const json& list_of(const json& object, const char* key) {
    static const json empty = json::array();
    auto it = object.find(key);
    return it != object.end() && it->is_array() ? *it : empty;
}

std::vector<HarRequest> requests_of(const json& report, const char* key) {
    std::vector<HarRequest> out;
    for (const json& r : list_of(report, key)) {
        if (!r.is_object()) continue;
        HarRequest request;
        request.index = static_cast<size_t>(number_of(r, "entry"));
        request.started = text_of(r, "started");
        request.offset_ms = number_of(r, "offset_ms");
        request.time_ms = number_of(r, "time_ms");
        request.method = text_of(r, "method");
        request.url = text_of(r, "url");
        request.status = static_cast<int>(number_of(r, "status"));
        request.status_text = text_of(r, "status_text");
        request.error = text_of(r, "error");
        request.step = text_of(r, "step");
        request.location = text_of(r, "location");
        request.error_body = text_of(r, "error_body");
        out.push_back(std::move(request));
    }
    return out;
}

void read_lines_and_findings(const json& from, std::vector<JwtClaimLine>& lines, std::vector<JwtFinding>& findings) {
    for (const json& l : list_of(from, "lines"))
        if (l.is_object()) lines.push_back({text_of(l, "name"), text_of(l, "value")});
    for (const json& f : list_of(from, "findings")) {
        if (!f.is_object()) continue;
        const std::string level = text_of(f, "level");
        findings.push_back({level == "problem"   ? JwtFindingLevel::Problem
                            : level == "warning" ? JwtFindingLevel::Warning
                                                 : JwtFindingLevel::Note,
                            text_of(f, "message")});
    }
}

}  // namespace

size_t HarReport::total_redactions() const {
    size_t total = 0;
    for (const auto& [kind, count] : counts) total += count;
    return total;
}

std::optional<HarReport> read_har_report(std::string_view json_text, std::string& error) {
    const json doc = read_json(json_text);
    if (!doc.is_object() || !doc.contains("verdict")) {
        error = "The HAR reader sent a report the page cannot read.";
        return std::nullopt;
    }
    HarReport out;
    HarAnalysis& a = out.analysis;
    a.entries = static_cast<size_t>(number_of(doc, "entries"));
    a.verdict = text_of(doc, "verdict");
    a.sign_in = requests_of(doc, "sign_in");
    a.redirects = requests_of(doc, "redirects");
    a.failures = requests_of(doc, "failures");
    a.slow = requests_of(doc, "slow");
    for (const json& s : list_of(doc, "identifiers"))
        if (s.is_object()) a.identifiers.push_back({text_of(s, "field"), text_of(s, "value"), text_of(s, "source")});
    if (auto counts = doc.find("redactions"); counts != doc.end() && counts->is_object())
        for (const auto& [kind, count] : counts->items())
            if (count.is_number_unsigned()) out.counts.emplace_back(kind, count.get<size_t>());
    for (const json& r : list_of(doc, "redacted"))
        if (r.is_object()) out.redacted.push_back({text_of(r, "kind"), text_of(r, "where"), text_of(r, "name"), text_of(r, "marker")});
    for (const json& t : list_of(doc, "tokens")) {
        if (!t.is_object()) continue;
        HarToken token;
        token.kind = text_of(t, "kind") == "saml" ? TokenKind::Saml : TokenKind::Jwt;
        token.where = text_of(t, "where");
        token.name = text_of(t, "name");
        token.text = text_of(t, "text");
        token.sent = text_of(t, "sent");
        token.summary = text_of(t, "summary");
        read_lines_and_findings(t, token.lines, token.findings);
        a.tokens.push_back(std::move(token));
    }
    return out;
}

std::optional<PastedTokenView> read_pasted_token_view(std::string_view json_text, std::string& error) {
    const json doc = read_json(json_text);
    if (!doc.is_object() || !doc.contains("kind")) {
        error = "The token viewer sent an answer the page cannot read.";
        return std::nullopt;
    }
    PastedTokenView out;
    out.kind = text_of(doc, "kind");
    out.error = text_of(doc, "error");
    out.title = text_of(doc, "title");
    out.header = text_of(doc, "header");
    out.xml = text_of(doc, "xml");
    read_lines_and_findings(doc, out.lines, out.findings);
    return out;
}

std::string size_text(long long bytes) {
    char buffer[32];
    if (bytes >= 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.1f MB", double(bytes) / (1024 * 1024));
    else if (bytes >= 1024) std::snprintf(buffer, sizeof buffer, "%lld KB", (bytes + 1023) / 1024);
    else std::snprintf(buffer, sizeof buffer, "%lld bytes", bytes);
    return buffer;
}

}  // namespace core
