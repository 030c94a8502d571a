// The portal's state and the one function that changes it.
//
// ui::draw reads a State and returns Actions; core::update applies an Action
// and returns Effects for the shell to carry out (history, HTTP, time zone
// files). Results come back as Actions. update does no I/O and reads no
// clock: the time arrives as a Tick.
#pragma once

#include "core/model/account.hpp"
#include "core/sla/business_calendar.hpp"
#include "core/flows/flow_dispatch.hpp"
#include "core/model/location.hpp"
#include "core/program/program.hpp"
#include "core/model/har_report.hpp"
#include "core/text/content_tag.hpp"
#include "core/model/service_status.hpp"
#include "core/model/support_user_filter.hpp"
#include "core/model/ticket.hpp"
#include "core/model/ticket_action.hpp"
#include "core/model/ticket_draft.hpp"
#include "core/model/ticket_outbox.hpp"
#include "core/model/ticket_queue.hpp"

#include <map>
#include <set>
#include <type_traits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace core {

struct TicketList {
    std::vector<Ticket> items;
    bool loading = false;
    bool paging = false;           // following next_cursor within one listing
    bool loaded = false;           // at least one complete answer arrived
    std::string error;             // why the last request failed, for the user
    // Set while the list shown is older than the service's word: kept on the
    // device from an earlier visit, or the last answer before going offline.
    std::optional<Instant> as_of;
    std::vector<std::string> pages;   // the bodies of the listing being received, kept on the device when complete
    Instant received_at{};            // when the last complete listing arrived
    int revision = 0;                 // bumps whenever `items` is replaced; pages appended keep it

    // What the screen lists, as indices into `items`: for a support engineer
    // the queue (ticket_queue) under `filter`, for everyone else all of
    // them as the service ordered them. Kept current by update().
    TicketQueueFilter filter;
    std::vector<int> shown;
    std::vector<std::optional<Instant>> due;   // per item: its first response's deadline while awaited
    struct ShownFor {
        int revision = -1;
        size_t items = 0;
        size_t calendars = 0;
        std::string program_tag;
        TicketQueueFilter filter;
        bool queue = false;
        bool operator==(const ShownFor&) const = default;
    } shown_for;
};

enum class SessionStatus { Unknown, SignedOut, SignedIn };

struct SignInForm {
    std::string email, password;
    std::string error;             // from the service, in words
    bool busy = false;
    bool to_company = false;       // what is busy: a company sign-in starting, not the password's
    // The second step, once the password was right for an account with
    // two-step sign-in: the service's challenge and the app's code.
    std::string challenge, code;
};

struct InviteDialog {
    bool open = false;
    std::string email;
    std::set<std::string> tenants;         // tenants the invitee gets support access to
    bool busy = false;
    std::string error;
    std::map<std::string, std::string> field_errors;
    std::string idempotency_key;           // one per dialog: a retry never invites twice
};

struct UsersView {
    std::string query;             // as typed
    std::optional<MembershipStatus> status;         // nullopt: all
    SupportUserSort sort = SupportUserSort::Email;
    bool descending = false;
    int generation = 0;            // bumps on every change; stale answers and timers are ignored
    std::vector<SupportUser> items;
    std::string next_cursor;
    int total = 0;
    bool loading = false, loaded = false;
    std::string error;
    std::string selected_id;
    std::optional<SupportUserDetails> details;
    std::string confirm_revoke_id; // the user the revoke confirmation names
    bool revoke_busy = false;
    std::string message;           // "Revoked ...", "Invitation sent to ..."
    InviteDialog invite;
    std::vector<AuditEntry> audit;
    std::string audit_cursor;      // older entries to fetch; empty: all shown
    bool audit_paging = false;     // the next answer appends
    std::optional<Instant> as_of;  // the list is the last one seen (offline), as of then
    Instant received_at{};         // when the list shown arrived
};

struct InvitationView {
    std::string token;
    std::optional<Invitation> invitation;
    std::string error;
    bool loading = false, busy = false;
    std::string name, password;
    std::map<std::string, std::string> field_errors;
};

