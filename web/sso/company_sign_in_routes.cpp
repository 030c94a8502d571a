#include "web/sso/company_sign_in_routes.hpp"

#include "web/accounts/account_store.hpp"
#include "web/accounts/audit_log.hpp"
#include "web/accounts/password_sign_in.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/accounts/session_cookie.hpp"
#include "web/accounts/session_routes.hpp"
#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/sso/company_sign_in_store.hpp"
#include "web/sso/provider_http.hpp"
#include "web/store/sqlite_statement.hpp"

#include "core/checks/account_fields.hpp"
#include "core/checks/email_address.hpp"
#include "core/checks/id_token.hpp"
#include "core/text/base64url.hpp"
#include "core/text/json_reader.hpp"
#include "core/text/url_text.hpp"

#include <sodium.h>

#include <cstdio>
#include <map>

namespace web {

namespace {

std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) out += (out.empty() ? "" : "&") + name + "=" + core::url_escape(value);
    return out;
}

// The name a new account gets: the provider's, when it is one we would
// accept from a person; else the address's local part.
std::string account_name(const core::VerifiedIdentity& identity) {
    if (identity.name) {
        std::string name = core::normalize_name(*identity.name);
        if (core::name_problem(name).empty()) return name;
    }
    return identity.email.substr(0, identity.email.find('@'));
}

// The ID token from the token endpoint's answer, or why there is none.
struct TokenExchange {
    std::string id_token;
    core::CompanySignInRefusal refusal = core::CompanySignInRefusal::ProviderUnreachable;
    std::string detail;
};

TokenExchange exchange_code(const ProviderMetadata& provider, const CompanySignInSetup& setup, const std::string& code,
                            const std::string& verifier, const std::string& redirect_uri) {
    std::vector<std::pair<std::string, std::string>> fields = {
        {"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", redirect_uri}, {"code_verifier", verifier}};
    std::vector<std::pair<std::string, std::string>> headers;
    if (provider.client_secret_post) {
        fields.emplace_back("client_id", setup.client_id);
        fields.emplace_back("client_secret", setup.client_secret);
    } else {
        // RFC 6749 2.3.1: each part form-encoded before Basic's base64.
        headers.emplace_back("Authorization", "Basic " + core::base64_encode(core::url_escape(setup.client_id) + ":" +
                                                                             core::url_escape(setup.client_secret)));
    }
    const ProviderAnswer answer = call_provider(provider.token_endpoint, headers, form(fields));
    TokenExchange exchange;
    if (!answer.answered()) {
        exchange.detail = "token endpoint: " + answer.error;
        return exchange;
    }
    const nlohmann::json body = core::read_json(answer.body);
    if (*answer.status >= 400 && *answer.status < 500) {
        exchange.refusal = core::CompanySignInRefusal::CodeRefused;
        exchange.detail = "token endpoint answered " + std::to_string(*answer.status) + " " +
                          (body.is_object() ? body.dump() : std::string("without a JSON body"));
        return exchange;
    }
    auto id_token = body.is_object() ? body.find("id_token") : body.end();
    if (*answer.status != 200 || !body.is_object() || id_token == body.end() || !id_token->is_string()) {
        exchange.detail = "token endpoint answered " + std::to_string(*answer.status) + " without an id_token";
        return exchange;
    }
    exchange.id_token = id_token->get<std::string>();
    return exchange;
}

}  // namespace

std::string pkce_challenge(const std::string& verifier) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size());
    return core::base64url_encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

void CompanySignInRoutes::add_to(ApiRouter& router) {
    router.add("POST", "/api/v1/sso/start", Access::Anyone, [this](ApiCall& call) { start(call); });
    router.add("GET", "/api/v1/sso/callback", Access::Anyone, [this](ApiCall& call) { callback(call); });
}

std::string company_sign_in_redirect_uri(const std::string& public_url) {
    std::string base = public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/api/v1/sso/callback";
}

// Every callback ends so: 303 to a screen of the portal, the sign-in's cookie gone.
void CompanySignInRoutes::back_to_portal(ApiCall& call, const std::string& hash) {
    clear_company_sign_in_cookie(call.response, address_.https());
    call.response.status = 303;
    call.response.set_header("Location", portal_page(address_.url, hash));
    call.response.set_header("Cache-Control", "no-store");
}

