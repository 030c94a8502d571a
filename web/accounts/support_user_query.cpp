#include "web/accounts/support_user_query.hpp"

#include "web/store/unix_time.hpp"

#include "core/text/base64url.hpp"

#include "core/checks/account_fields.hpp"

#include <charconv>

namespace web {

namespace {

constexpr int largest_page = 200;
constexpr int longest_search = 200;

template <class Number>
std::optional<Number> whole_number(std::string_view text) {
    Number number{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}

// "email asc 17 sam@example.com": the text value last, so it may hold spaces.
std::optional<SupportUserPosition> decode_cursor(const std::string& cursor, const SupportUserQuery& query) {
    if (cursor.size() > 1000) return std::nullopt;
    std::optional<std::string> text = core::base64url_decode(cursor);
    if (!text) return std::nullopt;
    std::string_view rest = *text;
    auto word = [&rest]() {
        size_t space = rest.find(' ');
        std::string_view part = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        return part;
    };
    std::string_view sort = word();
    std::string_view order = word();
    std::optional<int64_t> id = whole_number<int64_t>(word());
    if (sort != core::to_string(query.sort) || order != (query.descending ? "desc" : "asc") || !id) return std::nullopt;
    SupportUserPosition position;
    position.id = *id;
    if (query.sort == SupportUserSort::Email || query.sort == SupportUserSort::Name) {
        position.value = std::string(rest);
    } else {
        std::optional<int64_t> value = whole_number<int64_t>(rest);   // unix seconds, as the column has it
        if (!value) return std::nullopt;
        position.value = instant_from_unix(*value);
    }
    return position;
}

}  // namespace

core::Parsed<SupportUserQuery> parse_support_user_query(const httplib::Request& request) {
    core::Parsed<SupportUserQuery> result;
    SupportUserQuery query;
    auto fail = [&](std::string problem) {
        result.error = std::move(problem);
        return result;
    };

    if (request.has_param("q")) {
        query.search = request.get_param_value("q");
        if (core::character_count(query.search) > longest_search)
            return fail("q is at most " + std::to_string(longest_search) + " characters.");
    }
    if (std::string status = request.get_param_value("status"); !status.empty()) {
        query.status = core::parse_membership_status(status);
        if (!query.status)
            return fail("status must be invited, active or revoked (or left out for all), not \"" + status + "\".");
    }
    if (std::string sort = request.get_param_value("sort"); !sort.empty()) {
        std::optional<SupportUserSort> named = core::parse_support_user_sort(sort);
        if (!named) return fail("sort must be email, name, invited_at or last_sign_in_at, not \"" + sort + "\".");
        query.sort = *named;
    }
    if (std::string order = request.get_param_value("order"); !order.empty()) {
        if (order != "asc" && order != "desc") return fail("order must be asc or desc, not \"" + order + "\".");
        query.descending = order == "desc";
    }
    if (request.has_param("limit")) {
        std::string text = request.get_param_value("limit");
        std::optional<int> limit = whole_number<int>(text);
        if (!limit || *limit < 1 || *limit > largest_page)
            return fail("limit must be a whole number from 1 to " + std::to_string(largest_page) + ", not \"" + text + "\".");
        query.limit = *limit;
    }
    if (std::string cursor = request.get_param_value("cursor"); !cursor.empty()) {
        query.after = decode_cursor(cursor, query);
        if (!query.after)
            return fail("cursor is not one this service gave out for this sort and order; pass next_cursor from the "
                        "previous page unchanged, or leave it out for the first page.");
    }
    result.value = std::move(query);
    return result;
}

std::string encode_support_user_cursor(const SupportUserQuery& query, const SupportUserRow& last_row) {
    std::string value;
    if (const std::string* text = std::get_if<std::string>(&last_row.sort_value))
        value = *text;
    else
        value = std::to_string(unix_seconds(std::get<core::Instant>(last_row.sort_value)));
    return core::base64url_encode(std::string(core::to_string(query.sort)) + " " + (query.descending ? "desc" : "asc") + " " +
                            std::to_string(last_row.id) + " " + value);
}

}  // namespace web