// "Forgot password?" (#/forgot-password): asking for a link by e-mail; and
// the link's page (#/reset-password/<token>): choosing the new password.
struct PasswordResetView {
    std::string email;             // the address a link is asked for, as typed
    std::string sent_to;           // the service took the request for this address
    int link_minutes = 0;          // how long the link sent works
    std::string token;             // the link's
    std::string account_email;     // whose password the link resets, once read
    std::string expires_at;        // the link's end, ISO-8601
    bool loading = false;          // reading the link
    std::string password;
    bool busy = false;
    std::string error;             // the service's answer, in words
    std::map<std::string, std::string> field_errors;
};

// The account page (#/account): two-step sign-in, on or off, and setting up
// an authenticator app: its secret as text, as a URI and as a QR code, the
// first code that turns it on, and the recovery codes shown once.
struct SecondFactorView {
    bool loaded = false;
    bool enabled = false;
    int recovery_codes_left = 0;
    std::string secret;                    // setting up: base32, shown grouped
    std::string otpauth_uri;
    int qr_size = 0;                       // modules per side; 0: no QR code
    std::string qr_modules;                // qr_size * qr_size of '1' (dark) and '0'
    std::string code;                      // typed: to turn it on, or off
    std::vector<std::string> recovery_codes;   // shown once, after turning on
    bool busy = false;
    std::string error;
};

// A file the browser holds for the page (picked, dropped, or the HAR
// worker's sanitised copy): core knows its name and size; its bytes stay in
// the browser and never pass through the page's memory.
struct HeldFile {
    int id = 0;              // the shell's handle; 0: none
    std::string name;
    long long bytes = 0;
    bool operator==(const HeldFile&) const = default;
};

enum class HarStage { Empty, Reading, Done, Failed };

// The HAR screen (#/har): a HAR file read, analysed and sanitised by the HAR
// worker (nothing leaves the browser), its redactions reviewed, the
// sanitised copy downloaded or attached; and the JWT and SAML viewer.
struct HarView {
    HarStage stage = HarStage::Empty;
    HeldFile source;                      // the file as chosen
    long long done = 0;                   // bytes read so far
    int run = 0;                          // bumps with every reading: older answers are ignored
    std::optional<HarReport> report;
    HeldFile sanitized;                   // the worker's copy, once done
    std::string error;                    // why the file could not be read
    std::vector<std::string> user_texts;  // the person's own additions, removed too
    std::string new_text;                 // one being typed
    std::string for_route;                // opened from this route's form: attach and fill go there
    std::string for_ticket;               // ...or from this ticket
    std::string message;                  // what the last click did
    std::string token_text;               // the viewer's pasted JWT or SAML message
    bool token_busy = false;
    std::optional<PastedTokenView> token;
    std::string token_error;
};

// Putting the keyboard back into a restored draft's field: wanted once the
// form shows, asked of the UI toolkit, done when the field took it.
enum class FocusRestore { None, Wanted, Asked };

// One route's request form. The draft is what goes to the service; the rest is
// what the person has seen of its problems. Problems of a field show once the
// field was left (or a submit was tried), never while typing its first char.
struct RequestForm {
    TicketDraft draft;
    std::set<std::string> touched;              // fields left at least once
    bool submit_tried = false;                  // every problem shows after a submit attempt
    std::vector<FieldIssue> issues;             // recomputed on every change
    std::map<std::string, std::string> service_errors;   // from a rejected submission, until the field is edited
    std::string error;                          // the service's answer in words
    bool busy = false;
    std::string idempotency_key;                // of the last attempt; reused only to retry the same draft
    std::string attempted_json;                 // the draft that key was sent with
    bool past_incident = false;                 // the person read the open incident and continues
    bool edited = false;                        // typed in since the page opened (wins over a kept draft)
    std::string queued_key;                     // in the outbox under this key: shown, not editable
    std::optional<Instant> edited_at;           // last change, kept with the draft; unknown for older drafts
    std::string focus;                          // the field being typed in, kept with the draft
    FocusRestore restore_focus = FocusRestore::None;   // put the keyboard into `focus` once the form shows
    // Files to attach once the ticket is filed. Held by this tab only (a
    // draft kept on the device does not keep them), but a queued request
    // keeps them with it on the device (KeepQueued).
    std::vector<HeldFile> attachments;
};

// The Drafts screen's memory: the form last discarded (for Undo) and the
// question asked before signing out with drafts on the device.
struct DraftsView {
    std::optional<RequestForm> discarded;
    bool sign_out_asked = false;
};

