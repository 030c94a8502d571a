// What the HAR worker tells the page, read back from its JSON: the analysis
// of a file (har_analysis.hpp's analysis_json) and a pasted token
// (pasted_token.hpp's pasted_token_json). The page links only this reader,
// never core/har itself: its types are shared, its code (and pugixml and
// zlib) stays in the worker.
#pragma once

#include "core/har/har_analysis.hpp"   // the types only

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core {

struct HarRedactionRow {
    std::string kind;     // "cookie", "authorization", ... (RedactionKind's names)
    std::string where;    // "log.entries[3].request.headers[2]"
    std::string name;     // the cookie, header, parameter or member
    std::string marker;   // what the value became
};

struct HarReport {
    HarAnalysis analysis;
    std::vector<std::pair<std::string, size_t>> counts;   // per kind, in the worker's order
    std::vector<HarRedactionRow> redacted;                 // at most 500 of each kind
    size_t total_redactions() const;
};

// Never throws; nullopt with `error` filled when the text is not a report.
std::optional<HarReport> read_har_report(std::string_view json_text, std::string& error);

struct PastedTokenView {
    std::string kind;     // "jwt", "saml", "none"
    std::string error;    // when kind == "none"
    std::string title;
    std::string header;   // a JWT's header
    std::string xml;      // a SAML message's XML
    std::vector<JwtClaimLine> lines;
    std::vector<JwtFinding> findings;
};
std::optional<PastedTokenView> read_pasted_token_view(std::string_view json_text, std::string& error);

// "1.2 MB", "340 KB", "12 bytes": a file's size for people.
std::string size_text(long long bytes);

}  // namespace core
