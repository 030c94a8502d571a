#include "core/har/har_analysis.hpp"

#include "core/checks/timestamp_text.hpp"
#include "core/har/inspection_json.hpp"
#include "core/har/saml_inspection.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/base64url.hpp"
#include "core/text/url_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace core {

namespace {

// The node at a dotted member path below `from`, or -1.
int32_t node_at(std::string_view text, const JsonTape& tape, int32_t from, std::string_view path) {
    while (from >= 0 && !path.empty()) {
        const size_t dot = path.find('.');
        from = tape.member(text, from, path.substr(0, dot));
        path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    }
    return from;
}

std::string string_at(std::string_view text, const JsonTape& tape, int32_t from, std::string_view path) {
    const int32_t at = node_at(text, tape, from, path);
    if (at < 0 || tape.nodes[static_cast<size_t>(at)].kind != JsonKind::String) return {};
    const JsonNode& node = tape.nodes[static_cast<size_t>(at)];
    return json_string_text(text.substr(node.begin, node.end - node.begin));
}

double number_at(std::string_view text, const JsonTape& tape, int32_t from, std::string_view path) {
    const int32_t at = node_at(text, tape, from, path);
    if (at < 0 || tape.nodes[static_cast<size_t>(at)].kind != JsonKind::Number) return 0;
    const JsonNode& node = tape.nodes[static_cast<size_t>(at)];
    return std::strtod(std::string(text.substr(node.begin, node.end - node.begin)).c_str(), nullptr);
}

// startedDateTime in milliseconds since the epoch (read_timestamp keeps whole
// seconds; HAR times carry milliseconds, which a waterfall needs).
std::optional<double> started_ms(std::string_view started) {
    const TimestampReading reading = read_timestamp(started, nullptr);
    if (!reading.instant || !reading.had_zone) return std::nullopt;
    double ms = static_cast<double>(reading.instant->time_since_epoch().count()) * 1000.0;
    const size_t t = started.find('T');
    const size_t dot = started.find('.', t == std::string_view::npos ? 0 : t);
    if (t != std::string_view::npos && dot != std::string_view::npos) {
        double scale = 100;
        for (size_t i = dot + 1; i < started.size() && started[i] >= '0' && started[i] <= '9'; i++, scale /= 10)
            ms += (started[i] - '0') * scale;
    }
    return ms;
}

// name -> value of each object in the list at `path` ({"name", "value"} pairs).
std::vector<std::pair<std::string, std::string>> pairs_at(std::string_view text, const JsonTape& tape, std::string_view path) {
    std::vector<std::pair<std::string, std::string>> out;
    const int32_t list = node_at(text, tape, 0, path);
    if (list < 0 || tape.nodes[static_cast<size_t>(list)].kind != JsonKind::Array) return out;
    for (uint32_t i = static_cast<uint32_t>(list) + 1; i < tape.nodes[static_cast<size_t>(list)].after; i = tape.nodes[i].after)
        out.emplace_back(string_at(text, tape, static_cast<int32_t>(i), "name"), string_at(text, tape, static_cast<int32_t>(i), "value"));
    return out;
}

std::string host_of(std::string_view url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
    return ascii_lowercase(rest.substr(0, rest.find(':')));
}

std::string path_of(std::string_view url) {
    const size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    if (scheme != std::string_view::npos) {
        const size_t slash = rest.find('/');
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    }
    return ascii_lowercase(rest.substr(0, rest.find_first_of("?#")));
}

// A query parameter's decoded value, or empty.
std::string query_value(std::string_view url, std::string_view wanted) {
    const size_t question = url.find('?');
    if (question == std::string_view::npos) return {};
    std::string_view query = url.substr(question + 1);
    query = query.substr(0, query.find('#'));
    for (const std::string_view pair : split_on(query, '&')) {
        const size_t equals = pair.find('=');
        if (equals != std::string_view::npos && url_unescape(pair.substr(0, equals), true) == wanted)
            return url_unescape(pair.substr(equals + 1), true);
    }
    return {};
}

// An error answer's words: OAuth's error and error_description, or a
// message, from a JSON body; the start of any other text body.
std::string error_words(std::string_view body, std::string_view mime_type) {
    const std::string_view trimmed = trim_spaces(body);
    if (trimmed.empty()) return {};
    if (trimmed.front() == '{') {
        JsonTape tape;
        JsonTapeError ignored;
        if (read_json_tape(trimmed, tape, ignored)) {
            std::string words;
            for (const char* name : {"error", "code", "error_description", "description", "message", "error_message", "detail", "title"}) {
                const std::string value = string_at(trimmed, tape, 0, name);
                if (value.empty() || words.find(value) != std::string::npos) continue;
                if (!words.empty()) words += ": ";
                words += value;
            }
            if (!words.empty()) return words.substr(0, 300);
        }
    }
    if (ascii_lowercase(mime_type).find("html") != std::string::npos) return {};   // pages say little in their first bytes
    std::string line(trimmed.substr(0, 200));
    std::replace(line.begin(), line.end(), '\n', ' ');
    return line;
}

// HTTP/2 answers carry no reason phrase; people read the usual one.
std::string_view usual_reason(int status) {
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return {};
    }
}

