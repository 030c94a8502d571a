// Signing in with one's company account: OpenID Connect's authorization code
// flow with PKCE, the service as a confidential client of the tenant's
// identity provider (web/openapi.yaml):
//   POST /api/v1/sso/start     {"email"} -> {"authorization_url"} and a cookie
//                              binding the sign-in to this browser; the page
//                              then goes to that URL
//   GET  /api/v1/sso/callback  where the provider sends the browser back with
//                              ?code&state: 303 to the portal, signed in, or to
//                              #/sign-in/company/<why> (core/model/company_sign_in)
// The ID token is accepted only after its signature checks against the
// provider's published keys (signing_keys, with OpenSSL) and its claims
// against what this sign-in sent (core/checks/id_token). The verified address
// signs in its account; a first-time address in one of the tenant's domains
// becomes a support-only member. The provider owns the person's
// authentication, so the portal's own second factor is not asked for.
#pragma once

#include "web/http/api_router.hpp"
#include "web/http/public_address.hpp"
#include "web/sso/identity_providers.hpp"
#include "web/store/database.hpp"

#include "core/model/company_sign_in.hpp"

#include <string>

namespace web {

class CompanySignInRoutes {
public:
    CompanySignInRoutes(Database& database, const PublicAddress& address) : database_(database), address_(address) {}

    void add_to(ApiRouter& router);

private:
    void start(ApiCall& call);
    void callback(ApiCall& call);
    void refuse(ApiCall& call, core::CompanySignInRefusal refusal, const std::string& detail);
    void back_to_portal(ApiCall& call, const std::string& hash);

    Database& database_;
    const PublicAddress& address_;
    IdentityProviders providers_;
};

// "{public URL}/api/v1/sso/callback": where providers send the browser back,
// what the operator registers with them.
std::string company_sign_in_redirect_uri(const std::string& public_url);

// base64url(SHA-256(verifier)): PKCE's S256 code challenge (RFC 7636 4.2).
std::string pkce_challenge(const std::string& verifier);

}  // namespace web
