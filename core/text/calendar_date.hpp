// Calendar dates as the program and the operator write them, "YYYY-MM-DD"
// (holidays, closures, a trial's first day): four, two and two ASCII digits
// that name a day the calendar has.
#pragma once

#include <date/date.h>

#include <optional>
#include <string_view>

namespace core {

std::optional<date::year_month_day> parse_calendar_date(std::string_view text);

}  // namespace core