struct StatusView {
    std::optional<ServiceStatus> status;
    bool loading = false;
    std::string error;
};

// Escalating files a new, more urgent ticket that references this one: the
// severity of an existing ticket can never be raised.
struct EscalateDialog {
    bool open = false;
    int severity = 0;
    std::string reason;
    bool busy = false;
    std::string error;
    std::map<std::string, std::string> field_errors;
    std::string idempotency_key;                // one per dialog: a retry never files twice
};

// One ticket, its thread and what the user may do with it.
struct TicketView {
    std::string id;
    std::optional<TicketDetails> details;
    bool loading = false;
    std::string error;                          // why it could not be shown
    std::string comment;                        // the reply being written; kept on failure
    bool comment_busy = false;
    std::string comment_error;
    std::string comment_key;                    // reused only to resend the same text
    std::string comment_key_body;
    std::optional<TicketAction> busy_command;   // a status change under way
    std::string command_error;
    EscalateDialog escalate;
    std::string attach_error;                   // why the last file could not be attached
};

// A file on its way to a ticket (UploadFile), by the upload's generation.
struct PendingUpload {
    std::string ticket_id, file_name;
};

struct State {
    Program program = default_program();
    std::string program_tag = content_tag(default_program_json());   // of the text `program` was read from
    Screen screen = HomeScreen{};
    // What the user typed, per route. Kept here (not in widgets) so that Back
    // and forward navigation, errors and rejections never lose it.
    std::map<std::string, RequestForm> requests;
    StatusView status;
    TicketView ticket;                // the ticket screen's
    std::string notice;               // one-line message for the user, empty if none
    bool update_ready = false;        // a newer deployment is installed and waits for the user's word
    DraftsView drafts;
    HarView har;
    std::map<int, PendingUpload> uploads;   // files on their way to tickets
    int upload_counter = 0;

    Instant now{};                    // the shell's clock, as of the last Tick
    TicketList tickets;
    std::string viewer_time_zone;     // the browser's zone, or the user's choice
    std::vector<std::string> known_time_zones;   // names the viewer may choose from
    // Zones whose rules the shell has loaded; only these are used.
    std::map<std::string, const core::TimeZone*> zones;
    std::set<std::string> zones_requested;
    // One calendar per (schedule id, zone name), built when a zone arrives.
    std::map<std::pair<std::string, std::string>, BusinessCalendar> calendars;

    SessionStatus session = SessionStatus::Unknown;
    std::optional<Account> account;
    std::string current_tenant;       // the tenant the user is working in
    std::string return_to;            // where sign-in leads back to
    SignInForm sign_in;
    UsersView users;
    InvitationView invitation;
    PasswordResetView password_reset;
    SecondFactorView second_factor;
    std::string key_prefix = "k";     // random, from the shell: idempotency keys are prefix-counter
    int key_counter = 0;

    // Connectivity. The browser says whether it has a network; whether the
    // service answers is learnt from the requests themselves.
    bool online = true;
    bool service_reachable = true;    // false after a request got no answer, true after any answer
    // What the device kept from earlier visits, by snapshot name: shown when
    // the service cannot be reached (device_snapshots).
    std::map<std::string, std::string> device_snapshots;
    bool session_from_device = false; // the account shown is device_account, not yet confirmed by the service

    std::vector<QueuedTicket> outbox; // submitted, not yet delivered
    int outbox_requests = 0;          // numbers the delivery attempts
    int outbox_timer = 0;             // generation of the retry timer; 0 = none pending
    bool outbox_session_check = false;   // a session check was sent so the outbox can be delivered
};

// A file the person picked (PickFile) or dropped, by what it is for.
enum class FilePurpose { Draft, Har, Attachment, Dropped };
constexpr std::string_view to_string(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::Draft: return "draft";
        case FilePurpose::Har: return "har";
        case FilePurpose::Attachment: return "attachment";
        case FilePurpose::Dropped: return "dropped";
    }
    return "";
}

