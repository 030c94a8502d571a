// The functions shell/web/portal_library.js provides to C++. Strings passed in
// are UTF-8 and only borrowed for the call; strings returned are malloc'ed and
// owned by the caller.
#pragma once

extern "C" {
void portal_js_init();
int portal_js_test_mode();
int portal_js_is_mac();
int portal_js_prefers_reduced_motion();
char* portal_js_location_hash();
void portal_js_push_location(const char* hash);
void portal_js_replace_location(const char* hash);
void portal_js_http_request(int request_id, const char* method, const char* url, const char* body, const char* csrf,
                            const char* idempotency_key, const char* if_none_match);
char* portal_js_random_id();
int portal_js_session_hint();
void portal_js_copy_text(const char* text);
void portal_js_set_cursor(const char* css_cursor);
void portal_js_install_test_hook();
void portal_js_mark(const char* name);   // a performance mark, for the page benchmark
// The accessibility mirror's changes since the last frame (a JSON object; see
// shell/web/accessibility_mirror.cpp and $portalMirror).
void portal_js_mirror_update(const char* json);
char* portal_js_time_zone();
void portal_js_load_zone(const char* name);
// Drafts in IndexedDB: saving is debounced and asynchronous; loading answers
// with portal_on_draft_loaded per draft, or portal_on_storage_failed.
void portal_js_save_draft(const char* key, const char* json);
void portal_js_delete_draft(const char* key);
// Reads back snapshots, drafts and the outbox, in that order
// (portal_on_snapshot_loaded, portal_on_draft_loaded, portal_on_queued_loaded).
void portal_js_load_drafts();
// 1 while drafts this device kept last time are still being read (boot.js's hint).
int portal_js_drafts_pending();
// Calls portal_first_frame once the kept drafts are restored, or after `ms`.
void portal_js_first_frame_after_drafts(int ms);
// The outbox and offline snapshots in IndexedDB, written at once.
void portal_js_keep_queued(const char* key, const char* json, const char* files_json);
void portal_js_drop_queued(const char* key);
void portal_js_keep_snapshot(const char* name, const char* json);
void portal_js_forget_snapshots();
// navigator.onLine and its events, through portal_on_connectivity.
void portal_js_watch_connectivity();
// prefers-color-scheme and prefers-reduced-motion, now and on every change,
// through portal_on_color_scheme and portal_on_reduced_motion.
void portal_js_watch_preferences();
// The page's own background (red, green, blue from 0 to 1), so it matches the
// canvas in either theme.
void portal_js_set_page_colour(double red, double green, double blue);
// A newer deployment (public/boot.js's window.portalUpdate): watching answers
// with portal_on_update_ready once one waits; applying lets it take over and
// reloads the page.
void portal_js_watch_updates();
void portal_js_apply_update();
// Goes to `url` in this tab (a company's identity provider).
void portal_js_leave_portal(const char* url);
// Files: a download the person saves, and a file picker whose choice comes
// back through portal_on_file_picked (files over max_bytes are not read).
void portal_js_download_file(const char* file_name, const char* content);
void portal_js_pick_file(const char* purpose, double max_bytes);
// Files the page holds (picked, dropped, made by the HAR worker) by id.
void portal_js_watch_drops();
void portal_js_save_held_file(int file_id, const char* file_name);
// Lets go of every held file but these `count` ids (core::held_file_ids).
void portal_js_keep_files(const int* ids, int count);
void portal_js_download_url(const char* url, const char* file_name);
void portal_js_upload_file(int request_id, const char* url, int file_id, const char* file_name, const char* csrf,
                           const char* idempotency_key);
// The HAR worker (public/har-worker.js), started on first use.
void portal_js_har_start(int run, int file_id, const char* user_texts_json, const char* tenant_issuer);
void portal_js_token_inspect(const char* text);
}
