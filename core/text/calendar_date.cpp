#include "core/text/calendar_date.hpp"

#include "core/text/ascii_text.hpp"

namespace core {

std::optional<date::year_month_day> parse_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int digits[10] = {};
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!is_ascii_digit(text[i])) return std::nullopt;
        digits[i] = text[i] - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const unsigned month = unsigned(digits[5] * 10 + digits[6]);
    const unsigned day = unsigned(digits[8] * 10 + digits[9]);
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return ymd;
}

}  // namespace core