std::string shown_status(const HarRequest& r) {
    if (r.status == 0) return r.error.empty() ? std::string("no answer") : "no answer (" + r.error + ")";
    std::string s = std::to_string(r.status);
    const std::string_view reason = r.status_text.empty() ? usual_reason(r.status) : std::string_view(r.status_text);
    if (!reason.empty()) s += " " + std::string(reason);
    return s;
}

std::string shown_request(const HarRequest& r) {
    std::string url = r.url;
    if (url.size() > 120) url = url.substr(0, 117) + "...";
    return r.method + " " + url;
}

}  // namespace

std::string sign_in_step(std::string_view method, std::string_view url) {
    const std::string path = path_of(url);
    const bool saml = query_value(url, "SAMLRequest").size() + query_value(url, "SAMLResponse").size() > 0;
    auto has = [&](std::string_view part) { return path.find(part) != std::string::npos; };
    if (has("/.well-known/openid-configuration") || has("/.well-known/jwks.json")) return "discovery";
    if (saml || has("/samlp") || has("/saml2") || has("/saml/") || path.ends_with("/acs") || has("/acs/")) return "saml";
    if (has("/wsfed") || query_value(url, "wa") == "wsignin1.0") return "ws-fed";
    if (has("/authorize")) return "authorize";
    if (has("/oauth/token") || has("/oauth2/token") || path.ends_with("/token")) return "token";
    if (has("/userinfo")) return "userinfo";
    if (has("/logout")) return "logout";
    if (has("/mfa") || has("/u/mfa")) return "mfa";
    if (has("/callback") || has("/login/callback")) return "callback";
    if (has("/u/login") || has("/login") || has("/signin") || has("/sign-in") || (has("/session") && method == "POST")) return "login";
    return {};
}

void HarAnalyzer::suggest(std::string field, std::string value, std::string source) {
    if (value.empty()) return;
    for (const SuggestedIdentifier& s : analysis_.identifiers)
        if (s.field == field) return;   // the first seen is the one the flow started with
    analysis_.identifiers.push_back({std::move(field), std::move(value), std::move(source)});
}

