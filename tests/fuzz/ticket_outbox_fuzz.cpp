// A ticket queued on the device while offline, read back at start: a record
// that reads is written back to one that reads the same, its attempt count is
// the one kept (held to 0..1000), and its retry delay stays between 1 s and
// 5 min whatever the key and attempt count.
#include "fuzz_input.hpp"

#include "core/model/ticket_outbox.hpp"

#include <nlohmann/json.hpp>

namespace {

void expect_attempts_as_kept(std::string_view text, int attempts) {
    const nlohmann::json kept = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    const auto it = kept.find("attempts");
    if (it == kept.end() || !it->is_number_integer())
        fuzz::expect(attempts == 0);
    else
        fuzz::expect(*it >= 1000 ? attempts == 1000 : *it <= 0 ? attempts == 0 : *it == attempts);
}

bool same_record(const core::QueuedTicket& a, const core::QueuedTicket& b) {
    return a.key == b.key && a.route == b.route && a.user == b.user && a.body == b.body &&
           a.queued_at == b.queued_at && a.attempts == b.attempts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const std::optional<core::QueuedTicket> queued = core::parse_queued_ticket(text);
    if (!queued) return 0;
    expect_attempts_as_kept(text, queued->attempts);
    const std::optional<core::QueuedTicket> again = core::parse_queued_ticket(core::queued_ticket_to_json(*queued));
    fuzz::expect(again && same_record(*again, *queued));
    for (int attempts : {queued->attempts, queued->attempts + 1}) {
        const std::chrono::milliseconds delay = core::retry_delay(attempts, queued->key);
        fuzz::expect(delay >= std::chrono::seconds(1) && delay <= std::chrono::minutes(5));
    }
    return 0;
}
