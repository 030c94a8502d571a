// One field of a request form: caption, the box, its problems in words right
// under it, then what the portal read from the value (a timestamp in the
// user's zone, the redirect URI compared part by part, a decoded token), and
// the hint with an example.
#include "layout.hpp"
#include "request_form.hpp"
#include "style.hpp"
#include "widgets.hpp"

#include "core/checks/jwt_inspection.hpp"
#include "core/checks/redirect_uri.hpp"
#include "core/flows/request_flow.hpp"
#include "core/text/time_text.hpp"
#include "core/checks/timestamp_text.hpp"

#include <misc/cpp/imgui_stdlib.h>

namespace ui {

namespace {

const std::string& field_value(const core::RequestForm& form, const std::string& id) {
    static const std::string empty;
    auto it = form.draft.fields.find(id);
    return it == form.draft.fields.end() ? empty : it->second;
}

void small_line(ImU32 colour, const std::string& text) {
    paragraph(fonts().small, colour, text);
    expose_label(text);
}

void draw_timestamp_reading(const core::State& state, const std::string& value) {
    if (value.empty()) return;
    const core::TimestampReading reading = core::read_timestamp(value, core::viewer_zone(state));
    if (!reading.instant) return;   // the problem under the field says why
    const core::TimeZone* zone = core::viewer_zone(state);
    std::string text = "Read as " + core::format_full(*reading.instant, zone);
    if (zone && state.viewer_time_zone != "UTC") text += " \xC2\xB7 " + core::format_full(*reading.instant, nullptr);
    if (!reading.had_zone)
        text += " (no zone given: read in " + (state.viewer_time_zone.empty() ? "UTC" : state.viewer_time_zone) + ")";
    small_line(colour::text_secondary, text);
}

void draw_redirect_comparison(const core::RequestForm& form, const std::string& sent, float width) {
    const std::vector<std::string> registered = core::split_url_lines(field_value(form, "registered_redirect_uris"));
    if (registered.empty() || sent.empty()) return;
    const core::RedirectComparison comparison = core::compare_redirect_uri(registered, sent);
    if (comparison.matches) {
        small_line(colour::success_text, "\xE2\x9C\x93 Matches a registered redirect URI exactly.");
        return;
    }
    if (!comparison.closest || comparison.differences.empty()) return;
    const Fonts& f = fonts();
    std::vector<TextRun> runs;
    runs.push_back({f.body_strong, colour::text, "Compared with " + registered[*comparison.closest], 0, false});
    for (const core::RedirectDifference& difference : comparison.differences) {
        runs.push_back({f.small, colour::danger_text, std::string(core::describe(difference.kind)), 8, false});
        runs.push_back({f.small, colour::text, difference.explanation, 2, false});
    }
    ImGui::Dummy(ImVec2(0, px(4)));
    callout(runs, colour::surface, colour::border_strong, width);
}

ImU32 finding_colour(core::JwtFindingLevel level) {
    switch (level) {
    case core::JwtFindingLevel::Problem: return colour::danger_text;
    case core::JwtFindingLevel::Warning: return colour::warning_text;
    case core::JwtFindingLevel::Note: return colour::text_secondary;
    }
    return colour::text_secondary;
}

void draw_token(const core::State& state, const core::RequestForm& form, const std::string& token, float width) {
    if (token.empty()) return;
    core::JwtExpectations expect;
    expect.now = state.now;
    expect.zone = core::viewer_zone(state);
    expect.issuer = core::tenant_issuer(state.program, field_value(form, "tenant"));
    const core::JwtInspection inspection = core::inspect_jwt(token, expect);
    if (!inspection.decoded) return;   // the problem under the field says why
    const Fonts& f = fonts();
    ImGui::Dummy(ImVec2(0, px(4)));
    small_line(colour::text_secondary, "Decoded here in your browser; the token was not sent anywhere.");
    for (const core::JwtFinding& finding : inspection.findings) {
        ImGui::PushFont(f.small);
        ImGui::PushStyleColor(ImGuiCol_Text, finding_colour(finding.level));
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine();
        small_line(finding_colour(finding.level), finding.message);
    }
    // Phones: one column, each claim's name above its value.
    const bool stacked = narrow_layout();
    if (ImGui::BeginTable("##claims", stacked ? 1 : 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(width, 0))) {
        if (!stacked) ImGui::TableSetupColumn("Claim", ImGuiTableColumnFlags_WidthFixed, px(110));
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch);
        for (const core::JwtClaimLine& line : inspection.claim_lines) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            small_line(colour::text_secondary, line.name);
            if (!stacked) ImGui::TableNextColumn();
            small_line(colour::text, line.value);
        }
        ImGui::EndTable();
    }
}

}  // namespace

void issue_text(const core::FieldIssue& issue) {
    if (issue.blocking) {
        field_error_text(issue.message);
        return;
    }
    paragraph(fonts().small, colour::warning_text, "\xE2\x9A\xA0 " + issue.message);
    expose_label(issue.message);
}

