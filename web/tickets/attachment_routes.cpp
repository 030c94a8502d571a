#include "web/tickets/attachment_routes.hpp"

#include "core/checks/attachment_kind.hpp"
#include "core/har/har_sanitizer.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/url_text.hpp"

#include "web/http/idempotent_post.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/http/response_body.hpp"
#include "web/store/idempotency_store.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/tickets/attachment_store.hpp"
#include "web/tickets/ticket_json.hpp"
#include "web/tickets/ticket_routes.hpp"

#include <sodium.h>

namespace web {

namespace {

constexpr IdempotentPurpose attachment_purpose = {"attachment", "attach the file twice"};

struct Upload {
    std::string bytes;
    std::string file_name;
};

// The file of the request: the part "file" of a multipart body, or the body itself.
std::optional<Upload> upload_of(ApiCall& call) {
    if (call.request.is_multipart_form_data()) {
        if (!call.request.has_file("file")) {
            send_field_problem_list(call.response, 400, "Send the file as the part named \"file\".",
                                    {{"file", "Send the file as the part named \"file\"."}});
            return std::nullopt;
        }
        const httplib::MultipartFormData part = call.request.get_file_value("file");
        return Upload{part.content, part.filename};
    }
    // A header carries only Latin-1, so the page percent-encodes the name's
    // UTF-8; httplib has undone that already as it read the header.
    return Upload{call.request.body, call.request.get_header_value("X-File-Name")};
}

// Where a HAR file still holds a cookie value or a credential: its first
// such place, in words; empty when there is none.
std::string unsanitised_place(const core::RedactionReport& report) {
    for (const core::Redaction& row : report.rows) {
        const bool credential_jwt = row.kind == core::RedactionKind::JwtSignature &&
                                    (core::equals_ignoring_ascii_case(row.name, "authorization") ||
                                     core::equals_ignoring_ascii_case(row.name, "proxy-authorization"));
        const std::string where = row.where.substr(0, row.where.ends_with(".value") ? row.where.size() - 6 : row.where.size());
        if (row.kind == core::RedactionKind::Cookie)
            return where + (row.name.empty() ? "" : " (cookie " + row.name + ")") +
                   " still holds a cookie value: sanitise the file on the HAR page first.";
        if (row.kind == core::RedactionKind::Authorization || credential_jwt)
            return where + " (" + row.name + ") still holds a credential: sanitise the file on the HAR page first.";
    }
    return {};
}

// For Content-Disposition: the name in ASCII for old clients, and as UTF-8 (RFC 6266, RFC 8187).
std::string disposition_of(const std::string& file_name) {
    std::string ascii;
    for (const char c : file_name) {
        const auto byte = static_cast<unsigned char>(c);
        ascii += byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\' ? '_' : c;
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + core::url_escape(file_name);
}

}  // namespace

void AttachmentRoutes::add_to(ApiRouter& router) {
    const std::string attachments = "/api/v1/tickets/{id}/attachments";
    router.add("POST", attachments, Access::SignedIn, [this](ApiCall& call) { add(call); });
    router.add("GET", attachments, Access::SignedIn, [this](ApiCall& call) { list(call); });
    router.add("GET", attachments + "/{attachment}", Access::SignedIn, [this](ApiCall& call) { download(call); });
}

void AttachmentRoutes::add(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    const TicketParty party = visible->party;
    if (ActionRefusal refusal = web::refusal(TicketAction::Comment, visible->ticket, party)) {
        send_problem(call.response, refusal.status, refusal.detail);
        return;
    }
    std::optional<IdempotentPost> post = read_idempotent_post(call, attachment_purpose, PostBody::Bytes);
    if (!post) return;
    std::optional<Upload> upload = upload_of(call);
    if (!upload) return;
    // A multipart body is parsed before we see it: the digest is over the file and its name.
    if (call.request.is_multipart_form_data()) post->digest = request_digest("POST", call.request.path, upload->file_name + '\0' + upload->bytes);
    if (replayed_earlier_answer(call, database_, *post, attachment_purpose)) return;

    auto refuse_file = [&](int status, const std::string& message) {
        send_field_problem_list(call.response, status, message, {{"file", message}});
    };
    if (upload->bytes.size() > static_cast<size_t>(program_.attachments.max_bytes()))
        return refuse_file(413, "A file may be at most " + std::to_string(program_.attachments.max_megabytes) + " MiB.");
    const core::AttachmentSniff sniff = core::sniff_attachment(upload->bytes);
    if (!sniff.kind) return refuse_file(415, sniff.problem);
    std::string kept = std::move(upload->bytes);
    if (*sniff.kind == core::AttachmentKind::Har) {
        // Read and sanitised again: the page's word that it did so is not proof.
        core::HarSanitizerOptions options;
        randombytes_buf(options.key.bytes.data(), options.key.bytes.size());
        core::SanitizedHar sanitized = core::sanitize_har(kept, options);
        if (!sanitized.ok)
            return refuse_file(422, "This is not a HAR file that can be read: " +
                                        (sanitized.error.path.empty() ? std::string() : sanitized.error.path + ": ") + sanitized.error.message);
        if (std::string place = unsanitised_place(sanitized.report); !place.empty()) return refuse_file(422, place);
        kept = std::move(sanitized.text);
    }
    const std::string file_name = core::attachment_file_name(upload->file_name, *sniff.kind);
    const std::string kind(core::to_string(*sniff.kind)), media_type(core::media_type_of(*sniff.kind));
    const core::TimeZone* zone = zones_.find(visible->ticket.customer_time_zone);

    bool added = answer_idempotent_post(call, database_, *post, attachment_purpose, [&](sqlite3* connection) {
        std::optional<TicketRecord> ticket = TicketRows(connection).find(visible->ticket.id);
        if (!ticket) throw DatabaseError("ticket " + visible->ticket.id + " went away");
        // Closed while the file arrived: refused now as before.
        if (ActionRefusal refusal = web::refusal(TicketAction::Comment, *ticket, party))
            return StoredAnswer{"", refusal.status, problem_body(refusal.status, refusal.detail)};
        // Expired files go here, with the next one added: reads hide them already (attachments_expired_before).
        AttachmentRows rows(connection);
        if (auto expired_before = attachments_expired_before(call.now, program_.attachments.delete_days_after_close))
            rows.delete_expired(*expired_before);
        const AttachmentRecord attachment = rows.add(ticket->id, kind, media_type, file_name, kept,
                                                                           call.caller->user_id, party.customer ? "customer" : "support", call.now);
        events_.record(connection, ticket->id, TicketEventType::AttachmentAdded,
                       {.actor = actor_of(*call.caller, party),
                        .attachment = EventAttachment{attachment.id, attachment.file_name, attachment.kind, attachment.size}},
                       call.now);
        return StoredAnswer{"", 201, json_text(attachment_json(attachment, zone))};
    });
    if (added && call.response.status == 201) events_.committed();
}

void AttachmentRoutes::list(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    const auto expired_before = attachments_expired_before(call.now, program_.attachments.delete_days_after_close);
    const std::vector<AttachmentRecord> attachments = database_.with_connection(
        [&](sqlite3* connection) { return AttachmentRows(connection).of_ticket(visible->ticket.id, expired_before); });
    const core::TimeZone* zone = zones_.find(visible->ticket.customer_time_zone);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const AttachmentRecord& attachment : attachments) list.push_back(attachment_json(attachment, zone));
    send_json(call.response, 200, {{"attachments", std::move(list)}});
}

void AttachmentRoutes::download(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    const std::string& id = call.parameter(1);
    const auto expired_before = attachments_expired_before(call.now, program_.attachments.delete_days_after_close);
    std::optional<AttachmentRecord> attachment;
    std::string bytes;
    database_.with_connection([&](sqlite3* connection) {
        AttachmentRows rows(connection);
        attachment = rows.find(visible->ticket.id, id, expired_before);
        if (attachment) bytes = rows.bytes_of(id);
        // Deleted (expired) between the two reads by another connection: gone.
        if (attachment && attachment->size > 0 && bytes.empty()) attachment.reset();
        return 0;
    });
    if (!attachment) {
        send_problem(call.response, 404, "Ticket " + visible->ticket.id + " has no attachment " + id + ".");
        return;
    }
    const std::string etag = "\"" + attachment->sha256 + "\"";
    call.response.set_header("ETag", etag);
    call.response.set_header("Cache-Control", "no-store");   // private, as every API answer
    if (call.request.get_header_value("If-None-Match") == etag) {
        call.response.status = 304;
        return;
    }
    // Never shown in the portal's own origin as a page: downloaded, sandboxed, not sniffed.
    call.response.set_header("Content-Disposition", disposition_of(attachment->file_name));
    call.response.set_header("Content-Security-Policy", "sandbox");
    call.response.status = 200;
    set_body(call.response, std::move(bytes), attachment->media_type);
}

}  // namespace web