void CompanySignInRoutes::start(ApiCall& call) {
    std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
    if (!body) return;
    const std::string email = core::normalize_email_address(string_member(*body, "email").value_or(""));
    std::string problem = email.empty() ? "Enter your work e-mail address: it tells the portal which company you sign in with."
                                        : core::email_address_problem(email);
    if (problem.empty() && email.size() > core::longest_email_address)
        problem = "An e-mail address is at most " + std::to_string(core::longest_email_address) + " characters.";
    if (!problem.empty()) {
        send_field_problems(call.response, 400, problem, {{"email", problem}});
        return;
    }
    // Told before the provider is asked anything, and again as the sign-in is kept.
    const std::string& address = call.request.remote_addr;
    constexpr std::string_view too_many = "Too many company sign-ins were started from here.";
    const auto wait = [&](sqlite3* c) { return CompanySignInStore(c).wait_to_start(address, call.now); };
    if (const std::chrono::seconds retry_after = database_.with_connection(wait); retry_after.count() > 0)
        return send_throttled(call.response, retry_after, too_many);
    const std::string domain = core::email_domain(email);
    const std::optional<CompanySignInSetup> setup =
        database_.with_connection([&](sqlite3* c) { return CompanySignInStore(c).setup_for_domain(domain); });
    if (!setup) {
        const std::string none = "No company sign-in is set up for " + domain +
                                 " addresses. Sign in with your password, or ask your admin.";
        send_field_problems(call.response, 404, none, {{"email", none}});
        return;
    }
    const MetadataLookup provider = providers_.metadata(setup->issuer, call.now);
    if (!provider.metadata) {
        std::fprintf(stderr, "portal-web: company sign-in of %s: %s: %s\n", setup->owner().c_str(), setup->issuer.c_str(),
                     provider.problem.c_str());
        send_problem(call.response, 502,
                     "The portal could not reach your company's identity provider. Try again in a minute; if it keeps "
                     "failing, tell your IT team.");
        return;
    }
    const std::string state = new_secret_token(), browser = new_secret_token();
    PendingSignIn pending;
    pending.setup_id = setup->id;
    pending.browser_digest = token_digest(browser);
    pending.nonce = new_secret_token();
    pending.code_verifier = new_secret_token();   // 43 characters of base64url: what RFC 7636 asks
    pending.expires_at = call.now + company_sign_in_lifetime;
    pending.address = address;
    const std::chrono::seconds retry_after = database_.with_connection([&](sqlite3* c) {
        Transaction transaction(c);
        const std::chrono::seconds still = wait(c);
        if (still.count() == 0) CompanySignInStore(c).add_pending(state, pending, call.now);
        transaction.commit();
        return still;
    });
    if (retry_after.count() > 0) return send_throttled(call.response, retry_after, too_many);

    const std::string& endpoint = provider.metadata->authorization_endpoint;
    const std::string url = endpoint + (endpoint.find('?') == std::string::npos ? "?" : "&") +
                            form({{"response_type", "code"},
                                  {"client_id", setup->client_id},
                                  {"redirect_uri", company_sign_in_redirect_uri(address_.url)},
                                  {"scope", "openid email profile"},
                                  {"state", state},
                                  {"nonce", pending.nonce},
                                  {"code_challenge", pkce_challenge(pending.code_verifier)},
                                  {"code_challenge_method", "S256"},
                                  {"login_hint", email}});
    set_company_sign_in_cookie(call.response, browser, address_.https());
    nlohmann::ordered_json answer;
    answer["authorization_url"] = url;
    send_json(call.response, 200, answer);
}

void CompanySignInRoutes::refuse(ApiCall& call, core::CompanySignInRefusal refusal, const std::string& detail) {
    std::fprintf(stderr, "portal-web: company sign-in refused (%s): %s\n", std::string(core::to_string(refusal)).c_str(),
                 detail.c_str());
    back_to_portal(call, "#/sign-in/company/" + std::string(core::to_string(refusal)));
}