void draw_request_field(const core::State& state, const core::RequestForm& form, const core::Field& field, float width,
                        Actions& out) {
    const Fonts& f = fonts();
    const std::string& route_id = form.draft.route;
    ImGui::PushID(field.id.c_str());

    ImGui::PushFont(f.body_strong);
    ImGui::TextUnformatted(field.caption.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, px(8));
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour::text_secondary);
    ImGui::TextUnformatted(field.required ? "Required" : "Optional");
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const std::vector<core::FieldIssue> issues = core::visible_issues(form, field.id);
    bool blocked = false;
    for (const core::FieldIssue& issue : issues) blocked = blocked || issue.blocking;

    std::string value = field_value(form, field.id);
    bool changed = false;
    // A kept draft puts the keyboard back where the person was typing, once;
    // the field takes it a frame later (a choice has no text cursor to put).
    const bool restoring = form.focus == field.id && form.restore_focus != core::FocusRestore::None;
    if (restoring && form.restore_focus == core::FocusRestore::Wanted) {
        out.push_back(core::FocusRestoreAsked{route_id});
        if (field.kind == core::FieldKind::Choice) out.push_back(core::FocusRestored{route_id});
        else ImGui::SetKeyboardFocusHere();
    }
    auto on_activated = [&] {
        if (restoring) {
            put_text_cursor_at_end();   // go on typing, not replace what is there
            out.push_back(core::FocusRestored{route_id});
        }
        out.push_back(core::FocusField{route_id, field.id});
    };
    // What a screen reader says after the field's name: its problems, else its hint.
    std::string description;
    for (const core::FieldIssue& issue : issues) description += (description.empty() ? "" : " ") + issue.message;
    if (description.empty()) description = field.hint;
    auto describe_field = [&](bool multiline) {
        ItemState& item = describe(Role::TextField);
        item.value = value;
        item.description = description;
        item.invalid = blocked;
        item.required = field.required;
        item.multiline = multiline;
        if (field.kind == core::FieldKind::RedirectUri || field.kind == core::FieldKind::UrlList) item.input_mode = "url";
    };
    if (blocked) ImGui::PushStyleColor(ImGuiCol_Border, colour::danger_border);
    ImGui::SetNextItemWidth(width);
    switch (field.kind) {
    case core::FieldKind::LongText:
    case core::FieldKind::UrlList:
    case core::FieldKind::Jwt: {
        const float height = field.kind == core::FieldKind::LongText ? px(140) : px(76);
        changed = ImGui::InputTextMultiline("##value", &value, ImVec2(width, height));
        expose_label(field.caption);
        describe_field(true);
        if (ImGui::IsItemActivated()) on_activated();
        if (ImGui::IsItemDeactivated()) out.push_back(core::LeaveField{route_id, field.id});
        focus_ring_if_active();
        break;
    }
    case core::FieldKind::Choice: {
        const char* preview = value.empty() ? "Choose one" : value.c_str();
        const ImGuiID combo_id = ImGui::GetID("##value");
        const bool open = ImGui::BeginCombo("##value", preview);
        expose_label(combo_id, field.caption);
        ItemState& combo = describe(Role::ComboBox);
        combo.value = value.empty() ? "Choose one" : value;
        combo.expanded = open;
        combo.required = field.required;
        combo.description = description;
        combo.invalid = blocked;
        if (open) {
            begin_group(Role::ListBox, field.caption);
            for (const std::string& choice : field.choices) {
                const bool picked = ImGui::Selectable(choice.c_str(), choice == value, 0, option_size());
                describe(Role::Option).selected = choice == value;
                if (picked) {
                    value = choice;
                    changed = true;
                    out.push_back(core::LeaveField{route_id, field.id});   // a choice is complete when made
                }
            }
            end_group();
            ImGui::EndCombo();
        }
        break;
    }
    default: {
        // No placeholder: a grey example inside the box reads like a value.
        changed = ImGui::InputText("##value", &value);
        expose_label(field.caption);
        describe_field(false);
        if (ImGui::IsItemActivated()) on_activated();
        if (ImGui::IsItemDeactivated()) out.push_back(core::LeaveField{route_id, field.id});
        focus_ring_if_active();
        break;
    }
    }
    if (blocked) ImGui::PopStyleColor();
    if (changed) out.push_back(core::EditField{route_id, field.id, value});

    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    // A token's warnings are listed with its decoded claims, by level.
    for (const core::FieldIssue& issue : issues)
        if (issue.blocking || field.kind != core::FieldKind::Jwt) issue_text(issue);
    if (field.kind == core::FieldKind::Timestamp) draw_timestamp_reading(state, value);
    if (field.kind == core::FieldKind::RedirectUri) draw_redirect_comparison(form, value, width);
    if (field.kind == core::FieldKind::Jwt) draw_token(state, form, value, width);
    if (!field.hint.empty()) paragraph(f.small, colour::text_secondary, field.hint);
    if (!field.example.empty() && field.kind != core::FieldKind::Choice)
        paragraph(f.small, colour::text_secondary, "Example: " + field.example);
    ImGui::PopTextWrapPos();
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, px(14)));
}

}  // namespace ui