void HarAnalyzer::add_entry(size_t index, std::string_view text, const JsonTape& tape) {
    analysis_.entries = std::max(analysis_.entries, index + 1);
    HarRequest r;
    r.index = index;
    r.started = string_at(text, tape, 0, "startedDateTime");
    r.time_ms = number_at(text, tape, 0, "time");
    r.method = string_at(text, tape, 0, "request.method");
    r.url = string_at(text, tape, 0, "request.url");
    r.status = static_cast<int>(number_at(text, tape, 0, "response.status"));
    r.status_text = string_at(text, tape, 0, "response.statusText");
    r.error = string_at(text, tape, 0, "response._error");
    if (r.error.empty()) r.error = string_at(text, tape, 0, "_error");
    r.step = sign_in_step(r.method, r.url);
    // A SAML or WS-Federation answer posted to the service provider.
    if (r.step.empty()) {
        const std::string body = string_at(text, tape, 0, "request.postData.text");
        if (body.find("SAMLResponse=") != std::string::npos || body.find("SAMLRequest=") != std::string::npos) r.step = "saml";
        else if (body.find("wresult=") != std::string::npos) r.step = "ws-fed";
    }
    if (started_.size() <= index) started_.resize(index + 1);
    started_[index] = r.started;
    if (const auto ms = started_ms(r.started); ms && (!first_ms_ || *ms < *first_ms_)) first_ms_ = ms;
    r.location = string_at(text, tape, 0, "response.redirectURL");
    const auto response_headers = pairs_at(text, tape, "response.headers");
    for (const auto& [name, value] : response_headers)
        if (equals_ignoring_ascii_case(name, "location") && r.location.empty()) r.location = value;
    if (r.failed()) {
        std::string body = string_at(text, tape, 0, "response.content.text");
        if (string_at(text, tape, 0, "response.content.encoding") == "base64") body = base64_decode(body).value_or(std::string());
        r.error_body = error_words(body, string_at(text, tape, 0, "response.content.mimeType"));
    }

    const std::string where = "entry " + std::to_string(index);
    // Correlation: the first request ID a server gave, preferring a sign-in step's.
    for (const auto& [name, value] : response_headers) {
        const std::string lower = ascii_lowercase(name);
        if (lower == "x-request-id" || lower == "x-correlation-id" || lower == "request-id" || lower == "x-amzn-requestid" ||
            lower == "x-ms-request-id" || lower == "cf-ray" || lower == "x-b3-traceid" || lower == "traceparent" ||
            lower == "x-cloud-trace-context" || lower == "x-trace-id") {
            if (!r.step.empty() || r.failed()) suggest("correlation_id", value, name + " of " + where);
        }
    }
    if (!r.step.empty()) {
        const std::string client_id = query_value(r.url, "client_id");
        suggest("application", client_id, "client_id of " + where);
        suggest("redirect_uri", query_value(r.url, "redirect_uri"), "redirect_uri of " + where);
        // A JSON or form login body names the client and the connection too.
        const std::string body = string_at(text, tape, 0, "request.postData.text");
        if (trim_spaces(body).starts_with('{')) {
            JsonTape body_tape;
            JsonTapeError ignored;
            if (read_json_tape(body, body_tape, ignored)) {
                suggest("application", string_at(body, body_tape, 0, "client_id"), "client_id of " + where);
                suggest("redirect_uri", string_at(body, body_tape, 0, "redirect_uri"), "redirect_uri of " + where);
                suggest("tenant", string_at(body, body_tape, 0, "tenant"), "tenant of " + where);
            }
        }
        // The tenant, when the host matches the program's issuer pattern.
        const size_t slot = tenant_issuer_.find("{tenant}");
        if (slot != std::string::npos) {
            const std::string pattern_host = host_of(tenant_issuer_);
            const size_t host_slot = pattern_host.find("{tenant}");
            const std::string host = host_of(r.url);
            if (host_slot != std::string::npos) {
                const std::string before = pattern_host.substr(0, host_slot), after = pattern_host.substr(host_slot + 8);
                if (host.size() > before.size() + after.size() && host.starts_with(before) && host.ends_with(after))
                    suggest("tenant", host.substr(before.size(), host.size() - before.size() - after.size()), "host of " + where);
            }
        }
        analysis_.sign_in.push_back(r);
    }
    if (r.status >= 300 && r.status < 400 && !r.location.empty()) analysis_.redirects.push_back(r);
    if (r.failed() && !(r.status == 0 && r.error.empty() && r.method.empty())) analysis_.failures.push_back(r);
    if (r.time_ms > 2000) all_slow_.push_back(r);
}

