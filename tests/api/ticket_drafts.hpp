// Ticket bodies for POST /api/v1/tickets that the tests share.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace api_test {

// An onboarding request that passes every check, for `tenant`.
nlohmann::json onboarding_draft(const std::string& tenant = "acme-prod");

}  // namespace api_test