// --- Actions: things that happened --------------------------------------
struct OpenRoute { std::string route_id; };       // a route card was clicked
struct GoHome {};                                   // header / breadcrumb
struct OpenTickets {};                              // header navigation
struct ReloadTickets {};                            // "Try again" after a failure
struct LocationChanged { std::string hash; };      // browser Back/Forward or typed URL
struct EditField { std::string route_id, field_id, value; };
struct LeaveField { std::string route_id, field_id; };          // the field lost focus
struct AnswerQuestion { std::string route_id, question_id, answer_id; };   // triage or severity guidance
struct ToggleChecklistItem { std::string route_id, item_id; };
struct ChooseSeverity { std::string route_id; int level = 0; };
struct ContinuePastIncident { std::string route_id; };
struct SubmitRequest { std::string route_id; };
struct DraftRestored { std::string json; };        // a draft kept on the device, read back at start
struct StorageFailed { std::string message; };     // the device would not keep drafts
struct ConnectivityChanged { bool online = true; }; // the browser's online / offline events
// An outbox record kept on the device, read back at start, with the files
// that follow it (held again by the shell under new ids).
struct QueuedRestored {
    std::string json;
    std::vector<HeldFile> files;
};
struct CancelQueued { std::string route_id; };     // take a queued request back into its form
// Data kept on the device for offline reading ("session", "tickets",
// "users/<tenant>"), read back at start.
struct SnapshotRestored { std::string name, json; };
struct FocusField { std::string route_id, field_id; };   // a text field gained the keyboard
struct FocusRestoreAsked { std::string route_id; };  // the form asked for the keyboard in `focus`
struct FocusRestored { std::string route_id; };     // ...and the field has it, the text cursor at its end
struct OpenDrafts {};                               // header navigation
struct ResumeDraft { std::string route_id; };
struct DiscardDraft { std::string route_id; };
struct UndoDiscardDraft {};
struct DismissUndoDiscard {};
struct ExportDraft { std::string route_id; };
struct ImportDraft {};                              // "Import draft..." opens the file picker
// A file the person picked to import. The browser reads at most
// draft_file_max_bytes; `bytes` is the file's size, `read_error` why it could not be read.
struct DraftImported { std::string file_name, text; long long bytes = 0; std::string read_error; };
// The HAR screen. OpenHar from a route form ("Add a HAR file") or a ticket
// remembers where the file goes; from elsewhere both are empty.
struct OpenHar { std::string route_id, ticket_id; };
struct PickHarFile {};
// A file the browser now holds for the page, picked for `purpose` or
// dropped on the page (purpose Dropped).
struct FileHeld { FilePurpose purpose; HeldFile file; };
struct HarProgress { int run = 0; long long done = 0; };
struct HarFinished { int run = 0; std::string report_json; HeldFile sanitized; };
struct HarFailed { int run = 0; std::string message; };
struct EditHarRedaction { std::string text; };
struct AddHarRedaction {};                          // reads the file again without the new text
struct RemoveHarRedaction { std::string text; };
struct DownloadSanitizedHar {};
struct UseHarIdentifiers {};                        // the suggested identifiers into the form it came from
struct AttachSanitizedHar {};                       // to that form, or that ticket
struct RemoveAttachment { std::string route_id; int file_id = 0; };
struct EditPastedToken { std::string text; };
struct InspectPastedToken {};
struct TokenInspected { std::string json; };
struct AttachToTicket {};                           // the ticket screen's "Attach a screenshot or log"
struct DownloadAttachment { std::string url, file_name; };
struct KeepDraftsAndSignOut {};
struct WipeDraftsAndSignOut {};
struct CancelSignOut {};
struct OpenTicket { std::string id; };              // a row of the ticket list
struct FilterTickets { TicketQueueFilter filter; };   // the engineer's queue: tenant, plan, severity, status
struct EditComment { std::string text; };
struct SendComment {};
struct TicketCommand { TicketAction action; };      // Solve, Confirm or Reopen; others are not commands
struct OpenEscalate {};
struct CloseEscalate {};
struct EditEscalate { int severity = 0; std::string reason; };
struct SubmitEscalate {};
struct DismissNotice {};
struct Tick { Instant now; };                      // the clock moved (whole seconds)
struct TimeZonesAvailable { std::vector<std::string> names; };
struct ViewerTimeZoneDetected { std::string name; };   // from the browser at start
struct ChooseViewerTimeZone { std::string name; };     // the user picked another zone
// The shell loaded a zone's rules (zone == nullptr: it could not).
struct TimeZoneLoaded { std::string name; const core::TimeZone* zone = nullptr; };
struct KeyPrefixChosen { std::string prefix; };       // random text from the shell, once
struct UpdateReady {};                               // a newer version of the portal is installed
struct ApplyUpdate {};                               // the user asked to reload into it

