// A support ticket as the portal shows it, and the JSON mapping of the
// service's ticket list (GET /api/v1/tickets, web/openapi.yaml) and of one
// ticket in detail (GET /api/v1/tickets/{id}, which every change to a
// ticket answers with too). The portal
// recomputes the SLA itself from plan, severity, opening time and the
// customer's zone, so a countdown stays live between requests.
#pragma once

#include "core/text/parsed.hpp"
#include "core/model/ticket_action.hpp"
#include "core/model/ticket_status.hpp"
#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct Ticket {
    std::string id;                        // "T-1001"
    std::string tenant;                    // "acme-prod"; empty when the service did not say
    std::string route;                     // "onboarding"
    std::string summary;
    std::string plan;                      // "standard"
    int severity = 3;
    Instant opened_at;
    std::string customer_time_zone;        // IANA, e.g. "Europe/Berlin"
    std::optional<Instant> first_response_at;   // a person's first response
    TicketStatus status = TicketStatus::Open;
};

struct TicketPage {
    std::vector<Ticket> items;
    std::string next_cursor;               // empty on the last page
};

// Never throws; the service is not trusted to send what it promised.
Parsed<TicketPage> parse_ticket_page(std::string_view json_text);

// Who wrote a comment. Automated replies (the acknowledgement, status
// notes) never stop the response clock; a support engineer's first does.
enum class CommentAuthor { Customer, Support, Automated };

struct TicketComment {
    int64_t id = 0;
    std::string author;                    // the person's name (or e-mail); empty for automated replies
    CommentAuthor author_kind = CommentAuthor::Customer;
    std::string body;
    Instant created_at;
};

// One ticket as the signed-in user sees it in detail.
// A file on a ticket: a sanitised HAR file, a screenshot or a log.
struct TicketAttachment {
    std::string id, file_name;
    std::string kind;            // "har", "png", "jpeg", "webp", "log"
    long long size = 0;
    std::string added_by_name, added_by_email;
    Instant created_at{};
    std::string url;             // where it downloads, on the service
};

struct TicketDetails {
    Ticket ticket;
    std::string tenant;                              // empty for tickets from before tenants
    std::string created_by_name;                     // who filed it; empty when not known
    std::string created_by_email;
    std::map<std::string, std::string> fields;       // as submitted (TicketDraft's members)
    std::map<std::string, std::string> answers;
    std::map<std::string, bool> checklist;
    std::string escalates;                           // the ticket this one escalates; "" = none
    std::vector<std::string> escalated_by;           // tickets escalating this one
    std::vector<TicketComment> comments;             // oldest first
    std::vector<TicketAttachment> attachments;       // oldest first; none from services before attachments
    // What this user may do now: "comment", "solve", "confirm", "reopen",
    // "lower_severity", "escalate" (others may come; ignore what you do not know).
    std::vector<std::string> actions;

    bool allows(TicketAction action) const;
};

// Never throws, like parse_ticket_page.
Parsed<TicketDetails> parse_ticket_details(std::string_view json_text);

// Just the "id" of a ticket the service answered with (filed, escalated):
// the number a person needs even when the rest of the answer is unreadable.
// Empty when there is none.
std::string ticket_id_of(std::string_view json_text);

}  // namespace core
