// The body of POST /api/v1/tickets, as the service parses and checks it: a
// draft that parses prints back to an equal draft, and checking it against
// the default program, with or without a plan, never fails on its own.
#include "fuzz_input.hpp"

#include "core/program/program.hpp"
#include "core/model/ticket_draft.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::Parsed<core::TicketDraft> parsed = core::parse_ticket_draft(fuzz::text_of(data, size));
    fuzz::expect(parsed.value.has_value() == parsed.error.empty());
    if (!parsed) return 0;
    const core::TicketDraft& draft = *parsed.value;
    const core::Parsed<core::TicketDraft> again = core::parse_ticket_draft(core::ticket_draft_to_json(draft));
    fuzz::expect(again && *again.value == draft);

    const core::Program& program = core::default_program();
    const core::FieldCheckContext context{fuzz::now, fuzz::berlin()};
    (void)core::check_draft(program, draft, std::nullopt, context);
    for (const core::Plan& plan : program.plans)
        for (const core::FieldIssue& issue : core::check_draft(program, draft, plan.id, context))
            fuzz::expect(!issue.message.empty());
    return 0;
}