HarAnalysis HarAnalyzer::finish(const RedactionReport& report) const {
    HarAnalysis out = analysis_;
    for (auto* list : {&out.sign_in, &out.redirects, &out.failures, &out.slow})
        for (HarRequest& r : *list)
            if (const auto ms = started_ms(r.started); ms && first_ms_) r.offset_ms = *ms - *first_ms_;
    for (const FoundToken& found : report.tokens) {
        HarToken token{found.kind, found.where, found.name, found.text, {}, {}, {}, {}};
        // The entry it came from: "log.entries[12]...".
        size_t index = 0;
        if (found.where.starts_with("log.entries[")) index = std::strtoul(found.where.c_str() + 12, nullptr, 10);
        if (index < started_.size()) token.sent = started_[index];
        const TimestampReading sent = read_timestamp(token.sent, nullptr);
        const Instant when = sent.instant.value_or(Instant{});
        auto value_of = [&](std::string_view name) {
            for (const auto& l : token.lines)
                if (l.name == name) return " " + std::string(name == "Status" ? "" : name == "sub" ? "for " : "from ") + l.value;
            return std::string();
        };
        if (found.kind == TokenKind::Jwt) {
            const JwtInspection jwt = inspect_jwt(found.text, {when, nullptr, {}});
            token.lines = jwt.claim_lines;
            token.findings = jwt.findings;
            token.summary = "JWT" + value_of("iss") + value_of("sub");
        } else {
            const SamlInspection saml = inspect_saml(found.text, {when, nullptr});
            token.lines = saml.lines;
            token.findings = saml.findings;
            token.summary = "SAML " + saml.kind + value_of("Issuer") + value_of("Status") + ", signed: " + saml.signed_parts;
        }
        out.tokens.push_back(std::move(token));
    }
    std::vector<HarRequest> slow = all_slow_;
    std::sort(slow.begin(), slow.end(), [](const HarRequest& a, const HarRequest& b) { return a.time_ms > b.time_ms; });
    if (slow.size() > 5) slow.resize(5);
    out.slow = std::move(slow);

    // Where it stopped: the last failed sign-in step; else the first failure
    // after the flow began; else the last step reached.
    const HarRequest* stop = nullptr;
    for (const HarRequest& r : out.sign_in)
        if (r.failed()) stop = &r;
    if (!stop && !out.failures.empty()) {
        const size_t began = out.sign_in.empty() ? 0 : out.sign_in.front().index;
        for (const HarRequest& r : out.failures)
            if (r.index >= began) {
                stop = &r;
                break;
            }
    }
    if (stop) {
        out.verdict = "The flow stopped at entry " + std::to_string(stop->index) + ", " + shown_request(*stop) +
                      (stop->step.empty() ? std::string() : " (" + stop->step + ")") + ": " + shown_status(*stop) +
                      (stop->error_body.empty() ? std::string() : ", \"" + stop->error_body + "\"") + ".";
        out.identifiers.push_back({"occurred_at", stop->started, "startedDateTime of entry " + std::to_string(stop->index)});
        std::string message = stop->error_body.empty() ? shown_status(*stop) : stop->error_body;
        out.identifiers.push_back({"error_message", message, "answer of entry " + std::to_string(stop->index)});
    } else if (!out.sign_in.empty()) {
        const HarRequest& last = out.sign_in.back();
        out.verdict = "No request failed; the last sign-in step is entry " + std::to_string(last.index) + ", " + shown_request(last) + " (" +
                      last.step + "): " + shown_status(last) + ".";
    } else {
        out.verdict = out.entries == 0 ? "The file holds no requests." : "No sign-in requests and no failed requests in this file.";
    }
    return out;
}

namespace {

nlohmann::ordered_json request_json(const HarRequest& r) {
    nlohmann::ordered_json j = {{"entry", r.index}, {"started", r.started}, {"offset_ms", r.offset_ms}, {"time_ms", r.time_ms}, {"method", r.method},
                                {"url", r.url}, {"status", r.status}};
    if (!r.status_text.empty()) j["status_text"] = r.status_text;
    if (!r.error.empty()) j["error"] = r.error;
    if (!r.step.empty()) j["step"] = r.step;
    if (!r.location.empty()) j["location"] = r.location;
    if (!r.error_body.empty()) j["error_body"] = r.error_body;
    return j;
}

}  // namespace

