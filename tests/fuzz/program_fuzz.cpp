// The support program document (core/program.json, or one a vendor ships):
// a document that checks out must print back to an equal program, and the
// request forms it describes must be checkable, whatever their fields say.
#include "fuzz_input.hpp"

#include "core/program.hpp"
#include "core/ticket_draft.hpp"

namespace {

// Every route filled with its fields' own examples, judged for every plan.
void check_example_drafts(const core::Program& program) {
    const core::FieldCheckContext context{fuzz::now, fuzz::berlin()};
    for (const core::Route& route : program.routes) {
        core::TicketDraft draft{.tenant = "acme-prod", .route = route.id, .severity = 2,
                                .customer_time_zone = "Europe/Berlin"};
        for (const core::Field& field : route.fields) draft.fields[field.id] = field.example;
        (void)core::check_draft(program, draft, std::nullopt, context);
        for (const core::Plan& plan : program.plans) (void)core::check_draft(program, draft, plan.id, context);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::ProgramResult parsed = core::parse_program(text);
    fuzz::expect(parsed.program.has_value() == parsed.error.empty());
    if (parsed) {
        const core::ProgramResult again = core::parse_program(core::program_to_json(*parsed.program));
        fuzz::expect(again && *again.program == *parsed.program);
        check_example_drafts(*parsed.program);
    }
    const core::ScheduleResult schedule = core::parse_schedule(text);
    fuzz::expect(schedule.schedule.has_value() == schedule.error.empty());
    return 0;
}
