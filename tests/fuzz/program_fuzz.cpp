// The support program document (core/program/program.json, or one a vendor ships):
// a document that checks out must print back to an equal program, the
// request forms it describes must be checkable whatever their fields say,
// and its schedules must give deadlines exactly their target away.
#include "fuzz_input.hpp"

#include "core/program/program.hpp"
#include "core/model/ticket_draft.hpp"

namespace {

// The SLA clock over one schedule, counted in a zone with daylight saving time.
void check_deadline(const core::Schedule& schedule, std::chrono::minutes target) {
    const core::BusinessCalendar calendar(fuzz::berlin(), schedule);
    const std::optional<core::Instant> deadline = calendar.add(fuzz::now, target);
    if (deadline) fuzz::expect(*deadline >= fuzz::now && calendar.elapsed(fuzz::now, *deadline) == target);
}

void check_deadlines(const core::Program& program) {
    for (const core::Plan& plan : program.plans)
        for (const core::ResponseTarget& target : plan.targets)
            if (const core::Schedule* schedule = program.find_schedule(target.schedule))
                check_deadline(*schedule, std::chrono::minutes(target.minutes));
}

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
    const core::Parsed<core::Program> parsed = core::parse_program(text);
    fuzz::expect(parsed.value.has_value() == parsed.error.empty());
    if (parsed) {
        const core::Parsed<core::Program> again = core::parse_program(core::program_to_json(*parsed.value));
        fuzz::expect(again && *again.value == *parsed.value);
        check_example_drafts(*parsed.value);
        check_deadlines(*parsed.value);
    }
    const core::Parsed<core::Schedule> schedule = core::parse_schedule(text);
    fuzz::expect(schedule.value.has_value() == schedule.error.empty());
    if (schedule) check_deadline(*schedule.value, std::chrono::hours(8));
    return 0;
}
