// GET /api/v1/status as the portal reads it: a status that reads is written
// back to one that reads equal, and each region id finds its region.
#include "fuzz_input.hpp"

#include "core/model/service_status.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::Parsed<core::ServiceStatus> parsed = core::parse_service_status(fuzz::text_of(data, size));
    fuzz::expect(parsed.value.has_value() == parsed.error.empty());
    if (!parsed) return 0;
    const core::Parsed<core::ServiceStatus> again = core::parse_service_status(core::service_status_to_json(*parsed.value));
    fuzz::expect(again && *again.value == *parsed.value);
    for (const core::RegionStatus& region : parsed.value->regions) {
        const core::RegionStatus* found = parsed.value->find_region(region.id);
        fuzz::expect(found && found->id == region.id);
        if (const core::Incident* open = region.first_open_incident()) fuzz::expect(open->open());
    }
    return 0;
}