struct EditSignIn { std::string field, value; };       // "email" | "password" | "code"
struct SubmitSignIn {};
struct OpenSignIn {};                                // the header's "Sign in"
struct RestartSignIn {};                             // the second step's "Back": the password again
struct SignInWithCompany {};                         // "Sign in with your company account": the e-mail's identity provider
struct OpenAccount {};                               // the header's "Account"
struct StartSecondFactorSetup {};
struct EditSecondFactorCode { std::string code; };
struct ConfirmSecondFactor {};                       // "Turn on" with the app's first code
struct CancelSecondFactorSetup {};
struct TurnOffSecondFactor {};                       // with a code or a recovery code
struct RecoveryCodesSaved {};                        // "I have saved them"
struct SignOut {};
struct ChooseTenant { std::string tenant; };
struct OpenUsers {};
struct EditUserSearch { std::string query; };
struct ChooseUserStatus { std::optional<MembershipStatus> status; };   // nullopt: all
struct SortUsers { SupportUserSort column; };             // again on the same column flips the order
struct LoadMoreUsers {};
struct LoadOlderAudit {};
struct SelectUser { std::string id; };
struct AskRevoke { std::string id; };
struct CancelRevoke {};
struct ConfirmRevoke {};
struct OpenInvite {};
struct CloseInvite {};
struct EditInvite { std::string email; };
struct ToggleInviteTenant { std::string tenant; };
struct SubmitInvite {};
struct EditInvitation { std::string field, value; };  // "name" | "password"
struct SubmitInvitation {};
struct OpenForgotPassword {};                         // the sign-in screen's "Forgot password?"
struct EditPasswordReset { std::string field, value; };   // "email" | "password"
struct SubmitPasswordResetRequest {};                 // "Send me a link"
struct SubmitNewPassword {};                          // the link's page: "Set password and sign in"

// A timer the flows start (StartTimer) fires as Fired<its Timer>.
enum class Timer { UserSearch, OutboxRetry };
template <Timer T> struct Fired { int generation = 0; };

// What a request was made for; its answer comes back as Answered<that reply>,
// a type of its own, so it can reach no handler but the one for its kind.
enum class HttpReply { Program, Tickets, Session, SignIn, SignOut, Users, UserDetails, Revoke, Invite, Audit,
                       Invitation, AcceptInvitation, Status, SubmitTicket, TicketDetails, Comment, Command,
                       Escalate, SendQueued, RequestPasswordReset, PasswordReset, ResetPassword,
                       SecondFactorState, SecondFactorSetup, SecondFactorOn, SecondFactorOff, CompanySignIn,
                       Attachment };
// status 0: no answer (offline, unreachable). `generation` is the request's.
struct HttpAnswer { int status = 0; std::string body; int generation = 0; };
template <HttpReply R> struct Answered : HttpAnswer {};

