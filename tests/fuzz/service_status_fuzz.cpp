// GET /api/v1/status as the portal reads it: a status that reads is written
// back to one that reads equal, and each region id finds its region.
#include "fuzz_input.hpp"

#include "core/model/service_status.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const core::ServiceStatusResult parsed = core::parse_service_status(fuzz::text_of(data, size));
    fuzz::expect(parsed.status.has_value() == parsed.error.empty());
    if (!parsed) return 0;
    const core::ServiceStatusResult again = core::parse_service_status(core::service_status_to_json(*parsed.status));
    fuzz::expect(again && *again.status == *parsed.status);
    for (const core::RegionStatus& region : parsed.status->regions) {
        const core::RegionStatus* found = parsed.status->find_region(region.id);
        fuzz::expect(found && found->id == region.id);
        if (const core::Incident* open = region.first_open_incident()) fuzz::expect(open->open());
    }
    return 0;
}
