// Accounts as the API sends them (web/openapi.yaml): the session body, a
// person, a support user's summary. Times in UTC ("2026-11-23T19:31:00Z");
// missing names and times are null.
#pragma once

#include "web/accounts/caller.hpp"
#include "core/program/program.hpp"
#include "web/accounts/support_user_list.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace web {

// {"email", "name"}
nlohmann::ordered_json person_json(const std::string& email, const std::optional<std::string>& name);

// [{"tenant", "tenant_name", "role", "plan", "trial_ends_at", "region"}]
nlohmann::ordered_json memberships_json(const std::vector<MembershipRecord>& memberships, const core::Program& program);

// {"user": {"id", "email", "name"}, "memberships": [...], "csrf_token"}:
// the answer to signing in and to GET /api/v1/session.
nlohmann::ordered_json session_json(const Caller& caller, const core::Program& program);

// {"id", "email", "name", "status", "invited_at", "invited_by", "last_sign_in_at"}
nlohmann::ordered_json support_user_json(const SupportUserRow& user);

}  // namespace web
