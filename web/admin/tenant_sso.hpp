// `./portal admin tenant sso ...`: a tenant's single sign-on with its own
// OpenID Connect provider (company_sign_in_routes); `./portal admin sso ...`
// the same for the vendor's own staff, its support engineers.
//   tenant sso SLUG --issuer URL --client-id ID --client-secret-file FILE
//                   --domains a.example[,b.example] [--password-sign-in on|off] [--url URL]
//   tenant sso SLUG off
//   sso --issuer URL ... (the same options)  |  sso off
// The issuer's discovery document is read before anything is saved, so a
// typing mistake shows now, not at a customer's first sign-in. A domain
// belongs to one tenant: it is how an e-mail address finds its provider.
#pragma once

#include "web/admin/operator_problem.hpp"
#include "web/sso/company_sign_in_store.hpp"
#include "web/store/database.hpp"

#include "core/sla/business_calendar.hpp"

#include <optional>
#include <string>
#include <vector>

namespace web {

struct CompanySignInRequest {
    std::string slug;                        // empty: the vendor's own staff
    std::string issuer;
    std::string client_id;
    std::string client_secret;
    std::string domains;                     // as typed: comma-separated
    std::optional<bool> password_sign_in;    // none: as it was (on for a new setup)
};

struct CompanySignInChange {
    OperatorProblem problem;                 // none when done
    std::optional<CompanySignInSetup> setup; // as saved
};

// Fields: "slug", "issuer", "client_id", "client_secret", "domains".
CompanySignInChange set_company_sign_in(Database& database, const CompanySignInRequest& request, core::Instant now);
OperatorProblem remove_company_sign_in(Database& database, const std::string& slug);

// args[at] is the word after "sso" (`vendor`: `admin sso`, else `admin
// tenant sso`); returns the exit code (admin_flags).
int company_sign_in_command(Database& database, const std::vector<std::string>& args, size_t at, bool vendor);

}  // namespace web
