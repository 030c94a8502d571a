// The browser host: owns the page (WebGL2 surface, input, clipboard, URL hash,
// HTTP) and runs the loop  input -> ui::draw -> core::update -> effects.
#include "accessibility_mirror.hpp"
#include "glyphs_on_demand.hpp"
#include "browser.hpp"
#include "browser_input.hpp"
#include "clipboard.hpp"
#include "embedded_files.hpp"
#include "font_extension.hpp"
#include "frame_picture.hpp"
#include "surface.hpp"
#include "test_hook.hpp"
#include "time_zones.hpp"
#include "wake.hpp"

#include "core/app.hpp"
#include "core/model/kept_draft.hpp"
#include "ui/item_registry.hpp"
#include "ui/portal_ui.hpp"
#include "ui/redraw_clock.hpp"
#include "ui/style.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <nlohmann/json.hpp>

#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

struct Host {
    core::State state;
    shell::InputQueue input;
    float pixel_ratio = 1;
    float fonts_ratio = 0;     // the ratio the font atlas was built for
    bool glyphs_wanted = false;   // the last frame showed characters the atlas lacks
    ImGuiMouseCursor cursor = ImGuiMouseCursor_Arrow;
    int next_request_id = 1;
    struct PendingRequest {
        core::HttpReply reply;
        int generation;
    };
    std::map<int, PendingRequest> pending_requests;
    bool first_frame_marked = false;
    std::vector<core::Action> deferred;   // answers known without the network, dispatched after the effects
    double redraw_timer_at_ms = 0;   // when the pending redraw timer fires; 0: none
    long redraw_timer = 0;
    double frozen_now_ms = 0;   // tests may freeze the clock (portalTest.setNow)
    shell::FramePicture picture;   // what the canvas shows now
    int surface_width = 0, surface_height = 0;
};

Host* g_host = nullptr;

double now_ms() { return g_host->frozen_now_ms > 0 ? g_host->frozen_now_ms : emscripten_date_now(); }
core::Instant now_instant() {
    return core::Instant{std::chrono::seconds{static_cast<long long>(std::floor(now_ms() / 1000.0))}};
}

void dispatch(const core::Action& action, int frames = 3);

// The clock wakes an otherwise idle page only when words on screen read
// differently (ui::next_redraw): a countdown's next minute, its last minute's
// seconds, a time that gains its date.
void on_redraw_timer(void*) {
    g_host->redraw_timer_at_ms = 0;
    dispatch(core::Tick{now_instant()}, 1);
}

void schedule_redraw(std::optional<core::Instant> when) {
    Host& host = *g_host;
    // Just after the second begins, so now_instant() has reached it.
    const double at_ms = when ? static_cast<double>(when->time_since_epoch().count()) * 1000.0 + 1.0 : 0;
    if (at_ms == host.redraw_timer_at_ms) return;
    if (host.redraw_timer_at_ms != 0) emscripten_clear_timeout(host.redraw_timer);
    host.redraw_timer_at_ms = at_ms;
    if (at_ms != 0) host.redraw_timer = emscripten_set_timeout(on_redraw_timer, std::max(at_ms - now_ms(), 1.0), nullptr);
}

