#include "core/flows/drafts_flow.hpp"

#include "core/flows/session_flow.hpp"
#include "core/model/draft_list.hpp"
#include "core/model/har_report.hpp"
#include "core/model/kept_draft.hpp"
#include "core/flows/request_flow.hpp"
#include "core/text/utf8_text.hpp"

#include <algorithm>
#include <cstdio>

namespace core {

// The keyboard goes back only into a field the route still has.
void ask_to_restore_focus(const State& state, RequestForm& form) {
    const Route* route = state.program.find_route(form.draft.route);
    const bool known = route && !form.focus.empty() && route->find_field(form.focus);
    form.restore_focus = known ? FocusRestore::Wanted : FocusRestore::None;
}

namespace {

std::vector<Effect> restore(State& state, const DraftRestored& a) {
    // A draft the device kept, read back after a reload, a closed tab or a
    // crash. What was typed since the page opened wins over it; one the
    // portal cannot read is left alone rather than shown in half.
    Parsed<KeptDraft> parsed = parse_kept_draft(a.json);
    if (!parsed || !state.program.find_route(parsed.value->draft.route)) return {};
    const std::string route_id = parsed.value->draft.route;
    auto it = state.requests.find(route_id);
    if (it != state.requests.end() && it->second.edited) return {};
    RequestForm& form = request_form(state, route_id);
    form.draft = std::move(parsed.value->draft);
    form.edited_at = parsed.value->edited_at;
    form.focus = std::move(parsed.value->focus);
    ask_to_restore_focus(state, form);
    recheck_request(state, form);
    return load_zones_named_in(state, form);
}

std::vector<Effect> import_file(State& state, const DraftImported& a) {
    const std::string file = name_in_quotes(a.file_name);
    auto refuse = [&](const std::string& why) {
        state.notice = "Could not import " + file + ": " + why + ". Nothing was changed.";
        return std::vector<Effect>{};
    };
    if (!a.read_error.empty()) return refuse("the browser could not read it (" + a.read_error + ")");
    const long long bytes = std::max<long long>(a.bytes, static_cast<long long>(a.text.size()));
    if (bytes > draft_file_max_bytes)
        return refuse("it is " + size_text(bytes) + ", and a draft file is at most 1 MB");
    Parsed<KeptDraft> parsed = parse_draft_file(a.text);
    if (!parsed) return refuse(parsed.error);
    KeptDraft& kept = *parsed.value;
    const Route* route = state.program.find_route(kept.draft.route);
    if (!route)
        return refuse("it is for a support route this portal does not have (\"" + kept.draft.route + "\")");
    for (const auto& [id, value] : kept.draft.fields)
        if (!route->find_field(id)) return refuse("it has a field \"" + id + "\" that the " + route->title + " form does not have");
    // Never overwrite: both drafts are someone's work.
    if (auto it = state.requests.find(route->id); it != state.requests.end() && has_content(state, it->second)) {
        state.notice = "You already have a " + route->title + " draft. Submit or discard it first, then import " +
                       file + " again. Nothing was changed.";
        return {};
    }
    state.requests.erase(route->id);
    // An Undo of this route's discarded draft could only be refused now.
    if (state.drafts.discarded && state.drafts.discarded->draft.route == route->id) state.drafts.discarded.reset();
    RequestForm& form = request_form(state, route->id);
    form.draft = std::move(kept.draft);
    form.edited = true;
    form.edited_at = state.now;
    form.focus = std::move(kept.focus);
    ask_to_restore_focus(state, form);
    recheck_request(state, form);
    state.notice = "Imported the " + route->title + " draft from " + file + ".";
    std::vector<Effect> effects{keep_on_device(form)};
    append(effects, navigate(state, RouteScreen{route->id}));
    return effects;
}

std::vector<Effect> sign_out(State& state) {
    state.drafts.sign_out_asked = false;
    return sign_out_now(state);
}

struct DraftsVisitor : FlowVisitor<DraftsActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const DraftRestored& a) { return restore(state, a); }
    std::vector<Effect> operator()(const FocusField& a) {
        if (!state.program.find_route(a.route_id)) return {};
        RequestForm& form = request_form(state, a.route_id);
        if (form.focus == a.field_id) return {};
        form.focus = a.field_id;
        form.restore_focus = FocusRestore::None;   // the person moved on first
        // Where the cursor is belongs to the draft; an empty form is no draft.
        if (!has_content(state, form)) return {};
        return {keep_on_device(form)};
    }
    std::vector<Effect> operator()(const FocusRestoreAsked& a) {
        auto it = state.requests.find(a.route_id);
        if (it != state.requests.end() && it->second.restore_focus == FocusRestore::Wanted)
            it->second.restore_focus = FocusRestore::Asked;
        return {};
    }
    std::vector<Effect> operator()(const FocusRestored& a) {
        if (auto it = state.requests.find(a.route_id); it != state.requests.end())
            it->second.restore_focus = FocusRestore::None;
        return {};
    }
    std::vector<Effect> operator()(const OpenDrafts&) { return navigate(state, DraftsScreen{}); }
    std::vector<Effect> operator()(const ResumeDraft& a) {
        auto it = state.requests.find(a.route_id);
        if (it == state.requests.end()) return {};
        ask_to_restore_focus(state, it->second);
        return navigate(state, RouteScreen{a.route_id});
    }
    std::vector<Effect> operator()(const DiscardDraft& a) {
        auto it = state.requests.find(a.route_id);
        if (it == state.requests.end()) return {};
        if (!it->second.queued_key.empty()) {
            state.notice = "The " + state.program.route_title(a.route_id) +
                           " request is queued to be sent. Open it and take it back to edit before discarding it.";
            return {};
        }
        state.drafts.discarded = std::move(it->second);
        state.requests.erase(it);
        return {DeleteDraft{draft_key(a.route_id)}};
    }
    std::vector<Effect> operator()(const UndoDiscardDraft&) {
        if (!state.drafts.discarded) return {};
        const std::string route_id = state.drafts.discarded->draft.route;
        if (auto it = state.requests.find(route_id); it != state.requests.end() && has_content(state, it->second)) {
            state.notice = "The " + state.program.route_title(route_id) +
                           " form has a newer draft. Submit or discard it first to bring the discarded one back.";
            return {};
        }
        RequestForm& form = state.requests[route_id] = std::move(*state.drafts.discarded);
        state.drafts.discarded.reset();
        form.busy = false;
        form.restore_focus = FocusRestore::None;
        recheck_request(state, form);
        return {keep_on_device(form)};
    }
    std::vector<Effect> operator()(const DismissUndoDiscard&) {
        state.drafts.discarded.reset();
        return {};
    }
    std::vector<Effect> operator()(const ExportDraft& a) {
        auto it = state.requests.find(a.route_id);
        if (it == state.requests.end() || !has_content(state, it->second)) {
            state.notice = "There is no " + state.program.route_title(a.route_id) + " draft to export.";
            return {};
        }
        const RequestForm& form = it->second;
        return {DownloadFile{draft_file_name(a.route_id, state.now, viewer_zone(state)),
                             kept_draft_to_json({form.draft, form.edited_at, form.focus}, /*pretty=*/true)}};
    }
    std::vector<Effect> operator()(const ImportDraft&) { return {PickFile{FilePurpose::Draft}}; }
    std::vector<Effect> operator()(const DraftImported& a) { return import_file(state, a); }
    std::vector<Effect> operator()(const SignOut&) {
        // Drafts outlive a session on purpose; on a shared computer the
        // person may not want them to, so ask.
        if (!list_drafts(state).empty()) {
            state.drafts.sign_out_asked = true;
            return {};
        }
        return sign_out(state);
    }
    std::vector<Effect> operator()(const KeepDraftsAndSignOut&) { return sign_out(state); }
    std::vector<Effect> operator()(const WipeDraftsAndSignOut&) {
        // Every key a draft can be kept under, not only the forms open now.
        std::set<std::string> routes;
        for (const Route& route : state.program.routes) routes.insert(route.id);
        for (const auto& [route_id, form] : state.requests) routes.insert(route_id);
        std::vector<Effect> effects;
        for (const std::string& route_id : routes) effects.push_back(DeleteDraft{draft_key(route_id)});
        // Queued requests are drafts waiting to be sent: they go too, so
        // nothing typed here is ever sent under someone else's session.
        for (const QueuedTicket& queued : state.outbox) effects.push_back(DropQueued{queued.key});
        state.outbox.clear();
        state.requests.clear();
        state.drafts.discarded.reset();
        append(effects, sign_out(state));
        return effects;
    }
    std::vector<Effect> operator()(const CancelSignOut&) {
        state.drafts.sign_out_asked = false;
        return {};
    }
};

}  // namespace

SaveDraft keep_on_device(const RequestForm& form) {
    return {draft_key(form.draft.route), kept_draft_to_json({form.draft, form.edited_at, form.focus})};
}

std::vector<Effect> update_drafts(State& state, const Action& action) {
    return std::visit(DraftsVisitor{state}, action);
}

}  // namespace core
