// The service's answers as the portal reads them (the portal does not trust
// them): the ticket list and one ticket, the session, support users, their
// details, the audit log, an invitation and problem+json errors. A reader
// either gives a value or says why not, never both and never neither, and a
// ticket list it reads has the severities the service sent, not others.
#include "fuzz_input.hpp"

#include "core/model/account.hpp"
#include "core/model/ticket.hpp"

#include <nlohmann/json.hpp>

namespace {

// A number that does not fit must be refused: 4294967298 is not severity 2.
void expect_severities_as_sent(std::string_view text, const core::TicketPage& page) {
    const nlohmann::json sent = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    for (size_t i = 0; i < page.items.size(); ++i)
        fuzz::expect(sent["items"][i]["severity"] == page.items[i].severity);
}

template <typename Result>
void expect_value_or_error(const Result& result) {
    fuzz::expect(bool(result) == result.error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::Parsed<core::TicketPage> page = core::parse_ticket_page(text);
    expect_value_or_error(page);
    if (page) expect_severities_as_sent(text, *page.value);
    expect_value_or_error(core::parse_ticket_details(text));
    (void)core::ticket_id_of(text);
    expect_value_or_error(core::parse_account(text));
    expect_value_or_error(core::parse_support_user_page(text));
    expect_value_or_error(core::parse_support_user_details(text));
    expect_value_or_error(core::parse_audit_page(text));
    expect_value_or_error(core::parse_invitation(text));
    for (int status : {0, 422})
        fuzz::expect(!core::parse_problem(text, status).message.empty());
    return 0;
}
