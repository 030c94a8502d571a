// E-mail addresses as people type them: normalizing twice changes nothing,
// and an address judged deliverable is what mail can carry (plain ASCII
// without spaces, one @, at most 254 characters).
#include "fuzz_input.hpp"

#include "core/checks/email_address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const std::string address = core::normalize_email_address(text);
    fuzz::expect(core::normalize_email_address(address) == address);
    (void)core::email_address_problem(text);
    if (!core::email_address_problem(address).empty()) return 0;
    fuzz::expect(address.size() <= 254);
    const size_t at = address.find('@');
    fuzz::expect(at != std::string::npos && at > 0 && address.find('@', at + 1) == std::string::npos);
    for (char c : address) fuzz::expect(c > ' ' && c < 0x7F);
    return 0;
}
