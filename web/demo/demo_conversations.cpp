#include "web/demo/demo_conversations.hpp"

#include "web/accounts/account_store.hpp"
#include "web/demo/demo_accounts.hpp"
#include "web/demo/demo_tickets.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/tickets/ticket_actions.hpp"
#include "web/tickets/ticket_comments.hpp"
#include "web/tickets/ticket_filing.hpp"
#include "web/tickets/ticket_store.hpp"

#include <algorithm>

namespace web {

namespace {

constexpr std::chrono::minutes minute{1};

// The ticket the demo solves when it was answered: a question with a plain answer.
constexpr const char* solved_summary = "JWKS rotation: how far ahead is the next signing key published?";
constexpr const char* solved_answer =
    "The next signing key appears in the JWKS document at least 48 hours before tokens are signed with it, and the "
    "previous key stays published for 7 days after the switch. If your API refreshes the JWKS when it meets an unknown "
    "kid (and at most every few minutes otherwise), rotation needs nothing from you. I'll mark this solved; reopen it "
    "if anything is unclear.";

std::string support_reply(const TicketRecord& ticket) {
    if (ticket.summary == solved_summary) return solved_answer;
    if (ticket.route == "security")
        return "Thank you for the report. Our security team has reproduced it and is working on a fix; we will tell you "
               "here before anything about it is made public.";
    return "Thanks for the details. I can see the failing requests for your tenant in our logs and am tracing them now; "
           "I will update this ticket within the hour with what I find and the next step.";
}

constexpr const char* customer_follow_up =
    "One more detail: it started right after our deployment this morning and affects every user we have tried. "
    "The correlation ID of the latest failure is 8f14e45f-ceea-467a-9b2e-0a1c3d5f7b91.";

}  // namespace

std::string seed_demo_conversations(Database& database, const core::Program& program, core::Instant now, std::string& solved) {
    solved.clear();
    try {
        database.with_connection([&](sqlite3* connection) {
            Transaction transaction(connection);
            std::optional<UserRecord> engineer = AccountStore(connection).user_by_email(demo_engineer_email);
            TicketRows tickets(connection);
            TicketComments comments(connection);
            std::vector<TicketRecord> answered;
            for (int i = 0; i < demo_set_size(); i++) {
                std::optional<TicketRecord> ticket = tickets.find("T-" + std::to_string(1001 + i));
                if (!ticket) continue;
                comments.add(ticket->id, std::nullopt, "automated", acknowledgement_text(*ticket, program), ticket->opened_at);
                // Before any reply and before now, so the thread reads in order.
                const core::Instant until = ticket->first_response_at.value_or(now);
                if (i % 3 == 1 && ticket->opened_by && until - ticket->opened_at > 2 * minute)
                    comments.add(ticket->id, ticket->opened_by, "customer", customer_follow_up,
                                 ticket->opened_at + std::min<std::chrono::seconds>(25 * minute, (until - ticket->opened_at) / 2));
                if (engineer && ticket->first_response_at) {
                    comments.add(ticket->id, engineer->id, "support", support_reply(*ticket), *ticket->first_response_at);
                    answered.push_back(*ticket);
                }
            }
            if (!answered.empty()) {
                auto chosen = std::find_if(answered.begin(), answered.end(),
                                           [](const TicketRecord& ticket) { return ticket.summary == solved_summary; });
                const TicketRecord& ticket = chosen != answered.end() ? *chosen : answered.front();
                tickets.set_status(ticket.id, core::TicketStatus::Solved, now);
                comments.add(ticket.id, std::nullopt, "automated",
                             status_note(TicketAction::Solve, engineer->name.value_or(engineer->email)),
                             std::min(now, *ticket.first_response_at + 5 * minute));
                solved = ticket.id;
            }
            transaction.commit();
        });
    } catch (const DatabaseError& error) {
        solved.clear();
        return error.what();
    }
    return {};
}

}  // namespace web