std::string analysis_json(const HarAnalysis& a, const RedactionReport& report) {
    nlohmann::ordered_json j;
    j["entries"] = a.entries;
    j["verdict"] = a.verdict;
    for (const char* list : {"sign_in", "redirects", "failures", "slow"}) j[list] = nlohmann::ordered_json::array();
    for (const auto& r : a.sign_in) j["sign_in"].push_back(request_json(r));
    for (const auto& r : a.redirects) j["redirects"].push_back(request_json(r));
    for (const auto& r : a.failures) j["failures"].push_back(request_json(r));
    for (const auto& r : a.slow) j["slow"].push_back(request_json(r));
    j["identifiers"] = nlohmann::ordered_json::array();
    for (const auto& s : a.identifiers) j["identifiers"].push_back({{"field", s.field}, {"value", s.value}, {"source", s.source}});
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (size_t k = 0; k < redaction_kind_count; k++)
        if (report.counts[k] > 0) counts[std::string(to_string(static_cast<RedactionKind>(k)))] = report.counts[k];
    j["redactions"] = counts;
    // Every redaction (at most RedactionReport::rows_per_kind of each kind), for the user to review.
    j["redacted"] = nlohmann::ordered_json::array();
    for (const Redaction& r : report.rows)
        j["redacted"].push_back({{"kind", to_string(r.kind)}, {"where", r.where}, {"name", r.name}, {"marker", r.marker}});
    j["tokens"] = nlohmann::ordered_json::array();
    for (const auto& t : a.tokens) {
        nlohmann::ordered_json token = {{"kind", t.kind == TokenKind::Jwt ? "jwt" : "saml"}, {"where", t.where}, {"name", t.name},
                                        {"sent", t.sent}, {"summary", t.summary}, {"text", t.text}};
        put_lines_and_findings(token, t.lines, t.findings);
        j["tokens"].push_back(std::move(token));
    }
    return j.dump(2);
}

std::string analysis_text(const HarAnalysis& a, const RedactionReport& report) {
    std::string out;
    out += a.verdict + "\n\n";
    out += std::to_string(a.entries) + (a.entries == 1 ? " request" : " requests") + ", " + std::to_string(a.sign_in.size()) +
           " of them sign-in steps, " + std::to_string(a.failures.size()) + " failed.\n";
    auto line = [](const HarRequest& r) {
        char time[32];
        std::snprintf(time, sizeof time, "%8.0f ms", r.time_ms);
        std::string s = "  #" + std::to_string(r.index) + "  " + time + "  " + shown_status(r) + "  " + shown_request(r);
        if (!r.step.empty()) s += "  [" + r.step + "]";
        if (!r.location.empty()) s += "\n        -> " + (r.location.size() > 120 ? r.location.substr(0, 117) + "..." : r.location);
        if (!r.error_body.empty()) s += "\n        " + r.error_body;
        return s + "\n";
    };
    if (!a.sign_in.empty()) {
        out += "\nSign-in steps:\n";
        for (const auto& r : a.sign_in) out += line(r);
    }
    if (!a.failures.empty()) {
        out += "\nFailed requests:\n";
        for (const auto& r : a.failures) out += line(r);
    }
    if (!a.slow.empty()) {
        out += "\nSlow requests (over 2 s):\n";
        for (const auto& r : a.slow) out += line(r);
    }
    if (!a.identifiers.empty()) {
        out += "\nFor the ticket:\n";
        for (const auto& s : a.identifiers) out += "  " + s.field + ": " + s.value + "  (" + s.source + ")\n";
    }
    out += "\nRedacted: " + report.counts_text() + "\n";
    if (!a.tokens.empty()) {
        out += "\nTokens found (their signatures removed):\n";
        for (const auto& t : a.tokens) {
            out += "  " + t.summary + "\n    " + (t.name.empty() ? std::string() : t.name + " at ") + t.where + "\n";
            for (const auto& f : t.findings)
                out += std::string("    ") + (f.level == JwtFindingLevel::Problem ? "problem: " : f.level == JwtFindingLevel::Warning ? "warning: " : "note: ") +
                       f.message + "\n";
        }
    }
    return out;
}

}  // namespace core