// The browser's way of running each Effect: one operator() per Effect, and
// core::run_effect refuses to compile while one is missing.
struct BrowserEffects {
    void operator()(const core::PushLocation& e) { portal_js_push_location(e.hash.c_str()); }
    void operator()(const core::ReplaceLocation& e) { portal_js_replace_location(e.hash.c_str()); }
    void operator()(const core::HttpGet& e) {
        // Nobody signed in on this browser: answer "who is signed in?"
        // without a request that could only be refused.
        if (e.reply == core::HttpReply::Session && !portal_js_session_hint()) {
            g_host->deferred.push_back(core::http_answer(e.reply, 401, "", e.generation));
            return;
        }
        const int id = g_host->next_request_id++;
        g_host->pending_requests[id] = {e.reply, e.generation};
        portal_js_http_request(id, nullptr, e.url.c_str(), nullptr, nullptr, nullptr,
                               e.if_none_match.empty() ? nullptr : e.if_none_match.c_str());
    }
    void operator()(const core::HttpRequest& e) {
        const int id = g_host->next_request_id++;
        g_host->pending_requests[id] = {e.reply, e.generation};
        portal_js_http_request(id, e.method.c_str(), e.url.c_str(), e.body.empty() ? nullptr : e.body.c_str(),
                               e.csrf_token.c_str(), e.idempotency_key.c_str(), nullptr);
    }
    void operator()(const core::LoadTimeZone& e) { portal_js_load_zone(e.name.c_str()); }
    void operator()(const core::SaveDraft& e) {
        const double start = emscripten_get_now();
        portal_js_save_draft(e.key.c_str(), e.json.c_str());
        shell::test_hook_draft_handover_time(emscripten_get_now() - start);
    }
    void operator()(const core::DeleteDraft& e) { portal_js_delete_draft(e.key.c_str()); }
    void operator()(const core::KeepQueued& e) {
        nlohmann::json files = nlohmann::json::array();
        for (const core::HeldFile& file : e.files) files.push_back({{"id", file.id}, {"name", file.name}});
        portal_js_keep_queued(e.key.c_str(), e.json.c_str(), files.dump().c_str());
    }
    void operator()(const core::DropQueued& e) { portal_js_drop_queued(e.key.c_str()); }
    void operator()(const core::KeepSnapshot& e) { portal_js_keep_snapshot(e.name.c_str(), e.json.c_str()); }
    void operator()(const core::ForgetSnapshots&) { portal_js_forget_snapshots(); }
    void operator()(const core::ReloadForUpdate&) { portal_js_apply_update(); }
    void operator()(const core::LeavePortal& e) { portal_js_leave_portal(e.url.c_str()); }
    void operator()(const core::DownloadFile& e) { portal_js_download_file(e.file_name.c_str(), e.content.c_str()); }
    void operator()(const core::PickFile& e) {
        // A draft is read as text, so its size is capped; other files stay in the browser.
        portal_js_pick_file(std::string(core::to_string(e.purpose)).c_str(), core::draft_file_max_bytes);
    }
    void operator()(const core::StartHarWorker& e) {
        portal_js_har_start(e.run, e.file_id, nlohmann::json(e.user_texts).dump().c_str(), e.tenant_issuer.c_str());
    }
    void operator()(const core::InspectToken& e) { portal_js_token_inspect(e.text.c_str()); }
    void operator()(const core::SaveHeldFile& e) { portal_js_save_held_file(e.file_id, e.file_name.c_str()); }
    void operator()(const core::DownloadUrl& e) { portal_js_download_url(e.url.c_str(), e.file_name.c_str()); }
    void operator()(const core::UploadFile& e) {
        const int id = g_host->next_request_id++;
        g_host->pending_requests[id] = {e.reply, e.generation};
        portal_js_upload_file(id, e.url.c_str(), e.file_id, e.file_name.c_str(), e.csrf_token.c_str(), e.idempotency_key.c_str());
    }
    void operator()(const core::StartTimer& e) {
        auto* fired = new core::Action(core::timer_fired(e.timer, e.generation));
        emscripten_set_timeout([](void* data) {
            std::unique_ptr<core::Action> action(static_cast<core::Action*>(data));
            dispatch(*action);
        }, e.milliseconds, fired);
    }
};

void run_effects(const std::vector<core::Effect>& effects) {
    BrowserEffects runner;
    for (const core::Effect& effect : effects) core::run_effect(runner, effect);
    shell::test_hook_set_screen(core::location_of(g_host->state.screen));
}

void dispatch(const core::Action& action, int frames) {
    const double start = emscripten_get_now();
    // Every action sees the current second: a timestamp typed into a form is
    // judged against now, not against the last countdown tick.
    if (!std::holds_alternative<core::Tick>(action) && g_host->state.now != now_instant())
        run_effects(core::update(g_host->state, core::Tick{now_instant()}));
    run_effects(core::update(g_host->state, action));
    while (!g_host->deferred.empty()) {
        core::Action next = std::move(g_host->deferred.front());
        g_host->deferred.erase(g_host->deferred.begin());
        run_effects(core::update(g_host->state, next));
    }
    // The effects have taken what they read (the worker, an upload, a save):
    // the browser keeps only the files the state still refers to.
    const std::vector<int> held = core::held_file_ids(g_host->state);
    portal_js_keep_files(held.data(), static_cast<int>(held.size()));
    shell::wake(frames);
    if (std::holds_alternative<core::EditField>(action)) shell::test_hook_edit_time(emscripten_get_now() - start);
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
    }
}

