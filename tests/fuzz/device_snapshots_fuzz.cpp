// Stale reads kept on the device and shown offline. Input: which snapshot
// ("session", "tickets" or "users/acme-prod"), NUL, and its text; or a
// service answer to keep. Anything the device holds is shown or ignored,
// never crashed on; and an answer the portal read is kept so that it reads
// again from the device.
#include "fuzz_input.hpp"

#include "core/flows/device_snapshots.hpp"

namespace {

constexpr const char* tenant = "acme-prod";

// Signed out as far as the portal knows, the service unreachable, every
// screen waiting for data: the moment device snapshots are for.
core::State offline_state() {
    core::State state;
    state.now = fuzz::now;
    state.service_reachable = false;
    state.online = false;
    state.current_tenant = tenant;
    state.tickets.error = "The service could not be reached.";
    state.users.error = "The service could not be reached.";
    return state;
}

void restore_any(std::string_view name, std::string_view text) {
    core::State state = offline_state();
    (void)core::snapshot_restored(state, core::SnapshotRestored{std::string(name), std::string(text)});
}

// The answer as the service sent it, kept and read back from the device.
void keep_and_restore(std::string_view body) {
    core::State state = offline_state();
    if (core::parse_account(body)) {
        const core::KeepSnapshot kept = core::session_snapshot(fuzz::now, body);
        (void)core::snapshot_restored(state, core::SnapshotRestored{kept.name, kept.json});
        fuzz::expect(state.session_from_device && state.account.has_value());
    }
    if (core::parse_ticket_page(body)) {
        const core::KeepSnapshot kept = core::tickets_snapshot(fuzz::now, {std::string(body)});
        state.device_snapshots[kept.name] = kept.json;
        std::vector<core::Effect> effects;
        fuzz::expect(core::show_device_tickets(state, effects));
    }
    if (core::parse_support_user_page(body)) {
        const core::KeepSnapshot kept = core::users_snapshot(fuzz::now, tenant, body);
        state.device_snapshots[kept.name] = kept.json;
        fuzz::expect(core::show_device_users(state));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string_view> parts = fuzz::parts_of(fuzz::text_of(data, size));
    if (parts.size() < 2) {
        keep_and_restore(parts[0]);
        return 0;
    }
    restore_any(parts[0], parts[1]);
    return 0;
}
