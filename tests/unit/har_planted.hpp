// A synthetic HAR file with a secret planted in every place a HAR hides one
// (docs/plans/issue-17-har-tokens-attachments.md, section 2), and the check
// that a secret is gone: looked for in the text as it is, URL-decoded, and
// base64- or base64url-decoded (and raw-inflated, as SAML's redirect binding
// packs a message), in every string of the output and in every piece of one.
#pragma once

#include "core/har/raw_deflate.hpp"
#include "core/text/base64url.hpp"
#include "core/text/url_text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace har_planted {

using nlohmann::json;

// A JWS with the given claims and a signature that is itself a planted secret.
inline std::string jwt(const json& claims, const std::string& signature) {
    const json header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}};
    return core::base64url_encode(header.dump()) + "." + core::base64url_encode(claims.dump()) + "." + signature;
}

inline std::string saml_xml(const std::string& signature_value, const std::string& cipher_value = "") {
    std::string xml =
        R"(<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" )"
        R"(ID="_req1" Version="2.0" IssueInstant="2026-12-07T10:00:00Z" Destination="https://idp.example.com/sso">)"
        R"(<saml:Issuer>https://app.example.com/saml</saml:Issuer>)"
        R"(<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:Reference URI="#_req1">)"
        R"(<ds:DigestValue>c29tZWRpZ2VzdA==</ds:DigestValue></ds:Reference></ds:SignedInfo>)"
        "<ds:SignatureValue>\n" + signature_value + "\n</ds:SignatureValue></ds:Signature>";
    if (!cipher_value.empty())
        xml += R"(<xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"><xenc:CipherData><xenc:CipherValue>)" + cipher_value +
               "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>";
    return xml + "</samlp:AuthnRequest>";
}

inline json header(const std::string& name, const std::string& value) { return {{"name", name}, {"value", value}}; }

inline json entry(const std::string& method, const std::string& url, int status) {
    return {{"startedDateTime", "2026-12-07T10:00:00.000Z"},
            {"time", 120.5},
            {"request",
             {{"method", method}, {"url", url}, {"httpVersion", "HTTP/2"}, {"headers", json::array()}, {"queryString", json::array()},
              {"cookies", json::array()}, {"headersSize", -1}, {"bodySize", 0}}},
            {"response",
             {{"status", status}, {"statusText", ""}, {"httpVersion", "HTTP/2"}, {"headers", json::array()}, {"cookies", json::array()},
              {"content", {{"size", 0}, {"mimeType", "text/plain"}}}, {"redirectURL", ""}, {"headersSize", -1}, {"bodySize", 0}}},
            {"cache", json::object()},
            {"timings", {{"send", 1}, {"wait", 100}, {"receive", 19.5}}}};
}

struct Planted {
    std::string text;                    // the HAR file
    std::vector<std::string> secrets;    // each must be gone
    std::vector<std::string> user_texts; // what the user adds to redact
    std::vector<std::string> kept;       // each must stay, as written
};