void frame() {
    Host& host = *g_host;
    if (!shell::frame_wanted()) return;
    const double frame_start = emscripten_get_now();

    const shell::SurfaceSize size = shell::update_surface();
    host.pixel_ratio = size.pixel_ratio;
    if (host.fonts_ratio != size.pixel_ratio || host.glyphs_wanted) {
        // Browser zoom or a move to another screen changes the ratio: rebuild
        // the fonts so text stays crisp. Characters Inter lacks join the atlas
        // drawn by the browser's fonts.
        if (host.fonts_ratio == 0) portal_js_mark("portal-fonts-start");
        ui::load_style({shell::inter_regular_face(), shell::inter_semibold_face(), shell::inter_regular_extension(),
                        shell::inter_semibold_extension()},
                       size.pixel_ratio, shell::add_wanted_glyphs);
        shell::paint_added_glyphs(ui::fonts());
        if (host.fonts_ratio == 0) portal_js_mark("portal-fonts-built");
        host.glyphs_wanted = false;
        if (host.fonts_ratio != 0) {   // the first upload happens in NewFrame
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        host.fonts_ratio = size.pixel_ratio;
    }

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    if (host.input.feed(io)) shell::wake(1);   // the rest of the queue goes into the next frames

    // Each frame shows the current second, whatever woke it.
    if (host.state.now != now_instant()) run_effects(core::update(host.state, core::Tick{now_instant()}));

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    if (shell::mirror_apply_requests()) shell::wake(1);
    shell::test_hook_begin_frame(size.pixel_ratio);
    ui::registry_begin_frame();
    const double layout_start = emscripten_get_now();
    const std::vector<core::Action> actions = ui::draw(host.state);
    ui::registry_end_frame();
    shell::mirror_draw_focus_ring();
    ImGui::Render();
    const double layout_ms = emscripten_get_now() - layout_start;
    shell::test_hook_end_frame();
    schedule_redraw(ui::next_redraw());
    shell::mirror_send_changes(size.pixel_ratio);
    // Both asked, in this order: the letters of a face that has just arrived
    // wait for the rebuild that merges it, rather than being drawn by the browser.
    const bool glyphs_wanted = shell::glyphs_wanted();
    if (shell::font_extension_settled() || glyphs_wanted) {
        host.glyphs_wanted = true;
        shell::wake(1);
    }

    // Resizing the canvas clears it, so the next picture must be drawn even
    // if ImGui's output is the same.
    if (size.width != host.surface_width || size.height != host.surface_height) {
        host.picture.forget();
        host.surface_width = size.width;
        host.surface_height = size.height;
    }
    // An unchanged picture is not presented again: the browser keeps showing
    // the last one, and a countdown tick that changes no digit costs no
    // composite.
    if (host.picture.changed(*ImGui::GetDrawData())) {
        glViewport(0, 0, size.width, size.height);
        const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colour::page);
        glClearColor(page.x, page.y, page.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        shell::test_hook_presented();
    }

    if (!host.first_frame_marked) {
        portal_js_mark("portal-first-frame");
        host.first_frame_marked = true;
    }
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != host.cursor) {
        host.cursor = cursor;
        portal_js_set_cursor(css_cursor(cursor));
    }
    // Wheel and clicks are consumed by this frame; the next one shows the result.
    for (const core::Action& action : actions) dispatch(action);
    shell::test_hook_frame_time(emscripten_get_now() - frame_start, layout_ms);
}

}  // namespace

// --- results from the page (portal_library.js) ------------------------------

