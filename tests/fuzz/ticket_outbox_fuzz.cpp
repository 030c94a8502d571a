// A ticket queued on the device while offline, read back at start: a record
// that reads is written back to one that reads the same, and its retry delay
// stays between 1 s and 5 min whatever the key and attempt count.
#include "fuzz_input.hpp"

#include "core/ticket_outbox.hpp"

namespace {

bool same_record(const core::QueuedTicket& a, const core::QueuedTicket& b) {
    return a.key == b.key && a.route == b.route && a.user == b.user && a.body == b.body &&
           a.queued_at == b.queued_at && a.attempts == b.attempts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::optional<core::QueuedTicket> queued = core::parse_queued_ticket(fuzz::text_of(data, size));
    if (!queued) return 0;
    const std::optional<core::QueuedTicket> again = core::parse_queued_ticket(core::queued_ticket_to_json(*queued));
    fuzz::expect(again && same_record(*again, *queued));
    for (int attempts : {queued->attempts, queued->attempts + 1}) {
        const std::chrono::milliseconds delay = core::retry_delay(attempts, queued->key);
        fuzz::expect(delay >= std::chrono::seconds(1) && delay <= std::chrono::minutes(5));
    }
    return 0;
}
