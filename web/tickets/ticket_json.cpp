#include "web/tickets/ticket_json.hpp"

#include "web/accounts/account_json.hpp"
#include "web/tickets/ticket_sla.hpp"

namespace web {

namespace {

using nlohmann::ordered_json;

// In the customer's zone; in UTC when the zone is unknown, so the instant is
// still right even if the wall clock is not theirs.
std::string customer_time(core::Instant t, const core::TimeZone* zone) {
    return zone ? core::format_instant(t, zone) : core::format_instant_utc(t);
}

ordered_json sla_json(const TicketSla& sla, const core::TimeZone* zone) {
    const core::SlaStatus& status = sla.status;
    ordered_json json;
    json["target_minutes"] = sla.target->minutes;
    json["target_label"] = sla.target->label;
    json["schedule"] = sla.target->schedule;
    json["deadline"] = customer_time(status.deadline, zone);
    json["deadline_utc"] = core::format_instant_utc(status.deadline);
    json["state"] = core::to_string(status.state);
    json["business_seconds_left"] = status.left.count();
    json["late_seconds"] = status.late.count();
    json["response_seconds"] = status.response.count();
    json["resumes_at"] = status.resumes_at ? ordered_json(customer_time(*status.resumes_at, zone)) : ordered_json(nullptr);
    return json;
}

}  // namespace

ordered_json ticket_json(const TicketRecord& ticket, const core::Program& program, TimeZones& zones, core::Instant now) {
    const core::TimeZone* zone = zones.find(ticket.customer_time_zone);
    ordered_json json;
    json["id"] = ticket.id;
    json["route"] = ticket.route;
    json["summary"] = ticket.summary;
    json["plan"] = ticket.plan;
    json["severity"] = ticket.severity;
    json["opened_at"] = customer_time(ticket.opened_at, zone);
    json["customer_time_zone"] = ticket.customer_time_zone;
    json["first_response_at"] = ticket.first_response_at
                                    ? ordered_json(customer_time(*ticket.first_response_at, zone))
                                    : ordered_json(nullptr);
    json["status"] = std::string(core::to_string(ticket.status));
    json["tenant"] = ticket.tenant.empty() ? ordered_json(nullptr) : ordered_json(ticket.tenant);
    std::optional<TicketSla> sla = ticket_sla(program, ticket, zone, now);
    json["sla"] = sla ? sla_json(*sla, zone) : ordered_json(nullptr);
    return json;
}

ordered_json ticket_details_json(const TicketRecord& ticket, const TicketConversation& conversation,
                                 const core::Program& program, TimeZones& zones, core::Instant now) {
    const core::TimeZone* zone = zones.find(ticket.customer_time_zone);
    ordered_json json = ticket_json(ticket, program, zones, now);
    json["created_by"] = conversation.opened_by ? person_json(conversation.opened_by->email, conversation.opened_by->name)
                                                : ordered_json(nullptr);
    json["fields"] = ticket.fields;
    json["answers"] = ticket.answers;
    json["checklist"] = ticket.checklist;
    json["escalates"] = ticket.escalates ? ordered_json(*ticket.escalates) : ordered_json(nullptr);
    json["escalated_by"] = conversation.escalated_by;
    ordered_json comments = ordered_json::array();
    for (const CommentRecord& comment : conversation.comments) {
        ordered_json item;
        item["id"] = comment.id;
        // People by name, or by address when they have not given one.
        item["author"] = comment.author_name ? ordered_json(*comment.author_name)
                         : comment.author_email ? ordered_json(*comment.author_email)
                                                : ordered_json(nullptr);
        item["author_kind"] = comment.author_kind;
        item["body"] = comment.body;
        item["created_at"] = customer_time(comment.created_at, zone);
        comments.push_back(std::move(item));
    }
    json["comments"] = std::move(comments);
    ordered_json attachments = ordered_json::array();
    for (const AttachmentRecord& attachment : conversation.attachments) attachments.push_back(attachment_json(attachment, zone));
    json["attachments"] = std::move(attachments);
    json["actions"] = conversation.actions;
    return json;
}

std::string attachment_path(const std::string& ticket_id, const std::string& attachment_id) {
    return "/api/v1/tickets/" + ticket_id + "/attachments/" + attachment_id;
}

ordered_json attachment_json(const AttachmentRecord& attachment, const core::TimeZone* zone) {
    ordered_json json;
    json["id"] = attachment.id;
    json["file_name"] = attachment.file_name;
    json["kind"] = attachment.kind;
    json["media_type"] = attachment.media_type;
    json["size"] = attachment.size;
    json["sha256"] = attachment.sha256;
    ordered_json added_by = person_json(attachment.added_by_email.value_or(""), attachment.added_by_name);
    added_by["kind"] = attachment.added_by_kind;
    json["added_by"] = std::move(added_by);
    json["created_at"] = customer_time(attachment.created_at, zone);
    json["url"] = attachment_path(attachment.ticket_id, attachment.id);
    return json;
}

}  // namespace web
