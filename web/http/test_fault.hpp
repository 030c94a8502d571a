// Test-only faults: `--fault NAME` (refused without --demo) makes the service
// break on purpose at one exact point, so that a test can prove what the
// service promises still holds after a crash there. A normal start has none.
//
//   exit-after-ticket-stored  The first POST /api/v1/tickets that files a
//       new ticket commits it together with its Idempotency-Key answer,
//       then the process ends at once with exit code 3 and sends nothing:
//       the client sees the connection drop, exactly as after a crash
//       between commit and reply. A replayed request never reaches it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace web {

enum class TestFault { none, exit_after_ticket_stored };

// Distinct from portal-web's other exit codes (1 start-up failure, 2 usage).
inline constexpr int test_fault_exit_code = 3;

// The fault with this name; nothing for a name we do not know.
std::optional<TestFault> test_fault_named(std::string_view name);

// The fault's name as --fault takes it ("none" for none).
std::string_view test_fault_name(TestFault fault);

// Every fault's name, comma-separated, for errors.
std::string test_fault_names();

// The one place a fault strikes. When `armed` is `point`, says on stderr
// what was done and that the process ends here, then ends it (std::_Exit:
// no destructors, no answer sent). Otherwise does nothing.
void reach_fault_point(TestFault armed, TestFault point, const std::string& what_was_done);

}  // namespace web
