// A ticket as the customer composes it, before the service accepts it: the
// JSON body of POST /api/v1/tickets (and an offline draft), and every
// field-level problem with it.
#pragma once
#include "core/text/parsed.hpp"
#include "core/checks/field_check.hpp"
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
namespace core {
// What a customer submits: the POST /api/v1/tickets body and, later, an offline draft.
struct TicketDraft {
    std::string tenant;                            // tenant slug the ticket is filed for
    std::string route;                             // route id ("onboarding")
    int severity = 0;                              // a level of the program; 0 = not chosen yet
    std::string customer_time_zone;                // IANA name the SLA is counted in
    std::string escalates;                         // id of the ticket this one escalates ("" = none)
    std::map<std::string, std::string> fields;     // field id -> text as typed
    std::map<std::string, std::string> answers;    // triage / severity-guidance question id -> answer id
    std::map<std::string, bool> checklist;         // checklist item id -> done
    bool operator==(const TicketDraft&) const = default;
};
Parsed<TicketDraft> parse_ticket_draft(std::string_view json_text);   // never throws
std::string ticket_draft_to_json(const TicketDraft& draft);          // parse_ticket_draft reads it back equal
// Every problem with a draft for a customer on plan_id: unknown route, route closed to the plan, severity
// missing or out of range, unknown field ids, and check_field on every field of the route. Without a plan
// (nullopt: the portal before sign-in) the route is not judged against one; the service always passes the
// tenant's.
std::vector<FieldIssue> check_draft(const Program& program, const TicketDraft& draft,
                                    std::optional<std::string_view> plan_id, const FieldCheckContext& context);
}
