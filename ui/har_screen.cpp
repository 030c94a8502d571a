// The HAR screen (#/har): choose or drop a HAR file; while the HAR worker
// reads it, a progress bar; then where the sign-in stopped and why, the
// sign-in steps as a waterfall, failed and slow requests, the identifiers
// the ticket should carry, the tokens decoded, and every redaction grouped
// by kind, with the person's own texts to remove too; then download the
// sanitised copy or attach it. Below: the JWT and SAML viewer.
#include "layout.hpp"
#include "screens.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/text/utf8_text.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace ui {

namespace {

constexpr size_t rows_shown_per_kind = 12;

// "cookie" -> what a person calls that kind of redaction.
std::string kind_words(const std::string& kind) {
    if (kind == "cookie") return "Cookie values";
    if (kind == "authorization") return "Authorization credentials";
    if (kind == "header") return "API-key, CSRF and session headers";
    if (kind == "url password") return "Passwords in URLs";
    if (kind == "url parameter") return "URL parameters (code, state, tokens...)";
    if (kind == "form field") return "Form fields";
    if (kind == "json field") return "JSON members";
    if (kind == "html field") return "HTML form fields";
    if (kind == "jwt signature") return "JWT signatures (claims kept)";
    if (kind == "saml signature") return "SAML signatures (content kept)";
    if (kind == "your text") return "Your own texts";
    return kind;
}

std::string request_line(const core::HarRequest& r) {
    std::string status = r.status == 0 ? (r.error.empty() ? "no answer" : r.error) : std::to_string(r.status);
    return "#" + std::to_string(r.index) + "  " + status + "  " + r.method + " " + r.url;
}

void small_line(ImU32 colour, const std::string& text) { paragraph(fonts().small, colour, text); }

void finding_lines(const std::vector<core::JwtFinding>& findings) {
    for (const core::JwtFinding& finding : findings) {
        const bool problem = finding.level == core::JwtFindingLevel::Problem;
        const bool warning = finding.level == core::JwtFindingLevel::Warning;
        paragraph(fonts().body, problem ? colour::danger_text : warning ? colour::warning_text : colour::text_secondary,
                  std::string(problem ? "Problem: " : warning ? "Warning: " : "Note: ") + finding.message);
    }
}

void claim_lines(const std::vector<core::JwtClaimLine>& lines) {
    for (const core::JwtClaimLine& line : lines) paragraph(fonts().body, colour::text, line.name + ": " + line.value);
}

void draw_picker(const core::HarView& har, Actions& out) {
    const Fonts& f = fonts();
    if (button(har.stage == core::HarStage::Empty ? "Choose a HAR file\xE2\x80\xA6" : "Choose another file\xE2\x80\xA6", true))
        out.push_back(core::PickHarFile{});
    beside_if_room("or drop it on this page");
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(f.body);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
    ImGui::TextUnformatted("or drop it on this page");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    expose_label("or drop it on this page");
    ImGui::Dummy(ImVec2(0, px(4)));
    small_line(colour::text_secondary,
               "To save one: in Chrome or Edge open the developer tools (F12), tick Preserve log on the Network tab, "
               "sign in again until it fails, then choose Export HAR. In Firefox: Network, the gear menu, Save All As HAR.");
}

void draw_progress(const core::HarView& har, float width) {
    const float fraction = har.source.bytes > 0 ? float(double(har.done) / double(har.source.bytes)) : 0.f;
    const std::string words = "Reading " + core::name_in_quotes(har.source.name) + ": " + core::size_text(har.done) + " of " +
                              core::size_text(har.source.bytes);
    paragraph(fonts().body, colour::text, words);
    describe(Role::Status);
    // A plain bar (the words above say the same for screen readers).
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float bar = std::min(width, px(480));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + bar, at.y + px(10)), colour::neutral_soft, px(5));
    dl->AddRectFilled(at, ImVec2(at.x + std::max(px(10), bar * std::clamp(fraction, 0.f, 1.f)), at.y + px(10)), colour::accent, px(5));
    ImGui::Dummy(ImVec2(bar, px(10)));
}

