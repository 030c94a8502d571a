#include "ticket_drafts.hpp"

namespace api_test {

// An onboarding request that passes every check, for `tenant`.
nlohmann::json onboarding_draft(const std::string& tenant) {
    return {{"tenant", tenant},
            {"route", "onboarding"},
            {"severity", 2},
            {"customer_time_zone", "Europe/Berlin"},
            {"escalates", ""},
            {"fields",
             {{"tenant", tenant},
              {"organization_id", "org_7Hq2KpL9sX4mN1aB"},
              {"application", "app_3f9c2a71d4e84b0c"},
              {"client_purpose", "Interactive web app"},
              {"registered_redirect_uris", "https://app.example.com/callback"},
              {"redirect_uri", "https://app.example.com/callback"},
              {"error_message", "invalid_request: the redirect_uri does not match the registered value"},
              {"occurred_at", "2025-03-14 09:32 Europe/Berlin"},
              {"summary", "Sign-in fails after moving the login page to a new domain"},
              {"description", "Every user gets an error right after entering credentials."}}},
            {"answers", {{"all_or_few", "all"}}},
            {"checklist", {{"redirect_uris_match", true}, {"tenant_registered", false}}}};
}

}  // namespace api_test