void CompanySignInRoutes::callback(ApiCall& call) {
    using core::CompanySignInRefusal;
    const std::string state = call.request.get_param_value("state");
    const std::optional<std::string> browser = cookie_value(call.request, company_sign_in_cookie_name);
    std::optional<PendingSignIn> pending;
    if (!state.empty() && state.size() <= 200)
        pending = database_.with_connection([&](sqlite3* c) {
            Transaction transaction(c);
            std::optional<PendingSignIn> taken = CompanySignInStore(c).take_pending(state, call.now);
            transaction.commit();
            return taken;
        });
    if (!pending) return refuse(call, CompanySignInRefusal::NotStarted, "no sign-in waits for this state");
    if (!browser || !same_secret(token_digest(*browser), pending->browser_digest))
        return refuse(call, CompanySignInRefusal::NotStarted, "the state was started in another browser");
    if (call.request.has_param("error"))
        return refuse(call, CompanySignInRefusal::ProviderRefused,
                      call.request.get_param_value("error") + ": " + call.request.get_param_value("error_description"));
    const std::string code = call.request.get_param_value("code");
    if (code.empty()) return refuse(call, CompanySignInRefusal::ProviderRefused, "no code came back");

    const std::optional<CompanySignInSetup> setup =
        database_.with_connection([&](sqlite3* c) { return CompanySignInStore(c).setup(pending->setup_id); });
    if (!setup) return refuse(call, CompanySignInRefusal::NotStarted, "the company sign-in was removed meanwhile");
    // RFC 9207: a provider that names itself in the answer must be ours (no mix-up with another).
    if (call.request.has_param("iss") && call.request.get_param_value("iss") != setup->issuer)
        return refuse(call, CompanySignInRefusal::WrongIssuer, "the answer came from " + call.request.get_param_value("iss"));
    const MetadataLookup provider = providers_.metadata(setup->issuer, call.now);
    if (!provider.metadata) return refuse(call, CompanySignInRefusal::ProviderUnreachable, provider.problem);

    const TokenExchange exchange = exchange_code(*provider.metadata, *setup, code, pending->code_verifier,
                                                 company_sign_in_redirect_uri(address_.url));
    if (exchange.id_token.empty()) return refuse(call, exchange.refusal, exchange.detail);
    const core::Parsed<core::CompactJws> jws = core::split_compact_jws(exchange.id_token);
    if (!jws) return refuse(call, CompanySignInRefusal::BadSignature, "the ID token is not a JWS: " + jws.error);
    const std::string algorithm = jws->header.value("alg", std::string());
    if (!is_accepted_algorithm(algorithm))
        return refuse(call, CompanySignInRefusal::BadSignature, "the ID token's algorithm \"" + algorithm + "\" is not accepted");
    const KeyLookup key = providers_.signing_key(*provider.metadata, *jws, call.now);
    if (!key.key)
        return refuse(call, key.unreachable ? CompanySignInRefusal::ProviderUnreachable : CompanySignInRefusal::BadSignature,
                      key.problem);
    if (!signature_verifies(*jws, *key.key))
        return refuse(call, CompanySignInRefusal::BadSignature, "the ID token's signature does not verify with key \"" + key.key->kid + "\"");

    const core::IdTokenClaimsCheck checked =
        core::check_id_token_claims(jws->claims, {setup->issuer, setup->client_id, pending->nonce, call.now});
    if (!checked.identity) return refuse(call, checked.refusal, checked.detail);
    const core::VerifiedIdentity& identity = *checked.identity;
    const std::string domain = core::email_domain(identity.email);
    if (std::find(setup->domains.begin(), setup->domains.end(), domain) == setup->domains.end())
        return refuse(call, CompanySignInRefusal::DomainNotAllowed, identity.email + " is outside the domains of " + setup->owner());

    std::optional<CompanySignInRefusal> refused;
    NewSession session;
    database_.with_connection([&](sqlite3* c) {
        Transaction transaction(c);
        AccountStore accounts(c);
        if (!setup->tenant_id) {
            // The vendor's provider vouches for an address, not for a role:
            // only support engineers the operator invited get in.
            std::optional<UserRecord> user = accounts.user_by_email(identity.email);
            bool engineer = false, ended = false;
            if (user)
                for (const MembershipRecord& membership : accounts.memberships_of(user->id)) {
                    if (membership.role != core::Role::SupportEngineer) continue;
                    if (membership.status == core::MembershipStatus::Revoked) ended = true;
                    else engineer = true;
                }
            if (!engineer) {
                refused = ended ? CompanySignInRefusal::AccessEnded : CompanySignInRefusal::NoAccount;
                return;
            }
            accounts.set_name_if_none(user->id, account_name(identity));
            for (const MembershipRecord& membership : accounts.memberships_of(user->id))
                if (membership.role == core::Role::SupportEngineer && membership.status == core::MembershipStatus::Invited)
                    accounts.join(membership.id, call.now);
            session = open_session(c, user->id, call.now, call.request.remote_addr);
            transaction.commit();
            return;
        }
        std::optional<UserRecord> user = accounts.user_by_email(identity.email);
        const int64_t user_id = user ? user->id : accounts.add_user(identity.email, account_name(identity), std::nullopt, call.now);
        accounts.set_name_if_none(user_id, account_name(identity));
        std::optional<MembershipRecord> membership = accounts.membership(user_id, *setup->tenant_id);
        if (membership && membership->status == core::MembershipStatus::Revoked) {
            refused = CompanySignInRefusal::AccessEnded;
            return;
        }
        if (!membership) {
            const int64_t id = accounts.add_membership(user_id, *setup->tenant_id, core::Role::SupportOnly,
                                                       core::MembershipStatus::Invited, std::nullopt, call.now);
            accounts.join(id, call.now);
            write_audit(c, AuditEvent{call.now, *setup->tenant_id, user_id, "accept", user_id, call.request.remote_addr});
        } else if (membership->status == core::MembershipStatus::Invited) {
            accounts.join(membership->id, call.now);   // the provider has shown the invited address is theirs
            write_audit(c, AuditEvent{call.now, *setup->tenant_id, user_id, "accept", user_id, call.request.remote_addr});
        }
        session = open_session(c, user_id, call.now, call.request.remote_addr);
        transaction.commit();
    });
    if (refused) return refuse(call, *refused, identity.email + " may not sign in through " + setup->owner() + "'s provider");

    set_session_cookie(call.response, session.token, address_.https());
    back_to_portal(call, "#/");
}

}  // namespace web