// The sign-in steps as a waterfall: one row per step, its bar placed by when
// it started and as long as it took, on one time scale for all of them.
void draw_waterfall(const std::vector<core::HarRequest>& steps, float width) {
    if (steps.empty()) return;
    const Fonts& f = fonts();
    // Time runs from the first step (a file often holds requests from long before the sign-in).
    double begin = steps.front().offset_ms;
    for (const core::HarRequest& r : steps) begin = std::min(begin, r.offset_ms);
    double end = 1;
    for (const core::HarRequest& r : steps) end = std::max(end, r.offset_ms - begin + std::max(r.time_ms, 0.0));
    const bool stacked = narrow_layout();
    const float bar_x = stacked ? 0 : width * 0.62f;
    const float bar_width = stacked ? width : width - bar_x;
    for (const core::HarRequest& r : steps) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const std::string text = request_line(r) + (r.step.empty() ? "" : "  [" + r.step + "]");
        ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, r.failed() ? colour::danger_text : colour::text);
        ImGui::TextUnformatted(fit_to_width(f.small, text, stacked ? width : bar_x - px(12)).c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        char timing[64];
        std::snprintf(timing, sizeof timing, ", started at %.0f ms, took %.0f ms", r.offset_ms - begin, r.time_ms);
        expose_label(text + timing);
        const float y = stacked ? ImGui::GetCursorScreenPos().y : at.y + px(3);
        const float x0 = at.x + bar_x + float((r.offset_ms - begin) / end) * bar_width;
        const float x1 = std::max(x0 + px(2), at.x + bar_x + float((r.offset_ms - begin + std::max(r.time_ms, 0.0)) / end) * bar_width);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(at.x + bar_x, y), ImVec2(at.x + bar_x + bar_width, y + px(8)), colour::neutral_soft, px(2));
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + px(8)), r.failed() ? colour::danger_border : colour::accent, px(2));
        if (stacked) ImGui::Dummy(ImVec2(width, px(12)));
        else ImGui::Dummy(ImVec2(0, px(2)));
    }
}

void draw_requests(const char* title, const std::vector<core::HarRequest>& requests, bool with_time) {
    if (requests.empty()) return;
    ImGui::Dummy(ImVec2(0, px(10)));
    heading(title, 2);
    for (const core::HarRequest& r : requests) {
        paragraph(fonts().body, r.failed() ? colour::danger_text : colour::text, request_line(r));
        if (!r.error_body.empty()) small_line(colour::text_secondary, r.error_body);
        if (with_time) small_line(colour::text_secondary, "took " + std::to_string(static_cast<long long>(r.time_ms)) + " ms");
    }
}

