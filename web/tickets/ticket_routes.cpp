#include "web/tickets/ticket_routes.hpp"

#include "web/http/conditional_request.hpp"
#include "web/http/idempotent_post.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/accounts/tenant_access.hpp"
#include "web/tickets/ticket_cursor.hpp"
#include "web/tickets/ticket_details.hpp"
#include "web/tickets/ticket_etag.hpp"
#include "web/tickets/ticket_filing.hpp"
#include "web/tickets/ticket_json.hpp"
#include "web/tickets/ticket_validation.hpp"
#include "web/store/unix_time.hpp"

#include "core/model/ticket_draft.hpp"
#include "core/text/ascii_text.hpp"
#include "core/text/utf8_text.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>

namespace web {

namespace {

constexpr int default_page_size = 50;
constexpr int largest_page_size = 500;

constexpr IdempotentPurpose ticket_purpose = {"ticket", "file it twice"};

void send_storage_failure(httplib::Response& response, const std::string& error) {
    // The details stay in our log; the client only learns that it failed.
    std::fprintf(stderr, "portal-web: reading tickets failed: %s\n", error.c_str());
    send_problem(response, 500, "The tickets could not be read.");
}

std::optional<int> parse_page_size(const std::string& text) {
    int size = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
    if (error != std::errc() || end != text.data() + text.size() || size < 1 || size > largest_page_size) return std::nullopt;
    return size;
}

}  // namespace

std::optional<std::vector<std::string>> visible_tenants(const Caller& caller) {
    if (caller.is_support_engineer()) return std::nullopt;
    std::vector<std::string> tenants;
    for (const MembershipRecord& membership : caller.memberships) tenants.push_back(membership.tenant.slug);
    return tenants;
}

std::optional<VisibleTicket> visible_ticket(ApiCall& call, TicketStore& store) {
    const std::string& id = call.parameter(0);
    std::string error;
    std::optional<TicketRecord> ticket = store.find(id, error);
    if (!error.empty()) {
        send_storage_failure(call.response, error);
        return std::nullopt;
    }
    TicketParty party;
    if (ticket) party = party_to(*call.caller, *ticket);
    if (!party.sees()) {
        send_problem(call.response, 404, "There is no ticket " + id + ".");
        return std::nullopt;
    }
    return VisibleTicket{std::move(*ticket), party};
}

TicketRoutes::TicketRoutes(Database& database, const core::Program& program, TimeZones& zones, TicketEvents& events,
                           TestFault fault)
    : database_(database), store_(database), program_(program), zones_(zones), events_(events), fault_(fault) {}

void TicketRoutes::add_to(ApiRouter& router) {
    router.add("GET", "/api/v1/tickets", Access::SignedIn, [this](ApiCall& call) { list(call); });
    router.add("POST", "/api/v1/tickets", Access::SignedIn, [this](ApiCall& call) { create(call); });
    router.add("GET", "/api/v1/tickets/{id}", Access::SignedIn, [this](ApiCall& call) { details(call); });
}

void TicketRoutes::list(ApiCall& call) {
    const httplib::Request& request = call.request;
    httplib::Response& response = call.response;
    int page_size = default_page_size;
    if (request.has_param("limit")) {
        std::string text = request.get_param_value("limit");
        std::optional<int> parsed = parse_page_size(text);
        if (!parsed) {
            send_problem(response, 400, "limit must be a whole number from 1 to " + std::to_string(largest_page_size) +
                                            ", not \"" + text + "\".");
            return;
        }
        page_size = *parsed;
    }
    std::optional<TicketPosition> after;
    if (request.has_param("cursor")) {
        after = decode_ticket_cursor(request.get_param_value("cursor"));
        if (!after) {
            send_problem(response, 400, "cursor is not one this service gave out; pass next_cursor from the previous page "
                                        "unchanged, or leave it out for the first page.");
            return;
        }
    }

    std::optional<std::vector<std::string>> tenants = visible_tenants(*call.caller);
    if (std::string tenant = request.get_param_value("tenant"); !tenant.empty()) {
        // One tenant's tickets (the portal's tenant switcher); a tenant the
        // caller has no part in does not exist as far as they can tell.
        bool visible = !tenants || call.caller->membership_in(tenant);
        if (!visible) {
            send_problem(response, 404, "There is no tenant " + tenant + ".");
            return;
        }
        tenants = std::vector<std::string>{tenant};
    }

    // One extra row tells whether another page follows, so the last page
    // says so itself instead of leading to an empty one.
    std::string error;
    std::vector<TicketRecord> tickets = store_.newest_first(page_size + 1, after, tenants, error);
    if (!error.empty()) {
        send_storage_failure(response, error);
        return;
    }
    bool more = int(tickets.size()) > page_size;
    if (more) tickets.resize(size_t(page_size));

    const core::Instant now = service_now();   // one moment for the whole page
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const TicketRecord& ticket : tickets) items.push_back(ticket_json(ticket, program_, zones_, now));
    nlohmann::ordered_json body;
    body["items"] = std::move(items);
    body["next_cursor"] = more ? nlohmann::ordered_json(encode_ticket_cursor({tickets.back().opened_at, tickets.back().id}))
                               : nlohmann::ordered_json(nullptr);
    body["now"] = core::format_instant_utc(now);
    send_tagged_json(call, body, ticket_page_etag(body));
}