using Action = std::variant<OpenRoute, GoHome, OpenTickets, ReloadTickets, LocationChanged, EditField, LeaveField,
                            AnswerQuestion, ToggleChecklistItem, ChooseSeverity, ContinuePastIncident, SubmitRequest,
                            DraftRestored, StorageFailed, ConnectivityChanged, QueuedRestored, CancelQueued,
                            SnapshotRestored, FocusField, FocusRestoreAsked, FocusRestored, OpenDrafts, ResumeDraft,
                            DiscardDraft, UndoDiscardDraft, DismissUndoDiscard, ExportDraft, ImportDraft,
                            DraftImported, OpenHar, PickHarFile, FileHeld, HarProgress, HarFinished, HarFailed,
                            EditHarRedaction, AddHarRedaction, RemoveHarRedaction, DownloadSanitizedHar,
                            UseHarIdentifiers, AttachSanitizedHar, RemoveAttachment, EditPastedToken,
                            InspectPastedToken, TokenInspected, AttachToTicket, DownloadAttachment, KeepDraftsAndSignOut, WipeDraftsAndSignOut, CancelSignOut,
                            OpenTicket, FilterTickets, EditComment, SendComment, TicketCommand, OpenEscalate, CloseEscalate,
                            EditEscalate, SubmitEscalate, DismissNotice, Tick, TimeZonesAvailable,
                            ViewerTimeZoneDetected, ChooseViewerTimeZone, TimeZoneLoaded, KeyPrefixChosen, UpdateReady,
                            ApplyUpdate, EditSignIn, SubmitSignIn, OpenSignIn, RestartSignIn, SignInWithCompany, SignOut, ChooseTenant,
                            OpenAccount, StartSecondFactorSetup, EditSecondFactorCode, ConfirmSecondFactor,
                            CancelSecondFactorSetup, TurnOffSecondFactor, RecoveryCodesSaved, OpenUsers,
                            EditUserSearch, ChooseUserStatus, SortUsers, LoadMoreUsers, LoadOlderAudit, SelectUser,
                            AskRevoke, CancelRevoke, ConfirmRevoke, OpenInvite, CloseInvite, EditInvite,
                            ToggleInviteTenant, SubmitInvite, EditInvitation, SubmitInvitation,
                            OpenForgotPassword, EditPasswordReset, SubmitPasswordResetRequest, SubmitNewPassword,
                            Fired<Timer::UserSearch>, Fired<Timer::OutboxRetry>,
                            Answered<HttpReply::Program>, Answered<HttpReply::Tickets>, Answered<HttpReply::Session>,
                            Answered<HttpReply::SignIn>, Answered<HttpReply::SignOut>, Answered<HttpReply::Users>,
                            Answered<HttpReply::UserDetails>, Answered<HttpReply::Revoke>, Answered<HttpReply::Invite>,
                            Answered<HttpReply::Audit>, Answered<HttpReply::Invitation>,
                            Answered<HttpReply::AcceptInvitation>, Answered<HttpReply::Status>,
                            Answered<HttpReply::SubmitTicket>, Answered<HttpReply::TicketDetails>,
                            Answered<HttpReply::Comment>, Answered<HttpReply::Command>, Answered<HttpReply::Escalate>,
                            Answered<HttpReply::SendQueued>, Answered<HttpReply::RequestPasswordReset>,
                            Answered<HttpReply::PasswordReset>, Answered<HttpReply::ResetPassword>,
                            Answered<HttpReply::SecondFactorState>, Answered<HttpReply::SecondFactorSetup>,
                            Answered<HttpReply::SecondFactorOn>, Answered<HttpReply::SecondFactorOff>,
                            Answered<HttpReply::CompanySignIn>, Answered<HttpReply::Attachment>>;


// --- Effects: things the shell must do ----------------------------------
struct PushLocation { std::string hash; };         // new history entry
struct ReplaceLocation { std::string hash; };      // fix up the URL without an entry
// The answer comes back as Answered<reply>; there is no default reply.
struct HttpGet {
    HttpGet(std::string url, HttpReply reply, int generation = 0, std::string if_none_match = {})
        : url(std::move(url)), reply(reply), generation(generation), if_none_match(std::move(if_none_match)) {}
    std::string url;
    HttpReply reply;
    int generation;
    std::string if_none_match;   // a content tag: answered 304 with no body when it is still current
};
// Any method; state-changing ones carry the session's CSRF token, creating
// ones an Idempotency-Key. Made by api_request (api_request.hpp).
struct HttpRequest {
    std::string method, url, body;
    HttpReply reply;
    int generation = 0;
    std::string csrf_token, idempotency_key;
};
struct StartTimer { Timer timer; int milliseconds = 0; int generation = 0; };  // answer: Fired<timer>
struct LoadTimeZone { std::string name; };         // answer: TimeZoneLoaded
// Keep a form's draft on the device (the shell writes it off the frame path,
// at most a second after the last change) or forget it once filed.
struct SaveDraft { std::string key, json; };
struct DeleteDraft { std::string key; };
// The outbox on the device: a queued ticket's record, written at once (not
// debounced: it is a promise to deliver), and removed once answered.
// `files`: those waiting to follow it (its form's), kept with it, bytes and all.
struct KeepQueued { std::string key, json; std::vector<HeldFile> files; };
struct DropQueued { std::string key; };
// Private data kept for offline reading; all of it goes at sign-out.
struct KeepSnapshot { std::string name, json; };
struct ForgetSnapshots {};

// Leave the portal for another page in this tab (a company's identity
// provider, which sends the browser back); drafts are kept already.
struct LeavePortal { std::string url; };