extern "C" {

// The first frame is drawn at once rather than at the next animation frame:
// the browser shows it at its next paint either way, and the wait for that
// animation frame is not spent idle. Then the loop.
EMSCRIPTEN_KEEPALIVE void portal_first_frame() {
    frame();
    emscripten_set_main_loop(frame, 0, false);
}

EMSCRIPTEN_KEEPALIVE void portal_on_location_changed(const char* hash) {
    dispatch(core::LocationChanged{hash});
}

EMSCRIPTEN_KEEPALIVE void portal_on_http_done(int request_id, int status, const char* body) {
    auto it = g_host->pending_requests.find(request_id);
    if (it == g_host->pending_requests.end()) return;
    const Host::PendingRequest request = it->second;
    g_host->pending_requests.erase(it);
    dispatch(core::http_answer(request.reply, status, body, request.generation));
}

// `length` is -1 when the zone's file could not be fetched.
EMSCRIPTEN_KEEPALIVE void portal_on_zone_loaded(const char* name, const char* tzif, int length) {
    const core::TimeZone* zone = length >= 0 ? shell::keep_fetched_zone(name, std::string_view(tzif, length)) : nullptr;
    dispatch(core::TimeZoneLoaded{name, zone});
}

EMSCRIPTEN_KEEPALIVE void portal_test_set_now(double ms) {
    g_host->frozen_now_ms = ms;
    dispatch(core::Tick{now_instant()});
}

// When the clock will next wake the page (ms since the epoch), 0 for never.
EMSCRIPTEN_KEEPALIVE double portal_test_next_redraw_ms() { return g_host->redraw_timer_at_ms; }

// Tests read back what the forms hold (route -> draft JSON): the fields are
// drawn from exactly this.
EMSCRIPTEN_KEEPALIVE const char* portal_test_forms_json() {
    static std::string text;
    text = "{";
    for (const auto& [route, form] : g_host->state.requests)
        text += (text.size() > 1 ? ",\"" : "\"") + route + "\":" + core::ticket_draft_to_json(form.draft);
    text += "}";
    return text.c_str();
}

EMSCRIPTEN_KEEPALIVE void portal_on_draft_loaded(const char* json) { dispatch(core::DraftRestored{json}); }

// A queued request read back, with its files held again: [{"id", "name", "bytes"}].
EMSCRIPTEN_KEEPALIVE void portal_on_queued_loaded(const char* json, const char* files_json) {
    core::QueuedRestored restored{json, {}};
    const nlohmann::json files = nlohmann::json::parse(files_json, nullptr, false);
    if (files.is_array())
        for (const nlohmann::json& file : files)
            if (file.is_object())
                restored.files.push_back({file.value("id", 0), file.value("name", ""), file.value("bytes", 0LL)});
    dispatch(restored);
}

EMSCRIPTEN_KEEPALIVE void portal_on_snapshot_loaded(const char* name, const char* json) {
    dispatch(core::SnapshotRestored{name, json});
}

EMSCRIPTEN_KEEPALIVE void portal_on_connectivity(int online) { dispatch(core::ConnectivityChanged{online != 0}); }

// A file the person picked (PickFile): its text when it was small enough to
// read, its size, and why it could not be read, if it could not.
EMSCRIPTEN_KEEPALIVE void portal_on_file_picked(const char* purpose, const char* name, const char* text, double bytes,
                                                const char* read_error) {
    if (std::string_view(purpose) == core::to_string(core::FilePurpose::Draft))
        dispatch(core::DraftImported{name, text, static_cast<long long>(bytes), read_error});
}

// A file the browser now holds under `file_id`: picked (for `purpose`) or dropped ("dropped").
EMSCRIPTEN_KEEPALIVE void portal_on_file_held(const char* purpose, int file_id, const char* name, double bytes) {
    core::FilePurpose kind = core::FilePurpose::Dropped;
    for (core::FilePurpose p : {core::FilePurpose::Har, core::FilePurpose::Attachment, core::FilePurpose::Dropped})
        if (std::string_view(purpose) == core::to_string(p)) kind = p;
    dispatch(core::FileHeld{kind, {file_id, name, static_cast<long long>(bytes)}});
}

// The HAR worker's answers, each with the reading (`run`) it belongs to.
EMSCRIPTEN_KEEPALIVE void portal_on_har_progress(int run, double done) {
    dispatch(core::HarProgress{run, static_cast<long long>(done)}, 1);
}
EMSCRIPTEN_KEEPALIVE void portal_on_har_done(int run, const char* report_json, int file_id, double bytes) {
    dispatch(core::HarFinished{run, report_json, {file_id, "", static_cast<long long>(bytes)}});
}
EMSCRIPTEN_KEEPALIVE void portal_on_har_failed(int run, const char* message) { dispatch(core::HarFailed{run, message}); }
EMSCRIPTEN_KEEPALIVE void portal_on_token_inspected(const char* json) { dispatch(core::TokenInspected{json}); }

EMSCRIPTEN_KEEPALIVE void portal_on_storage_failed(const char* why) { dispatch(core::StorageFailed{why}); }

EMSCRIPTEN_KEEPALIVE void portal_on_update_ready() { dispatch(core::UpdateReady{}); }

EMSCRIPTEN_KEEPALIVE void portal_on_paste(const char* text) { shell::paste_text(g_host->input, text); }

EMSCRIPTEN_KEEPALIVE void portal_on_escape() { shell::press_escape(g_host->input); }

// prefers-color-scheme and prefers-reduced-motion, at start and whenever the
// person or the system changes them: the next frame draws in the new theme.
EMSCRIPTEN_KEEPALIVE void portal_on_color_scheme(int dark) {
    ui::use_palette(dark != 0);
    const ImVec4 page = ImGui::ColorConvertU32ToFloat4(ui::colour::page);
    portal_js_set_page_colour(page.x, page.y, page.z);   // around the canvas, e.g. while the page resizes
    shell::wake();
}

EMSCRIPTEN_KEEPALIVE void portal_on_reduced_motion(int reduce) {
    ui::set_reduced_motion(reduce != 0);
    shell::wake();
}

EMSCRIPTEN_KEEPALIVE void portal_on_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    shell::wake();
}

}

