#include "core/flows/har_flow.hpp"

#include "core/flows/request_flow.hpp"
#include "core/flows/session_flow.hpp"
#include "core/flows/ticket_flow.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>

namespace core {

namespace {

// Reads the chosen file (again): every answer of an earlier reading is ignored from now on.
std::vector<Effect> read_file(State& state) {
    HarView& har = state.har;
    har.stage = HarStage::Reading;
    har.done = 0;
    har.report.reset();
    har.sanitized = {};
    har.error.clear();
    return {StartHarWorker{++har.run, har.source.id, har.user_texts, state.program.tenant_issuer}};
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

bool looks_like_har(const std::string& name) {
    const std::string lower = ascii_lowercase(name);
    return lower.ends_with(".har") || lower.ends_with(".json");
}

struct HarVisitor : FlowVisitor<HarActions> {
    using FlowVisitor::operator();
    HarView& har;
    explicit HarVisitor(State& s) : FlowVisitor(s), har(s.har) {}

    std::vector<Effect> operator()(const OpenHar& a) {
        har.for_route = state.program.find_route(a.route_id) ? a.route_id : std::string();
        har.for_ticket = a.ticket_id;
        har.message.clear();
        return navigate(state, HarScreen{});
    }
    std::vector<Effect> operator()(const PickHarFile&) { return {PickFile{FilePurpose::Har}}; }
    std::vector<Effect> operator()(const FileHeld& a) {
        // A screenshot or log picked on a ticket, or dropped on one, goes straight to it.
        const bool on_ticket = std::holds_alternative<TicketScreen>(state.screen) && !state.ticket.id.empty();
        if (a.purpose == FilePurpose::Attachment || (a.purpose == FilePurpose::Dropped && on_ticket && !looks_like_har(a.file.name))) {
            if (!on_ticket) return {};
            state.ticket.attach_error.clear();
            return upload_attachments(state, state.ticket.id, {a.file});
        }
        if (a.purpose == FilePurpose::Draft) return {};
        // A HAR file: dropped on a ticket it is for that ticket, on a form for that form.
        if (a.purpose == FilePurpose::Dropped) {
            if (on_ticket) {
                har.for_ticket = state.ticket.id;
                har.for_route.clear();
            } else if (const auto* route = std::get_if<RouteScreen>(&state.screen)) {
                har.for_route = route->route_id;
                har.for_ticket.clear();
            }
        }
        har.source = a.file;
        har.user_texts.clear();
        har.new_text.clear();
        har.message.clear();
        std::vector<Effect> effects = read_file(state);
        if (!std::holds_alternative<HarScreen>(state.screen)) append(effects, navigate(state, HarScreen{}));
        return effects;
    }
    std::vector<Effect> operator()(const HarProgress& a) {
        if (a.run == har.run && har.stage == HarStage::Reading) har.done = a.done;
        return {};
    }
    std::vector<Effect> operator()(const HarFinished& a) {
        if (a.run != har.run || har.stage != HarStage::Reading) return {};
        std::string error;
        har.report = read_har_report(a.report_json, error);
        if (!har.report) {
            har.stage = HarStage::Failed;
            har.error = error;
            return {};
        }
        har.stage = HarStage::Done;
        har.done = har.source.bytes;
        har.sanitized = a.sanitized;
        har.sanitized.name = sanitized_file_name(har.source.name);
        return {};
    }
    std::vector<Effect> operator()(const HarFailed& a) {
        if (a.run != har.run || har.stage != HarStage::Reading) return {};
        har.stage = HarStage::Failed;
        har.error = name_in_quotes(har.source.name) + " is not a HAR file the portal can read: " + a.message;
        return {};
    }
    std::vector<Effect> operator()(const EditHarRedaction& a) {
        har.new_text = a.text;
        return {};
    }
    std::vector<Effect> operator()(const AddHarRedaction&) {
        const std::string text(trim_spaces(har.new_text));
        if (text.empty()) return {};
        har.new_text.clear();
        if (std::find(har.user_texts.begin(), har.user_texts.end(), text) == har.user_texts.end()) har.user_texts.push_back(text);
        if (har.source.id == 0) return {};
        har.message = "Reading the file again without " + name_in_quotes(text) + ".";
        return read_file(state);
    }
    std::vector<Effect> operator()(const RemoveHarRedaction& a) {
        auto it = std::find(har.user_texts.begin(), har.user_texts.end(), a.text);
        if (it == har.user_texts.end()) return {};
        har.user_texts.erase(it);
        if (har.source.id == 0) return {};
        har.message.clear();
        return read_file(state);
    }
    std::vector<Effect> operator()(const DownloadSanitizedHar&) {
        if (har.stage != HarStage::Done || har.sanitized.id == 0) return {};
        return {SaveHeldFile{har.sanitized.id, har.sanitized.name}};
    }
    std::vector<Effect> operator()(const UseHarIdentifiers&) {
        const Route* route = state.program.find_route(har.for_route);
        if (har.stage != HarStage::Done || !route) return {};
        std::vector<std::string> filled, kept;
        std::vector<Effect> effects;
        for (const SuggestedIdentifier& s : har.report->analysis.identifiers) {
            const Field* field = route->find_field(s.field);
            if (!field || std::find(filled.begin(), filled.end(), field->caption) != filled.end()) continue;
            const std::string current = request_form(state, route->id).draft.fields[s.field];
            if (!current.empty() && current != s.value) {
                kept.push_back(field->caption);
                continue;
            }
            append(effects, update_requests(state, EditField{route->id, s.field, s.value}));
            filled.push_back(field->caption);
        }
        std::string notice = filled.empty() ? std::string() : "Filled from the HAR file: " + joined(filled) + ".";
        if (!kept.empty()) notice += (notice.empty() ? "" : " ") + std::string("Kept what you wrote in: ") + joined(kept) + ".";
        if (notice.empty()) notice = "The HAR file suggested nothing the " + route->title + " form asks for.";
        append(effects, navigate(state, RouteScreen{route->id}));
        state.notice = notice;
        return effects;
    }
    std::vector<Effect> operator()(const AttachSanitizedHar&) {
        if (har.stage != HarStage::Done || har.sanitized.id == 0) return {};
        if (const Route* route = state.program.find_route(har.for_route)) {
            RequestForm& form = request_form(state, route->id);
            auto same = [&](const HeldFile& f) { return f.name == har.sanitized.name; };
            std::erase_if(form.attachments, same);   // a newer reading of the same file replaces the older
            form.attachments.push_back(har.sanitized);
            std::vector<Effect> effects = navigate(state, RouteScreen{route->id});
            state.notice = name_in_quotes(har.sanitized.name) + " will be attached when you submit the request.";
            return effects;
        }
        if (!har.for_ticket.empty()) {
            const std::string ticket = har.for_ticket;
            std::vector<Effect> effects = upload_attachments(state, ticket, {har.sanitized});
            append(effects, navigate(state, TicketScreen{ticket}));
            return effects;
        }
        return {};
    }
    std::vector<Effect> operator()(const RemoveAttachment& a) {
        if (auto it = state.requests.find(a.route_id); it != state.requests.end())
            std::erase_if(it->second.attachments, [&](const HeldFile& f) { return f.id == a.file_id; });
        return {};
    }
    std::vector<Effect> operator()(const EditPastedToken& a) {
        har.token_text = a.text;
        har.token_error.clear();
        return {};
    }
    std::vector<Effect> operator()(const InspectPastedToken&) {
        if (trim_spaces(har.token_text).empty()) {
            har.token_error = "Paste a JWT or a SAML message first.";
            return {};
        }
        har.token_busy = true;
        har.token_error.clear();
        return {InspectToken{har.token_text}};
    }
    std::vector<Effect> operator()(const TokenInspected& a) {
        har.token_busy = false;
        std::string error;
        har.token = read_pasted_token_view(a.json, error);
        if (!har.token) har.token_error = error;
        else if (har.token->kind == "none") har.token_error = har.token->error;
        return {};
    }
};

}  // namespace

std::vector<Effect> update_har(State& state, const Action& action) { return std::visit(HarVisitor{state}, action); }

std::string sanitized_file_name(const std::string& name) {
    std::string stem = name;
    const std::string lower = ascii_lowercase(name);
    for (std::string_view ext : {".har", ".json"})
        if (lower.ends_with(ext)) {
            stem = name.substr(0, name.size() - ext.size());
            break;
        }
    if (stem.empty()) stem = "network";
    return stem + "-sanitized.har";
}

}  // namespace core
