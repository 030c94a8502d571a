// Two-step sign-in against the service: enrolment with an authenticator app
// played by the test (RFC 6238 written here with OpenSSL's HMAC-SHA1, apart
// from the service's liboath), a code after the password, a code used only
// once, recovery codes used only once, five wrong codes ending the sign-in,
// and turning it off. Times are moved in the database, never waited for.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>
#include <ctime>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

std::string base32_decode(const std::string& text) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string bytes;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const size_t value = alphabet.find(c);
        REQUIRE_MESSAGE(value != std::string::npos, "not base32: ", text);
        buffer = (buffer << 5) | uint32_t(value);
        bits += 5;
        if (bits >= 8) {
            bytes += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return bytes;
}

// The 30-second step of now: codes are named by step, so that a test that
// crosses into the next step still knows which code it has spent.
uint64_t step_now() { return uint64_t(std::time(nullptr)) / 30; }

// The code an authenticator app shows during `step`.
std::string totp(const std::string& base32_secret, uint64_t step) {
    const std::string key = base32_decode(base32_secret);
    unsigned char counter[8];
    for (int i = 7; i >= 0; i--, step >>= 8) counter[i] = step & 0xff;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.data(), int(key.size()), counter, sizeof counter, mac, &length);
    const int offset = mac[length - 1] & 0x0f;
    const uint32_t binary = (uint32_t(mac[offset] & 0x7f) << 24) | (uint32_t(mac[offset + 1]) << 16) |
                            (uint32_t(mac[offset + 2]) << 8) | uint32_t(mac[offset + 3]);
    char code[7];
    std::snprintf(code, sizeof code, "%06u", binary % 1000000);
    return code;
}

httplib::Result answer(const ServiceProcess& service, const std::string& challenge, const std::string& code) {
    return service.client().Post("/api/v1/session/second-factor", json{{"challenge", challenge}, {"code", code}}.dump(),
                                 "application/json");
}

std::string challenge_for(const ServiceProcess& service, const std::string& email) {
    httplib::Result signed_in = api_test::sign_in(service, email, api_test::demo_password);
    const json body = api_test::json_of(signed_in, 202);
    CHECK(body["second_factor"] == "totp");
    CHECK(!api_test::session_cookie_of(signed_in));   // no session before the code
    return body["challenge"];
}

}  // namespace