void draw_identifiers(const core::State& state, const core::HarReport& report, Actions& out) {
    const auto& identifiers = report.analysis.identifiers;
    if (identifiers.empty()) return;
    ImGui::Dummy(ImVec2(0, px(10)));
    heading("For your request", 2);
    const core::Route* route = state.program.find_route(state.har.for_route);
    for (const core::SuggestedIdentifier& s : identifiers) {
        // Named as the form names it: this form's field, else any route's.
        const core::Field* field = route ? route->find_field(s.field) : nullptr;
        for (const core::Route& other : state.program.routes)
            if (!field) field = other.find_field(s.field);
        paragraph(fonts().body, colour::text, (field ? field->caption : s.field) + ": " + s.value);
        small_line(colour::text_secondary, "from " + s.source);
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    if (route) {
        if (button("Fill these into the " + route->title + " form", false)) out.push_back(core::UseHarIdentifiers{});
    } else {
        small_line(colour::text_secondary, "Open a request form and choose \xE2\x80\x9C" "Add a HAR file\xE2\x80\x9D there to fill these in.");
    }
}

void draw_tokens(const core::HarReport& report) {
    const auto& tokens = report.analysis.tokens;
    if (tokens.empty()) return;
    ImGui::Dummy(ImVec2(0, px(10)));
    heading("Tokens (" + std::to_string(tokens.size()) + ")", 2);
    for (size_t i = 0; i < tokens.size(); i++) {
        const core::HarToken& t = tokens[i];
        ImGui::Dummy(ImVec2(0, px(4)));
        paragraph(fonts().body_strong, colour::text,
                  std::string(t.kind == core::TokenKind::Saml ? "SAML" : "JWT") + " in " + t.name +
                      (t.summary.empty() ? "" : ": " + t.summary));
        small_line(colour::text_secondary, t.where + (t.sent.empty() ? "" : ", sent " + t.sent));
        claim_lines(t.lines);
        finding_lines(t.findings);
    }
}

void draw_redactions(const core::HarView& har, const core::HarReport& report, float width, Actions& out) {
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(10)));
    heading("Removed before anything is sent (" + std::to_string(report.total_redactions()) + ")", 2);
    small_line(colour::text_secondary,
               "Each value below became a marker such as REDACTED_Ab3\xE2\x80\xA6; the same secret gets the same marker "
               "everywhere in the file, so support can still follow it.");
    for (const auto& [kind, count] : report.counts) {
        ImGui::Dummy(ImVec2(0, px(6)));
        paragraph(f.body_strong, colour::text, kind_words(kind) + ": " + std::to_string(count));
        size_t shown = 0;
        for (const core::HarRedactionRow& row : report.redacted) {
            if (row.kind != kind) continue;
            if (shown++ == rows_shown_per_kind) break;
            small_line(colour::text_secondary, row.name + " \xC2\xB7 " + row.where + " \xE2\x86\x92 " + row.marker);
        }
        if (count > rows_shown_per_kind) small_line(colour::text_secondary, "and " + std::to_string(count - rows_shown_per_kind) + " more");
    }
    if (report.counts.empty()) paragraph(f.body, colour::text_secondary, "Nothing secret was found in this file.");

    ImGui::Dummy(ImVec2(0, px(10)));
    std::string text = har.new_text;
    if (form_field("##har-own-text", "Also remove", text, {},
                   "A name, an e-mail address, an account number: removed wherever it appears in the file.", false,
                   std::min(width, px(480))))
        out.push_back(core::EditHarRedaction{text});
    if (button("Remove it too", false)) out.push_back(core::AddHarRedaction{});
    for (const std::string& own : har.user_texts) {
        ImGui::PushID(own.c_str());
        paragraph(f.body, colour::text, "Removed: " + core::name_in_quotes(own));
        if (button("Put it back", false)) out.push_back(core::RemoveHarRedaction{own});
        expose_label("Put back " + core::name_in_quotes(own));
        ImGui::PopID();
    }
}