int main() {
    static Host host;
    g_host = &host;
    portal_js_mark("portal-main");

    portal_js_init();
    if (!shell::create_surface()) {
        std::fprintf(stderr, "This browser cannot create a WebGL2 context; the portal needs WebGL2.\n");
        return 1;
    }

    // A name the viewer or a draft gives is checked against the zones there
    // are, whether or not their rules have been fetched yet.
    std::vector<std::string> zone_names = shell::zone_names();
    core::set_zone_names(zone_names);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // layout is code, not a saved file
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames while idle
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "portal-html5";
    ImGui_ImplOpenGL3_Init("#version 300 es");

    shell::install_browser_input(host.input, &host.pixel_ratio);
    shell::install_clipboard();
    if (portal_js_test_mode()) shell::enable_test_hook();

    // The clock and the device's random key prefix enter the state like any
    // other news: as actions, through core::update.
    run_effects(core::update(host.state, core::Tick{now_instant()}));
    char* key_prefix = portal_js_random_id();
    run_effects(core::update(host.state, core::KeyPrefixChosen{key_prefix}));
    std::free(key_prefix);
    char* hash = portal_js_location_hash();
    run_effects(core::start(host.state, hash));
    std::free(hash);
    for (core::Action& answer : std::exchange(host.deferred, {})) dispatch(answer);
    // The zones the viewer may choose, the viewer's own (boot.js fetched its
    // file while portal.wasm downloaded) and the kept drafts (IndexedDB was
    // opened then too): none costs the first frame more than a millisecond,
    // and the drafts' answer then comes with the first frame or the next.
    dispatch(core::TimeZonesAvailable{std::move(zone_names)});
    char* viewer_zone = portal_js_time_zone();
    dispatch(core::ViewerTimeZoneDetected{viewer_zone});
    std::free(viewer_zone);
    portal_js_load_drafts();   // kept drafts, the outbox and offline snapshots come back as actions
    portal_js_watch_connectivity();
    portal_js_watch_drops();   // a file dropped on the page comes back as FileHeld
    portal_js_watch_preferences();
    portal_js_watch_updates();   // a waiting new version comes back as UpdateReady

    portal_js_mark("portal-main-done");
    // Drafts kept at the last visit but not read yet: the first frame waits
    // for them (150 ms at most), so it shows the person's words rather than
    // an empty form that fills a frame later.
    if (portal_js_drafts_pending()) {
        portal_js_first_frame_after_drafts(150);
        return 0;
    }
    portal_first_frame();
    return 0;
}
