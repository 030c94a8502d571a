// A ticket as the API sends it (the Ticket and Sla schemas in
// web/openapi.yaml): times in the customer's zone with its offset, and the
// SLA at `now` worked out by core; in detail, also what the customer
// submitted and the conversation. Keys keep the documented order.
#pragma once

#include "web/accounts/account_store.hpp"
#include "web/tickets/attachment_store.hpp"
#include "web/tickets/ticket_comments.hpp"
#include "web/tickets/ticket_store.hpp"
#include "web/store/time_zones.hpp"

#include "core/sla/business_calendar.hpp"
#include "core/program/program.hpp"

#include <nlohmann/json.hpp>

namespace web {

nlohmann::ordered_json ticket_json(const TicketRecord& ticket, const core::Program& program, TimeZones& zones,
                                   core::Instant now);

// What GET /api/v1/tickets/{id} adds to the list's fields (TicketDetails).
struct TicketConversation {
    std::optional<UserRecord> opened_by;
    std::vector<CommentRecord> comments;          // oldest first
    std::vector<std::string> escalated_by;        // tickets escalating this one
    std::vector<AttachmentRecord> attachments;    // oldest first
    std::vector<std::string> actions;             // what the caller may do (ticket_actions)
};

nlohmann::ordered_json ticket_details_json(const TicketRecord& ticket, const TicketConversation& conversation,
                                           const core::Program& program, TimeZones& zones, core::Instant now);

// An attachment as the API lists it (the Attachment schema), its time in the
// ticket's customer's zone; its bytes are at attachment_path.
nlohmann::ordered_json attachment_json(const AttachmentRecord& attachment, const core::TimeZone* zone);
std::string attachment_path(const std::string& ticket_id, const std::string& attachment_id);

}  // namespace web