TEST_CASE("two-step sign-in: enrol an app, then every sign-in asks for a code that works once") {
    ServiceProcess service(api_test::demo_service());
    const std::string email = "admin@acme.example";
    SignedInClient ada(service, email);
    CHECK(api_test::json_of(ada.get("/api/v1/session/second-factor"), 200) == json{{"enabled", false}, {"recovery_codes_left", 0}});

    // Setting up an app: the secret as text, as a URI, and as a QR code.
    const json enrolment = api_test::json_of(ada.post("/api/v1/session/second-factor/enrolment", json::object()), 201);
    const std::string secret = enrolment["secret"];
    CHECK(secret.size() == 32);
    const std::string uri = enrolment["otpauth_uri"];
    CHECK(uri.starts_with("otpauth://totp/Support%20Portal:admin%40acme.example?secret=" + secret));
    CHECK(uri.find("&issuer=Support%20Portal") != std::string::npos);
    const int size = enrolment["qr"]["size"];
    CHECK(size >= 21);
    CHECK((size - 17) % 4 == 0);   // a QR version's size
    CHECK(enrolment["qr"]["modules"].get<std::string>().size() == size_t(size * size));
    CHECK(enrolment["qr"]["modules"].get<std::string>().find_first_not_of("01") == std::string::npos);
    // Not on until a code proves the app has it.
    api_test::json_of(api_test::sign_in(service, email, api_test::demo_password), 200);
    const json wrong = api_test::parse_json(ada.post("/api/v1/session/second-factor/enrolment/confirm", {{"code", "000000"}})->body);
    CHECK(wrong["status"] == 422);
    CHECK(wrong["errors"]["code"].is_string());
    const uint64_t step = step_now();
    const json on = api_test::json_of(ada.post("/api/v1/session/second-factor/enrolment/confirm", {{"code", totp(secret, step)}}), 200);
    CHECK(on["enabled"] == true);
    REQUIRE(on["recovery_codes"].size() == 10);
    const std::string recovery = on["recovery_codes"][0];
    CHECK(recovery.size() == 11);
    CHECK(api_test::json_of(ada.get("/api/v1/session/second-factor"), 200) == json{{"enabled", true}, {"recovery_codes_left", 10}});
    api_test::problem_of(ada.post("/api/v1/session/second-factor/enrolment", json::object()), 409);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM recovery_codes WHERE code_digest LIKE '%" +
                                                               recovery.substr(0, 5) + "%'") == 0);   // digests only

    // The password alone is no longer enough.
    std::string challenge = challenge_for(service, email);
    api_test::problem_of(answer(service, challenge, "123"), 422);
    // The code that confirmed the app is spent; the next one is not.
    api_test::problem_of(answer(service, challenge, totp(secret, step)), 422);
    httplib::Result signed_in = answer(service, challenge, totp(secret, step + 1));
    const json session = api_test::json_of(signed_in, 200);
    CHECK(session["user"]["email"] == email);
    SignedInClient with_code(service, signed_in);
    api_test::json_of(with_code.get("/api/v1/tickets"), 200);
    api_test::problem_of(answer(service, challenge, totp(secret, step + 2)), 410);   // a challenge is answered once

    // The same code again, in a new sign-in: spent.
    challenge = challenge_for(service, email);
    api_test::problem_of(answer(service, challenge, totp(secret, step + 1)), 422);
    // A recovery code, typed loosely, works once.
    api_test::json_of(answer(service, challenge, " " + recovery.substr(0, 5) + " " + recovery.substr(6) + " "), 200);
    challenge = challenge_for(service, email);
    api_test::problem_of(answer(service, challenge, recovery), 422);
    CHECK(api_test::json_of(with_code.get("/api/v1/session/second-factor"), 200)["recovery_codes_left"] == 9);

    // Five wrong codes end the sign-in (the spent recovery code was the first); the password starts it again.
    for (int i = 0; i < 3; i++) api_test::problem_of(answer(service, challenge, "999999"), 422);
    CHECK(api_test::problem_of(answer(service, challenge, "999999"), 410).find("Five wrong codes") != std::string::npos);
    api_test::problem_of(answer(service, challenge, totp(secret, step_now())), 410);
    // A challenge lasts five minutes.
    challenge = challenge_for(service, email);
    api_test::run_sql(service.database_path(), "UPDATE sign_in_challenges SET expires_at = expires_at - 300");
    api_test::problem_of(answer(service, challenge, totp(secret, step_now())), 410);
    api_test::problem_of(answer(service, "made-up", "123456"), 410);
    api_test::problem_of(service.client().Post("/api/v1/session/second-factor", "{}", "application/json"), 400);

    // A new password by mail proves the mailbox, not the phone: the code is still asked.
    api_test::json_of(service.client().Post("/api/v1/password-resets", json{{"email", email}}.dump(), "application/json"), 202);
    const std::string reset_link = api_test::newest_mail_to(service, email)["link"];
    const std::string reset_token = reset_link.substr(reset_link.rfind('/') + 1);
    const json reset = api_test::json_of(service.client().Post("/api/v1/password-resets/" + reset_token,
                                                               json{{"password", "a brand new passphrase"}}.dump(), "application/json"),
                                         202);
    CHECK(reset["second_factor"] == "totp");
    CHECK(with_code.get("/api/v1/session")->status == 401);   // every session ended with the reset
    SignedInClient after_reset(service, answer(service, reset["challenge"], on["recovery_codes"][2]));

    // Turning it off needs a code too; then the password is enough again.
    api_test::problem_of(after_reset.post("/api/v1/session/second-factor/disable", {{"code", "111111"}}), 422);
    api_test::json_of(after_reset.post("/api/v1/session/second-factor/disable", {{"code", on["recovery_codes"][1]}}), 200);
    api_test::json_of(api_test::sign_in(service, email, "a brand new passphrase"), 200);
    api_test::problem_of(after_reset.post("/api/v1/session/second-factor/disable", {{"code", "111111"}}), 409);
    CHECK(api_test::query_number(service.database_path(), "SELECT COUNT(*) FROM recovery_codes") == 0);
}

TEST_CASE("a wrong password never reaches the second step, and a revoked account gets no session from a code") {
    ServiceProcess service(api_test::demo_service());
    const std::string email = "sam.taylor@acme.example";
    SignedInClient sam(service, email);
    const std::string secret = api_test::json_of(sam.post("/api/v1/session/second-factor/enrolment", json::object()), 201)["secret"];
    const uint64_t step = step_now();
    api_test::json_of(sam.post("/api/v1/session/second-factor/enrolment/confirm", {{"code", totp(secret, step)}}), 200);
    api_test::problem_of(api_test::sign_in(service, email, "not the password"), 401);
    const std::string challenge = challenge_for(service, email);
    SignedInClient admin(service, "admin@acme.example");
    const json users = api_test::json_of(admin.get("/api/v1/tenants/acme-prod/support-users?q=sam.taylor"), 200);
    REQUIRE(users["items"].size() == 1);
    api_test::json_of(admin.post("/api/v1/tenants/acme-prod/support-users/" + std::to_string(users["items"][0]["id"].get<int64_t>()) +
                                     "/revoke", json::object()), 200);
    api_test::problem_of(answer(service, challenge, totp(secret, step + 1)), 403);
}