inline Planted planted_har() {
    Planted p;
    auto plant = [&](std::string secret) {
        p.secrets.push_back(secret);
        return secret;
    };
    const std::string jwt_location = jwt({{"sub", "user-123"}, {"iss", "https://login.example.com/"}}, plant("SigLocationJwt01xyz"));
    const std::string jwt_json = jwt({{"sub", "user-123"}, {"aud", "app1"}}, plant("SigJsonJwt02xyz"));
    const std::string jwt_html = jwt({{"sub", "user-123"}, {"nonce", "n-0S6"}}, plant("SigHtmlJwt03xyz"));
    const std::string jwt_multipart = jwt({{"sub", "user-456"}}, plant("SigMultipartJwt04"));
    const std::string jwt_header = jwt({{"sub", "user-789"}}, plant("SigBearerJwt05xyz"));
    const std::string jwt_comment = jwt({{"sub", "user-000"}}, plant("SigCommentJwt06xyz"));
    const std::string jwt_dpop = jwt({{"htm", "POST"}}, plant("SigDpopJwt07xyz"));

    json entries = json::array();

    // 0: /authorize with userinfo, state, a nested redirect_uri, cookies of
    // every name shape, bearer and API-key headers in mixed case, and a 302
    // whose Location carries tokens in its fragment.
    {
        const std::string state = plant("StateValue08");
        const std::string url = "https://alice:" + plant("UrlPassword09") + "@login.example.com/authorize?client_id=app1&state=" + state +
                                "&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fcode%3D" + plant("NestedCode10") + "&response_type=code";
        json e = entry("GET", url, 302);
        auto& rq = e["request"];
        rq["queryString"] = {header("client_id", "app1"), header("state", state),
                             header("redirect_uri", "https%3A%2F%2Fapp.example.com%2Fcb%3Fcode%3DNestedCode10"), header("response_type", "code")};
        rq["headers"] = {header("COOKIE", "sid=" + plant("CookieSid11") + "; a.b*c[0]=" + plant("CookieRegex12") + "; $Version=" +
                                              plant("CookieDollar13") + "; __Secure-1PSID=" + plant("CookieSecure14")),
                         header("authorization", "Bearer " + plant("OpaqueBearer15")),
                         header("X-Api-Key", plant("ApiKeyHeader16")),
                         header("x-csrf-token", plant("CsrfHeader17")),
                         header(":path", "/authorize?state=" + state + "&access_token=" + plant("AccessTokenPath18")),
                         header("Referer", "https://app.example.com/start?token=" + plant("RefererToken19")),
                         header("Auth0-Client", "eyJuYW1lIjoibG9jay5qcyJ9"),
                         header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)")};
        rq["cookies"] = {header("sid", "CookieSid11"), header("a.b*c[0]", "CookieRegex12")};
        auto& rs = e["response"];
        const std::string location = "https://app.example.com/cb#access_token=" + plant("FragmentToken20") + "&id_token=" + jwt_location +
                                     "&state=" + state + "&token_type=Bearer";
        rs["headers"] = {header("location", location),
                         header("Set-Cookie", "session=" + plant("SetCookie21") + "; Path=/; HttpOnly; Secure\nother=" + plant("SetCookie22") +
                                                  "; Domain=example.com; SameSite=Lax"),
                         header("x-request-id", "req-7f3a")};
        rs["cookies"] = {{{"name", "session"}, {"value", "SetCookie21"}, {"path", "/"}, {"httpOnly", true}}};
        rs["redirectURL"] = location;
        e["_initiator"] = {{"type", "script"}, {"stack", {{"callFrames", {{{"url", "https://app.example.com/app.js?token=" + plant("InitiatorToken23")}}}}}}};
        entries.push_back(e);
    }
    // 1: the token request: a form body and its params; a JSON answer; a
    // Basic proxy credential.
    {
        json e = entry("POST", "https://login.example.com/oauth/token", 200);
        auto& rq = e["request"];
        const std::string code = plant("FormCode24"), secret = plant("FormClientSecret25"), verifier = plant("FormVerifier26");
        rq["headers"] = {header("Content-Type", "application/x-www-form-urlencoded"),
                         header("PROXY-AUTHORIZATION", "Basic " + core::base64_encode("proxyuser:" + plant("ProxyPassword27")))};
        rq["postData"] = {{"mimeType", "application/x-www-form-urlencoded"},
                          {"text", "grant_type=authorization_code&code=" + code + "&client_secret=" + secret + "&code_verifier=" + verifier +
                                       "&client_id=app1"},
                          {"params", {header("grant_type", "authorization_code"), header("code", code), header("client_secret", secret),
                                      header("code_verifier", verifier), header("client_id", "app1")}}};
        e["response"]["content"] = {{"size", 200},
                                    {"mimeType", "application/json; charset=utf-8"},
                                    {"text", json{{"access_token", plant("JsonAccess28")}, {"refresh_token", plant("JsonRefresh29")},
                                                  {"id_token", jwt_json}, {"token_type", "Bearer"}, {"expires_in", 86400}}
                                                 .dump()}};
        entries.push_back(e);
    }
    // 2: a form_post answer: an HTML page whose form holds an id_token, a
    // state and a SAMLResponse (HTTP-POST binding, with an encrypted part).
    {
        json e = entry("POST", "https://login.example.com/u/login", 200);
        const std::string saml = core::base64_encode(saml_xml(plant("PostSignatureValue30"), plant("PostCipherValue31")));
        const std::string html = "<!DOCTYPE html><html><head><title>Working…</title></head><body onload=\"document.forms[0].submit()\">"
                                 "<form method=\"post\" action=\"https://app.example.com/callback?x=1&amp;code=" + plant("ActionCode32") + "\">"
                                 "<input type=\"hidden\" name=\"id_token\" value=\"" + jwt_html + "\"/>"
                                 "<input type='hidden' name='state' value='" + plant("HtmlState33") + "'/>"
                                 "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + saml + "\">"
                                 "<noscript>Press continue; company note " + "ACME-INTERNAL-43" + "</noscript></form></body></html>";
        e["response"]["content"] = {{"size", html.size()}, {"mimeType", "text/html; charset=utf-8"}, {"text", html}};
        p.user_texts.push_back("ACME-INTERNAL-43");
        p.secrets.push_back("ACME-INTERNAL-43");
        entries.push_back(e);
    }
    // 3: a JSON login with nested secrets and a PIN as a number; a base64
    // JSON answer.
    {
        json e = entry("POST", "https://login.example.com/usernamepassword/login", 401);
        const json body = {{"client_id", "app1"},
                           {"connection", "Username-Password-Authentication"},
                           {"username", "alice@example.com"},
                           {"password", plant("JsonPassword34")},
                           {"new_password", plant("JsonNewPassword35")},
                           {"user", {{"credentials", {{"otp", plant("NestedOtp36")}}}}},
                           {"pin", 482913},
                           {"query", "mutation { login }"},
                           {"variables", {{"sessionToken", plant("GraphqlSession37")}}}};
        p.secrets.push_back("482913");
        e["request"]["postData"] = {{"mimeType", "application/json"}, {"text", body.dump()}};
        e["response"]["content"] = {{"size", 80},
                                    {"mimeType", "application/json"},
                                    {"encoding", "base64"},
                                    {"text", core::base64_encode(json{{"error", "invalid_grant"},
                                                                      {"session_token", plant("Base64Session38")},
                                                                      {"error_description", "Wrong email or password."}}
                                                                     .dump())}};
        e["response"]["headers"] = {header("X-Auth-Token", plant("XAuthToken39")), header("Content-Type", "application/json")};
        e["comment"] = "pasted " + jwt_comment + " by hand";
        entries.push_back(e);
    }
    // 4: a WebSocket with an API key in its URL and queryString, a JSON text
    // frame and a base64 binary frame.
    {
        const std::string key = plant("WsApiKey40");
        json e = entry("GET", "wss://ws.example.com/socket?api_key=" + key + "&notify_self=1", 101);
        e["request"]["queryString"] = {header("api_key", key), header("notify_self", "1")};
        e["_resourceType"] = "websocket";
        e["_webSocketMessages"] = {
            {{"type", "send"}, {"time", 1.5}, {"opcode", 1}, {"data", json{{"api_key", key}, {"token", plant("WsFrameToken41")}}.dump()}},
            {{"type", "receive"}, {"time", 1.6}, {"opcode", 2}, {"data", core::base64_encode(json{{"secret", plant("WsBinarySecret42")}}.dump())}}};
        entries.push_back(e);
    }
    // 5: SAML's HTTP-Redirect binding: the request deflated in the query,
    // with its Signature parameter.
    {
        const std::string deflated = core::base64_encode(core::deflate_raw(saml_xml(plant("RedirectSignatureValue44"))));
        const std::string url = "https://idp.example.com/sso?SAMLRequest=" + core::url_escape(deflated) + "&RelayState=" + plant("RelayState45") +
                                "&SigAlg=http%3A%2F%2Fwww.w3.org%2F2000%2F09%2Fxmldsig%23rsa-sha1&Signature=" + plant("QuerySignature46");
        json e = entry("GET", url, 200);
        e["request"]["queryString"] = {header("SAMLRequest", core::url_escape(deflated)), header("RelayState", "RelayState45"),
                                       header("SigAlg", "http%3A%2F%2Fwww.w3.org%2F2000%2F09%2Fxmldsig%23rsa-sha1"),
                                       header("Signature", "QuerySignature46")};
        entries.push_back(e);
    }
    // 6: multipart with a password part and a JWT in a text part; Digest and
    // a JWT bearer in upper-case header names; DPoP.
    {
        json e = entry("POST", "https://api.example.com/upload", 201);
        const std::string text = "--XyZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n" + plant("MultipartPassword47") +
                                 "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nsee " + jwt_multipart + "\r\n--XyZ--\r\n";
        e["request"]["postData"] = {{"mimeType", "multipart/form-data; boundary=XyZ"}, {"text", text}};
        e["request"]["headers"] = {
            header("AUTHORIZATION", "Bearer " + jwt_header),
            header("Proxy-Authorization", "Digest username=\"bob\", realm=\"r\", nonce=\"" + plant("DigestNonce48") + "\", uri=\"/x\", response=\"" +
                                              plant("DigestResponse49") + "\", cnonce=\"" + plant("DigestCnonce50") + "\", qop=auth"),
            header("DPoP", jwt_dpop),
            header("x-amz-security-token", plant("AmzToken51"))};
        entries.push_back(e);
    }

    json pages = {{{"startedDateTime", "2026-12-07T10:00:00.000Z"},
                   {"id", "page_1"},
                   {"title", "https://app.example.com/cb?code=" + plant("PageTitleCode52")},
                   {"pageTimings", {{"onLoad", 812}}}}};
    const json har = {{"log", {{"version", "1.2"}, {"creator", {{"name", "WebInspector"}, {"version", "537.36"}}}, {"pages", pages}, {"entries", entries}}}};
    p.text = har.dump(2);
    p.kept = {"login.example.com", "/authorize", "app.example.com", "/oauth/token", "client_id", "app1", "Username-Password-Authentication",
              "alice@example.com", "wss://ws.example.com/socket", "notify_self", "x-request-id", "req-7f3a", "eyJuYW1lIjoibG9jay5qcyJ9",
              "Path=/; HttpOnly; Secure", "Domain=example.com; SameSite=Lax", "a.b*c[0]=", "__Secure-1PSID=", "$Version=", "Bearer ",
              "Basic ", "Digest username=\\\"bob\\\"", "token_type", "expires_in", "\"status\": 401", "120.5",
              "\"wait\": 100", "idp.example.com/sso", "SAMLRequest=", "SigAlg=", "multipart/form-data; boundary=XyZ",
              "name=\\\"password\\\"", "2026-12-07T10:00:00.000Z", "page_1"};
    return p;
}