void draw_result(const core::State& state, float width, Actions& out) {
    const core::HarView& har = state.har;
    const core::HarReport& report = *har.report;
    const Fonts& f = fonts();
    const core::HarAnalysis& a = report.analysis;
    ImGui::Dummy(ImVec2(0, px(12)));
    heading("What the file shows", 2);
    ImGui::Dummy(ImVec2(0, px(4)));
    const bool failed = !a.failures.empty();
    callout({{f.body_strong, failed ? colour::warning_text : colour::text, a.verdict, 0, false},
             {f.small, colour::text_secondary,
              std::to_string(a.entries) + (a.entries == 1 ? " request" : " requests") + ", " + std::to_string(a.sign_in.size()) +
                  (a.sign_in.size() == 1 ? " sign-in step, " : " sign-in steps, ") + std::to_string(a.failures.size()) + " failed.",
              6, false}},
            failed ? colour::warning_soft : colour::surface, failed ? colour::warning_border : colour::border, width);
    describe(Role::Status);
    if (!a.sign_in.empty()) {
        ImGui::Dummy(ImVec2(0, px(10)));
        heading("Sign-in steps", 2);
        draw_waterfall(a.sign_in, width);
    }
    draw_requests("Failed requests", a.failures, false);
    draw_requests("Slow requests", a.slow, true);
    draw_identifiers(state, report, out);
    draw_tokens(report);
    draw_redactions(har, report, width, out);

    ImGui::Dummy(ImVec2(0, px(16)));
    const core::Route* route = state.program.find_route(har.for_route);
    const char* download = "Download the sanitised copy";
    if (route) {
        if (button("Attach to the " + route->title + " request", true)) out.push_back(core::AttachSanitizedHar{});
        beside_if_room(download);
    } else if (!har.for_ticket.empty()) {
        if (button("Attach to ticket " + har.for_ticket, true)) out.push_back(core::AttachSanitizedHar{});
        beside_if_room(download);
    }
    if (button(download, route == nullptr && har.for_ticket.empty())) out.push_back(core::DownloadSanitizedHar{});
    small_line(colour::text_secondary, core::name_in_quotes(har.sanitized.name) + ", " + core::size_text(har.sanitized.bytes) +
                                           ". Nothing has left this browser.");
}

void draw_token_viewer(const core::HarView& har, float width, Actions& out) {
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(24)));
    heading("Decode a token", 2);
    small_line(colour::text_secondary, "Paste a JWT, or a SAML request or response (as sent, URL-encoded or not). It is decoded here, never sent.");
    std::string text = har.token_text;
    if (text_area("##token-text", "JWT or SAML message", text, har.token_error, ImVec2(std::min(width, px(760)), px(110))))
        out.push_back(core::EditPastedToken{text});
    ImGui::Dummy(ImVec2(0, px(4)));
    if (submit_button("Decode", "Decoding\xE2\x80\xA6", har.token_busy)) out.push_back(core::InspectPastedToken{});
    if (!har.token || har.token->kind == "none") return;
    const core::PastedTokenView& token = *har.token;
    ImGui::Dummy(ImVec2(0, px(8)));
    paragraph(f.body_strong, colour::text, token.title);
    if (!token.header.empty()) paragraph(f.small, colour::text_secondary, "header: " + token.header);
    claim_lines(token.lines);
    finding_lines(token.findings);
}

}  // namespace

void draw_har_screen(const core::State& state, Column column, Actions& out) {
    const core::HarView& har = state.har;
    const Fonts& f = fonts();
    const float width = column.width;
    heading("HAR files and tokens");
    ImGui::Dummy(ImVec2(0, px(4)));
    paragraph(f.body, colour::text_secondary,
              "See where a sign-in broke, and give support a copy of the browser's network log with every cookie, "
              "password and token signature removed. The file is read in this browser: nothing leaves it until you attach the copy.");
    if (const core::Route* route = state.program.find_route(har.for_route))
        paragraph(f.body, colour::text, "For your " + route->title + " request.");
    else if (!har.for_ticket.empty())
        paragraph(f.body, colour::text, "For ticket " + har.for_ticket + ".");
    ImGui::Dummy(ImVec2(0, px(12)));
    draw_picker(har, out);
    ImGui::Dummy(ImVec2(0, px(12)));
    if (!har.message.empty()) small_line(colour::text_secondary, har.message);
    switch (har.stage) {
    case core::HarStage::Empty: break;
    case core::HarStage::Reading: draw_progress(har, width); break;
    case core::HarStage::Failed:
        callout({{f.body, colour::warning_text, har.error, 0, false}}, colour::warning_soft, colour::warning_border, width);
        describe(Role::Alert);
        break;
    case core::HarStage::Done: draw_result(state, width, out); break;
    }
    draw_token_viewer(har, width, out);
}

}  // namespace ui
