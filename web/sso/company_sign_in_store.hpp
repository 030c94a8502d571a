// Single sign-on as the operator set it (migration 21): a tenant's identity
// provider, or the vendor's own for its staff; the e-mail domains that lead
// to each; and the sign-ins on their way through a provider. Works on a
// connection from Database::with_connection, inside the caller's
// transaction when there is one.
#pragma once

#include "core/sla/business_calendar.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

inline constexpr std::chrono::minutes company_sign_in_lifetime{10};
// Sign-ins one client address may have on their way at once: a person
// needs one or two; a client starting them without end is told to wait.
inline constexpr int company_sign_ins_waiting_per_address = 10;

struct CompanySignInSetup {
    int64_t id = 0;
    std::optional<int64_t> tenant_id;    // none: the vendor's own staff (its support engineers)
    std::string tenant_slug;             // empty for the vendor's
    std::string issuer;
    std::string client_id;
    std::string client_secret;
    bool password_sign_in = true;        // false: its people sign in through the provider only
    std::vector<std::string> domains;    // lowercase, sorted

    // "tenant globex", "the vendor's staff": whose it is, in the operator's words.
    std::string owner() const { return tenant_id ? "tenant " + tenant_slug : "the vendor's staff"; }
};

struct PendingSignIn {
    int64_t setup_id = 0;
    std::string address;          // the client's that started it
    std::string browser_digest;   // the cookie's SHA-256: only that browser may finish it
    std::string nonce;
    std::string code_verifier;
    core::Instant expires_at{};
};

class CompanySignInStore {
public:
    explicit CompanySignInStore(sqlite3* connection) : connection_(connection) {}

    std::optional<CompanySignInSetup> setup(int64_t id);
    // The tenant's setup; nullopt: the vendor's.
    std::optional<CompanySignInSetup> setup_of(std::optional<int64_t> tenant_id);
    // The setup whose provider signs in addresses of `domain`.
    std::optional<CompanySignInSetup> setup_for_domain(const std::string& domain);
    // Sets the tenant's (or the vendor's) setup and its domains, replacing
    // what it had; `setup.id` is not read.
    void save(const CompanySignInSetup& setup, core::Instant now);
    // False when there was none.
    bool remove(std::optional<int64_t> tenant_id);
    // Whether the account may sign in with a password: not when its
    // organisation signs in through its provider only (a customer's member,
    // or the vendor's engineer whose domain the vendor's setup has).
    bool password_refused_for(int64_t user_id);

    // How long `address` must wait before it may start another sign-in
    // (zero: it may now): until the oldest of its waiting ones expires.
    std::chrono::seconds wait_to_start(const std::string& address, core::Instant now);
    void add_pending(const std::string& state, const PendingSignIn& pending, core::Instant now);
    // The sign-in waiting for `state`, gone from the table once taken: a
    // state works once. Expired ones are deleted along the way.
    std::optional<PendingSignIn> take_pending(const std::string& state, core::Instant now);

private:
    std::optional<CompanySignInSetup> setup_where(const std::string& condition, const std::optional<std::string>& value);
    sqlite3* connection_;
};

}  // namespace web
