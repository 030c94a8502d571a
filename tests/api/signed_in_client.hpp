// What the account tests share: signing in over HTTP and keeping the
// session cookie and CSRF token like a browser would, reading JSON and
// problem answers, and adding accounts straight into a service's database
// (for services started without --demo).
#pragma once

#include "service_process.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace api_test {

inline constexpr const char* demo_password = "demo-password";

nlohmann::json parse_json(const std::string& text);

// The answer's JSON body, after checking its status and media type.
nlohmann::json json_of(const httplib::Result& result, int status);

// The detail of a problem answer, after checking status, media type and shape.
std::string problem_of(const httplib::Result& result, int status);

// The value of the portal_session cookie a response sets, if any.
std::optional<std::string> session_cookie_of(const httplib::Result& result);

httplib::Result sign_in(const ServiceProcess& service, const std::string& email, const std::string& password);

class SignedInClient {
public:
    // Signs in (the test fails if that does not answer 200).
    SignedInClient(const ServiceProcess& service, const std::string& email, const std::string& password = demo_password);
    // Adopts a session begun elsewhere (accepting an invitation).
    SignedInClient(const ServiceProcess& service, const httplib::Result& signed_in);

    httplib::Result get(const std::string& path, const httplib::Headers& headers = {});
    // Cookie and CSRF token sent; `headers` added.
    httplib::Result post(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers = {});
    httplib::Result post_without_csrf(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers = {});
    httplib::Result remove(const std::string& path, const httplib::Headers& headers = {});
    httplib::Result patch(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers = {});

    // POST with a fresh Idempotency-Key (and `headers`).
    httplib::Result post_once(const std::string& path, const nlohmann::json& body, const httplib::Headers& headers = {});
    // POST of a file's bytes as they are (an upload), cookie and CSRF token sent; `headers` added.
    httplib::Result post_bytes(const std::string& path, const std::string& bytes, const std::string& content_type,
                               const httplib::Headers& headers = {});
    // POST of a multipart/form-data body, cookie and CSRF token sent; `headers` added.
    httplib::Result post_multipart(const std::string& path, const httplib::MultipartFormDataItems& items, const httplib::Headers& headers = {});
    // POST .../support-users with a fresh Idempotency-Key.
    httplib::Result invite(const std::string& tenant, const nlohmann::json& body);

    const nlohmann::json& session() const { return session_; }   // the sign-in answer
    const std::string& cookie() const { return cookie_; }
    const std::string& csrf_token() const { return csrf_token_; }
    int64_t user_id() const { return session_["user"]["id"].get<int64_t>(); }

private:
    void adopt(const httplib::Result& signed_in);
    httplib::Headers with_session(const httplib::Headers& headers, bool csrf) const;

    const ServiceProcess& service_;
    nlohmann::json session_;
    std::string cookie_;
    std::string csrf_token_;
};

// Straight into the database of a running service (its migrations have run):
// the tenant and the user are made when missing. Returns the user's id.
int64_t add_member(const std::filesystem::path& database, const std::string& email, const std::string& password,
                   const std::string& tenant, const std::string& role, const std::string& status = "active");

// Runs SQL on the service's database, for moving times into the past.
void run_sql(const std::filesystem::path& database, const std::string& sql);
int64_t query_number(const std::filesystem::path& database, const std::string& sql);

// The token at the end of an invitation link ".../#/invitation/<token>".
std::string token_of_link(const std::string& link);

// The newest message in the dev mailbox to `email`; fails the test if none.
// POST /api/v1/invitations/{token}/accept for the link's token, with `name`
// and the password "a long enough passphrase".
httplib::Result accept_invitation(const ServiceProcess& service, const std::string& link, const std::string& name);

nlohmann::json newest_mail_to(const ServiceProcess& service, const std::string& email);

}  // namespace api_test
