#include "core/model/account_answers.hpp"

#include "core/text/json_member_reader.hpp"
#include "core/text/json_reader.hpp"

namespace core {

namespace {

using nlohmann::json;
using Type = json::value_t;

// The answer as an object, handed to `read`; its first problem, or what it read.
template <typename T, typename F>
Parsed<T> read_answer(std::string_view json_text, const char* what, F read) {
    const json doc = read_json(json_text);
    if (!doc.is_object()) return Parsed<T>::failure(std::string(what) + " is not a JSON object");
    JsonMemberReader reader;
    T value;
    if (!read(reader, doc, value)) return Parsed<T>::failure(reader.error);
    return Parsed<T>{std::move(value), {}};
}

// A whole number member that may be left out: `fallback` then; any other type is a problem.
bool optional_int(JsonMemberReader& reader, const json& doc, const char* key, int& out) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return true;
    if (!it->is_number_integer()) return reader.fail(key, "expected a whole number");
    out = it->get<int>();
    return true;
}

bool optional_text(JsonMemberReader& reader, const json& doc, const char* key, std::string& out) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return true;
    return reader.text(doc, "", key, out);
}

}  // namespace

Parsed<SecondFactorStatus> parse_second_factor_status(std::string_view json_text) {
    return read_answer<SecondFactorStatus>(json_text, "the two-step sign-in state",
                                           [](JsonMemberReader& r, const json& doc, SecondFactorStatus& s) {
        const json* enabled = r.member(doc, "", "enabled", Type::boolean);
        if (!enabled) return false;
        s.enabled = enabled->get<bool>();
        return optional_int(r, doc, "recovery_codes_left", s.recovery_codes_left);
    });
}

Parsed<SecondFactorEnrolment> parse_second_factor_enrolment(std::string_view json_text) {
    return read_answer<SecondFactorEnrolment>(json_text, "the authenticator set-up",
                                              [](JsonMemberReader& r, const json& doc, SecondFactorEnrolment& e) {
        if (!r.text(doc, "", "secret", e.secret) || !r.text(doc, "", "otpauth_uri", e.otpauth_uri)) return false;
        // The QR code is a convenience: the key is shown too, so a bad one is left out, not an error.
        auto qr = doc.find("qr");
        if (qr == doc.end() || !qr->is_object()) return true;
        auto size = qr->find("size");
        auto modules = qr->find("modules");
        if (size == qr->end() || !size->is_number_integer() || modules == qr->end() || !modules->is_string()) return true;
        const int side = size->get<int>();
        const std::string& bits = modules->get_ref<const std::string&>();
        if (side < 21 || side > 177 || bits.size() != size_t(side) * size_t(side) ||
            bits.find_first_not_of("01") != std::string::npos)
            return true;
        e.qr_size = side;
        e.qr_modules = bits;
        return true;
    });
}

std::vector<std::string> parse_recovery_codes(std::string_view json_text) {
    std::vector<std::string> codes;
    const json doc = read_json(json_text);
    auto list = doc.is_object() ? doc.find("recovery_codes") : doc.end();
    if (list == doc.end() || !list->is_array()) return codes;
    for (const json& code : *list)
        if (code.is_string()) codes.push_back(code.get<std::string>());
    return codes;
}

Parsed<PasswordResetSent> parse_password_reset_sent(std::string_view json_text) {
    return read_answer<PasswordResetSent>(json_text, "the password reset answer",
                                          [](JsonMemberReader& r, const json& doc, PasswordResetSent& sent) {
        return r.text(doc, "", "email", sent.email) && optional_int(r, doc, "link_lifetime_minutes", sent.link_minutes);
    });
}

Parsed<PasswordResetLink> parse_password_reset_link(std::string_view json_text) {
    return read_answer<PasswordResetLink>(json_text, "the password reset link",
                                          [](JsonMemberReader& r, const json& doc, PasswordResetLink& link) {
        return r.text(doc, "", "email", link.email) && optional_text(r, doc, "expires_at", link.expires_at);
    });
}

}  // namespace core