void TicketRoutes::create(ApiCall& call) {
    std::optional<IdempotentPost> post = read_idempotent_post(call, ticket_purpose);
    if (!post) return;
    core::Parsed<core::TicketDraft> parsed = core::parse_ticket_draft(call.request.body);
    if (!parsed) {
        // "fields.tenant: wrong type (number)" is about the field "tenant".
        std::string member = parsed.error.substr(0, parsed.error.find(':'));
        if (member.starts_with("fields.")) member.erase(0, 7);
        send_field_problem_list(call.response, 422, "The ticket could not be read: " + parsed.error + ".",
                                {{member, "This is not in the form the service expects (" + parsed.error + ")."}});
        return;
    }
    const core::TicketDraft& draft = *parsed.value;

    // Filed for a tenant the caller is a customer of, under that tenant's plan.
    if (draft.tenant.empty()) {
        send_problem(call.response, 422, "Say which tenant the ticket is for: \"tenant\" is empty.");
        return;
    }
    const MembershipRecord* membership = call.caller->membership_in(draft.tenant);
    if (!membership) {
        send_no_such_tenant(call.response, draft.tenant);
        return;
    }
    if (!is_customer(*membership)) {
        send_problem(call.response, 403, "Support engineers answer tickets; the customers of " + draft.tenant + " file them.");
        return;
    }
    // A retry gets the ticket it filed, even if the form's rules have changed
    // since; but only while its sender still belongs to the tenant.
    if (replayed_earlier_answer(call, database_, *post, ticket_purpose)) return;
    const std::string& plan = membership->tenant.plan;
    std::vector<FieldProblem> problems = ticket_draft_problems(program_, draft, plan, zones_, call.now);
    if (!draft.escalates.empty())
        problems.push_back({"escalates", "Escalate through POST /api/v1/tickets/" + draft.escalates +
                                             "/escalate, which files the new ticket with the original's details."});
    if (!problems.empty()) {
        send_field_problem_list(call.response, 422, problems_detail(problems, "ticket"), problems);
        return;
    }

    TicketRecord ticket;
    ticket.route = draft.route;
    auto summary = draft.fields.find("summary");
    ticket.summary = summary != draft.fields.end() ? std::string(core::trim_spaces(summary->second)) : std::string();
    if (ticket.summary.empty()) ticket.summary = program_.find_route(draft.route)->title;   // checked by core
    ticket.plan = plan;
    ticket.severity = draft.severity;
    ticket.opened_at = call.now;
    ticket.customer_time_zone = draft.customer_time_zone;
    ticket.tenant = draft.tenant;
    ticket.opened_by = call.caller->user_id;
    ticket.fields = draft.fields;
    ticket.answers = draft.answers;
    ticket.checklist = draft.checklist;
    TicketParty party = party_to(*call.caller, ticket);
    std::string etag;
    bool filed = answer_idempotent_post(call, database_, *post, ticket_purpose, [&](sqlite3* connection) {
        file_ticket(connection, ticket, program_);
        events_.record(connection, ticket.id, TicketEventType::Filed, {.actor = actor_of(*call.caller, party)}, call.now);
        nlohmann::ordered_json details = ticket_details(connection, ticket, party, program_, zones_, call.now);
        etag = ticket_etag(details);
        return StoredAnswer{"", 201, json_text(details)};
    });
    if (filed) {
        call.response.set_header("ETag", etag);
        events_.committed();
    }
    // Committed, answer not yet sent: where a crash hurts most (tests only).
    if (filed)
        reach_fault_point(fault_, TestFault::exit_after_ticket_stored,
                          "ticket " + ticket.id + " and its Idempotency-Key answer are committed");
}

void TicketRoutes::details(ApiCall& call) {
    std::optional<VisibleTicket> visible = visible_ticket(call, store_);
    if (!visible) return;
    nlohmann::ordered_json body = database_.with_connection([&](sqlite3* connection) {
        return ticket_details(connection, visible->ticket, visible->party, program_, zones_, call.now);
    });
    send_tagged_json(call, body, ticket_etag(body));
}

}  // namespace web