// Every text a check should look in, from one output string: itself, URL-
// decoded, and each piece of either between separators, base64- and
// base64url-decoded, and inflated.
inline void decoded_forms(const std::string& text, std::vector<std::string>& out, int depth = 0) {
    out.push_back(text);
    const std::string unescaped = core::url_unescape(text, true);
    if (unescaped != text) out.push_back(unescaped);
    if (depth > 1) return;
    for (const std::string& whole : {text, unescaped}) {
        size_t from = 0;
        while (from < whole.size()) {
            size_t end = whole.find_first_of("&=?#;,\"' <>\r\n.:", from);
            if (end == std::string::npos) end = whole.size();
            const std::string piece = whole.substr(from, end - from);
            if (piece.size() >= 8) {
                for (const auto& bytes : {core::base64_decode(piece), core::base64url_decode(piece)}) {
                    if (!bytes) continue;
                    decoded_forms(*bytes, out, depth + 1);
                    if (auto inflated = core::inflate_raw(*bytes, 1 << 22)) decoded_forms(*inflated, out, depth + 1);
                }
            }
            from = end + 1;
        }
    }
}

inline void collect_strings(const nlohmann::json& value, std::vector<std::string>& out) {
    if (value.is_string()) {
        out.push_back(value.get<std::string>());
        // JSON in a string (bodies, frames) is searched as its own strings too.
        const auto inner = nlohmann::json::parse(value.get<std::string>(), nullptr, false);
        if (!inner.is_discarded() && (inner.is_object() || inner.is_array())) collect_strings(inner, out);
    } else if (value.is_object() || value.is_array()) {
        for (const auto& item : value) collect_strings(item, out);
    }
}

// `secret` is nowhere in `har`'s text, in any decoded form.
inline void expect_gone(const std::string& har, const std::string& secret) {
    INFO("secret: ", secret);
    CHECK(har.find(secret) == std::string::npos);
    const auto parsed = nlohmann::json::parse(har);
    std::vector<std::string> strings;
    collect_strings(parsed, strings);
    for (const std::string& s : strings) {
        std::vector<std::string> forms;
        decoded_forms(s, forms);
        for (const std::string& form : forms) {
            if (form.find(secret) != std::string::npos) {
                FAIL_CHECK("found in a decoded form of the string \"", s.substr(0, 200), "\"");
                return;
            }
        }
    }
}

}  // namespace har_planted