// Let the waiting new version take over and load it (drafts are already kept).
struct ReloadForUpdate {};

// Hand the person a file to save (an exported draft).
struct DownloadFile { std::string file_name, content; };
// Ask the person for a file. The answer: DraftImported for a draft (its
// text), FileHeld for anything else (the browser keeps the bytes).
struct PickFile { FilePurpose purpose; };
// Read a held HAR file in the HAR worker: answered by HarProgress, then
// HarFinished or HarFailed, all with `run`.
struct StartHarWorker { int run = 0; int file_id = 0; std::vector<std::string> user_texts; std::string tenant_issuer; };
// Decode a pasted JWT or SAML message in the HAR worker: answered by TokenInspected.
struct InspectToken { std::string text; };
// Hand the person a held file to save.
struct SaveHeldFile { int file_id = 0; std::string file_name; };
// Save what the service sends at `url` (same origin, with the session) as a file.
struct DownloadUrl { std::string url, file_name; };
// POST a held file as the body (its bytes as they are), answered as Answered<reply>.
struct UploadFile {
    std::string url;
    int file_id = 0;
    std::string file_name, csrf_token, idempotency_key;
    HttpReply reply = HttpReply::Attachment;
    int generation = 0;
};

using Effect = std::variant<PushLocation, ReplaceLocation, HttpGet, HttpRequest, LoadTimeZone, StartTimer, SaveDraft,
                            DeleteDraft, KeepQueued, DropQueued, KeepSnapshot, ForgetSnapshots, ReloadForUpdate, LeavePortal,
                            DownloadFile, PickFile, StartHarWorker, InspectToken, SaveHeldFile, DownloadUrl, UploadFile>;

// Runs an Effect on a shell's runner: a struct with one operator() for each
// Effect and no catch-all. A runner that lacks one does not compile, so a
// new Effect cannot be forgotten by a shell (tests/dispatch/effect_unrun.cpp).
template <class Runner, class Variant> struct RunsEveryEffect;
template <class Runner, class... E>
struct RunsEveryEffect<Runner, std::variant<E...>> : std::bool_constant<(std::is_invocable_v<Runner&, const E&> && ...)> {};

template <class Runner> void run_effect(Runner& runner, const Effect& effect) {
    static_assert(RunsEveryEffect<Runner, Effect>::value, "an Effect this shell does not run: give its runner an operator() for it");
    std::visit(runner, effect);
}

// The base of each flow's visitor: the state it changes, and the catch-all
// of flow_dispatch.hpp. A visitor says `using FlowVisitor::FlowVisitor;` and
// `using FlowVisitor::operator();`, then handles each Action it owns.
template <class Owned> struct FlowVisitor : IgnoreOthers<Owned, std::vector<Effect>> {
    explicit FlowVisitor(State& s) : state(s) {}
    State& state;
};

// Adds `more` to the end of `to`: the flows collect effects from several steps.
void append(std::vector<Effect>& to, std::vector<Effect> more);

// The Action an HTTP answer becomes, and a timer's firing.
Action http_answer(HttpReply reply, int status, std::string body, int generation = 0);
Action timer_fired(Timer timer, int generation);

// Effects to run once when the shell starts, given the hash it was opened with.
std::vector<Effect> start(State& state, std::string_view initial_hash);

std::vector<Effect> update(State& state, const Action& action);

// The viewer's zone once its rules are loaded; nullptr until then (read as UTC).
const core::TimeZone* viewer_zone(const State& state);

// The held files the state still refers to (the HAR screen's file and its
// sanitised copy, files waiting on request forms), in ascending order. The
// shell lets go of any other after each update: a file read by the worker,
// saved or sent has been taken by then, and a reading replaced by the next
// no longer keeps its copy alive until the page closes.
std::vector<int> held_file_ids(const State& state);

// Asks the service for its program, unless it is the one the portal holds.
Effect fetch_program(const State& state);

// Asks the shell for a zone's rules unless they are loaded or on their way.
std::vector<Effect> request_time_zone(State& state, const std::string& name);

// The calendar for a ticket's response target, or nullptr while its zone is
// not loaded or the plan has no target.
const BusinessCalendar* ticket_calendar(const State& state, const Ticket& ticket);

}  // namespace core
