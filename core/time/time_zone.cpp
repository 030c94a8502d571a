#include "core/time/time_zone.hpp"
#include "core/text/ascii_text.hpp"

#include <algorithm>
#include <cstdint>

namespace core {

namespace {

using std::chrono::seconds;
using std::chrono::hours;
using std::chrono::minutes;
using date::days;

// The ends of time, as date's own tz uses them: far enough for any zone,
// near enough that subtracting a day or an offset cannot overflow.
constexpr date::sys_seconds earliest{date::sys_days{date::year{-32767} / 1 / 1}};
constexpr date::sys_seconds latest{date::sys_days{date::year{32767} / 12 / 31}};
constexpr seconds widest_offset = hours(26);

struct ByteReader {
    std::string_view bytes;
    size_t at = 0;

    bool has(size_t count) const { return count <= bytes.size() - at; }
    std::uint64_t big_endian(size_t width) {
        std::uint64_t value = 0;
        for (size_t i = 0; i < width; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at++]);
        return value;
    }
};

struct Header {
    char version = 0;
    std::uint32_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

bool read_header(ByteReader& in, Header& header, std::string& error) {
    if (!in.has(44) || in.bytes.substr(in.at, 4) != "TZif") {
        error = "it does not start with a TZif header";
        return false;
    }
    header.version = in.bytes[in.at + 4];
    in.at += 20;
    std::uint32_t* counts[] = {&header.isutcnt, &header.isstdcnt, &header.leapcnt,
                               &header.timecnt, &header.typecnt, &header.charcnt};
    for (std::uint32_t* count : counts) *count = static_cast<std::uint32_t>(in.big_endian(4));
    if (header.typecnt == 0 || header.typecnt > 256 || header.charcnt == 0 ||
        (header.isutcnt != 0 && header.isutcnt != header.typecnt) ||
        (header.isstdcnt != 0 && header.isstdcnt != header.typecnt) || header.timecnt > 100000 ||
        header.leapcnt > 100000 || header.charcnt > 100000) {
        error = "its header's counts are impossible";
        return false;
    }
    return true;
}

size_t block_size(const Header& h, size_t time_width) {
    return size_t{h.timecnt} * time_width + h.timecnt + size_t{h.typecnt} * 6 + h.charcnt +
           size_t{h.leapcnt} * (time_width + 4) + h.isstdcnt + h.isutcnt;
}

date::sys_seconds clamped_instant(std::int64_t unix_seconds) {
    const std::int64_t low = earliest.time_since_epoch().count(), high = latest.time_since_epoch().count();
    return date::sys_seconds{seconds(std::clamp(unix_seconds, low, high))};
}

// --- POSIX TZ strings -----------------------------------------------------------

struct RuleReader {
    std::string_view text;
    size_t at = 0;

    bool done() const { return at == text.size(); }
    bool next_is(char c) const { return at < text.size() && text[at] == c; }
    bool skip(char c) {
        if (!next_is(c)) return false;
        ++at;
        return true;
    }
    std::optional<int> number(int max_digits) {
        int value = 0, digits = 0;
        while (at < text.size() && digits < max_digits && is_ascii_digit(text[at])) {
            value = value * 10 + (text[at++] - '0');
            ++digits;
        }
        if (digits == 0) return std::nullopt;
        return value;
    }
    // "CET" (three or more letters) or "<+0530>" (quoted, signs and digits too).
    std::optional<std::string> abbreviation() {
        const size_t first = at;
        if (skip('<')) {
            while (at < text.size() && text[at] != '>') ++at;
            if (at == text.size() || at - first - 1 < 3) return std::nullopt;
            ++at;
            return std::string(text.substr(first + 1, at - first - 2));
        }
        while (at < text.size() && is_ascii_letter(text[at])) ++at;
        if (at - first < 3) return std::nullopt;
        return std::string(text.substr(first, at - first));
    }
    // [+-]hh[:mm[:ss]], hours up to max_hours.
    std::optional<seconds> duration(int max_hours) {
        int sign = 1;
        if (skip('-')) sign = -1;
        else skip('+');
        const std::optional<int> h = number(3);
        if (!h || *h > max_hours) return std::nullopt;
        int m = 0, s = 0;
        if (skip(':')) {
            const std::optional<int> mm = number(2);
            if (!mm || *mm > 59) return std::nullopt;
            m = *mm;
            if (skip(':')) {
                const std::optional<int> ss = number(2);
                if (!ss || *ss > 59) return std::nullopt;
                s = *ss;
            }
        }
        return sign * (hours(*h) + minutes(m) + seconds(s));
    }
    std::optional<TimeZone::Rule::Change> change() {
        TimeZone::Rule::Change c;
        if (skip('M')) {
            c.kind = TimeZone::Rule::Change::MonthWeekDay;
            const std::optional<int> month = number(2);
            if (!month || *month < 1 || *month > 12 || !skip('.')) return std::nullopt;
            const std::optional<int> week = number(1);
            if (!week || *week < 1 || *week > 5 || !skip('.')) return std::nullopt;
            const std::optional<int> weekday = number(1);
            if (!weekday || *weekday > 6) return std::nullopt;
            c.month = *month;
            c.week = *week;
            c.day = *weekday;
        } else if (skip('J')) {
            c.kind = TimeZone::Rule::Change::JulianNoLeap;
            const std::optional<int> day = number(3);
            if (!day || *day < 1 || *day > 365) return std::nullopt;
            c.day = *day;
        } else {
            c.kind = TimeZone::Rule::Change::ZeroBasedDay;
            const std::optional<int> day = number(3);
            if (!day || *day > 365) return std::nullopt;
            c.day = *day;
        }
        if (skip('/')) {
            const std::optional<seconds> time = duration(167);   // RFC 8536 allows -167..167 hours
            if (!time) return std::nullopt;
            c.time = *time;
        }
        return c;
    }
};

// The local day a rule's change falls on in `year`.
date::local_days change_day(const TimeZone::Rule::Change& c, date::year year) {
    const date::local_days january_first{year / date::January / 1};
    switch (c.kind) {
        case TimeZone::Rule::Change::JulianNoLeap: {
            // Day 60 is always March 1st: February 29th is never counted.
            const int leap_day = year.is_leap() && c.day >= 60 ? 1 : 0;
            return january_first + days(c.day - 1 + leap_day);
        }
        case TimeZone::Rule::Change::ZeroBasedDay:
            return january_first + days(c.day);
        case TimeZone::Rule::Change::MonthWeekDay: {
            const date::month month{static_cast<unsigned>(c.month)};
            const date::weekday weekday{static_cast<unsigned>(c.day)};
            if (c.week == 5) return date::local_days{year / month / weekday[date::last]};
            return date::local_days{year / month / weekday[static_cast<unsigned>(c.week)]};
        }
    }
    return january_first;
}

struct RuleChange {
    date::sys_seconds at;
    bool to_daylight = false;
};

}  // namespace

std::optional<TimeZone::Rule> TimeZone::parse_rule(std::string_view text) {
    RuleReader in{text};
    Rule rule;
    const std::optional<std::string> standard = in.abbreviation();
    const std::optional<seconds> standard_west = in.duration(24);
    if (!standard || !standard_west) return std::nullopt;
    rule.standard_abbreviation = *standard;
    rule.standard_offset = -*standard_west;
    if (in.done()) return rule;
    const std::optional<std::string> daylight = in.abbreviation();
    if (!daylight) return std::nullopt;
    rule.has_daylight = true;
    rule.daylight_abbreviation = *daylight;
    rule.daylight_offset = rule.standard_offset + hours(1);
    if (!in.done() && !in.next_is(',')) {
        const std::optional<seconds> daylight_west = in.duration(24);
        if (!daylight_west) return std::nullopt;
        rule.daylight_offset = -*daylight_west;
    }
    if (in.done()) {   // no dates: POSIX leaves them open, tzcode uses the US rules
        rule.start = {Rule::Change::MonthWeekDay, 0, 3, 2};
        rule.end = {Rule::Change::MonthWeekDay, 0, 11, 1};
        return rule;
    }
    if (!in.skip(',')) return std::nullopt;
    const std::optional<Rule::Change> start = in.change();
    if (!start || !in.skip(',')) return std::nullopt;
    const std::optional<Rule::Change> end = in.change();
    if (!end || !in.done()) return std::nullopt;
    rule.start = *start;
    rule.end = *end;
    return rule;
}

std::optional<TimeZone> TimeZone::from_tzif(std::string name, std::string_view bytes, std::string* error) {
    std::string problem;
    auto fail = [&](std::string why) -> std::optional<TimeZone> {
        if (error) *error = "The rules of time zone " + name + " cannot be read: " + why + ".";
        return std::nullopt;
    };
    ByteReader in{bytes};
    Header header;
    if (!read_header(in, header, problem)) return fail(problem);
    size_t time_width = 4;
    if (header.version >= '2') {
        // Skip the 32-bit data; the 64-bit copy after it is complete.
        const size_t skip = block_size(header, 4);
        if (!in.has(skip)) return fail("it ends early");
        in.at += skip;
        if (!read_header(in, header, problem)) return fail("its second " + problem.substr(3));
        time_width = 8;
    }
    if (!in.has(block_size(header, time_width))) return fail("it ends early");

    TimeZone zone;
    zone.name_ = std::move(name);
    std::vector<Transition> transitions(header.timecnt);
    for (Transition& t : transitions) {
        const std::uint64_t raw = in.big_endian(time_width);
        const std::int64_t value = time_width == 4 ? std::int64_t{static_cast<std::int32_t>(raw)}
                                                   : static_cast<std::int64_t>(raw);
        t.at = clamped_instant(value);
    }
    for (Transition& t : transitions) {
        t.type = static_cast<unsigned char>(in.bytes[in.at++]);
        if (t.type >= static_cast<int>(header.typecnt)) return fail("a transition names a missing local time type");
    }
    for (size_t i = 1; i < transitions.size(); ++i)
        if (transitions[i].at < transitions[i - 1].at) return fail("its transitions are out of order");
    struct RawType {
        std::int32_t offset;
        bool daylight;
        unsigned abbreviation_at;
    };
    std::vector<RawType> raw_types(header.typecnt);
    for (RawType& type : raw_types) {
        type.offset = static_cast<std::int32_t>(in.big_endian(4));
        type.daylight = in.bytes[in.at++] != 0;
        type.abbreviation_at = static_cast<unsigned char>(in.bytes[in.at++]);
        if (seconds(type.offset) > widest_offset || seconds(type.offset) < -widest_offset)
            return fail("a UTC offset is more than 26 hours");
        if (type.abbreviation_at >= header.charcnt) return fail("an abbreviation lies outside its text");
    }
    const std::string_view characters = in.bytes.substr(in.at, header.charcnt);
    in.at += header.charcnt;
    for (const RawType& raw : raw_types) {
        const size_t end = characters.find('\0', raw.abbreviation_at);
        if (end == std::string_view::npos) return fail("an abbreviation is not terminated");
        zone.types_.push_back(
            {seconds(raw.offset), raw.daylight, std::string(characters.substr(raw.abbreviation_at, end - raw.abbreviation_at))});
    }
    // Leap seconds, standard/wall and UT/local indicators: not needed to
    // tell the time (tzdata's "right/" zones are not offered).
    in.at += size_t{header.leapcnt} * (time_width + 4) + header.isstdcnt + header.isutcnt;

    if (time_width == 8) {
        // The footer: "\n" POSIX-TZ-string "\n", empty when no rule applies.
        if (!in.has(1) || in.bytes[in.at] != '\n') return fail("its footer is missing");
        const size_t end = in.bytes.find('\n', in.at + 1);
        if (end == std::string_view::npos) return fail("its footer is not terminated");
        const std::string_view footer = in.bytes.substr(in.at + 1, end - in.at - 1);
        if (!footer.empty()) {
            zone.rule_ = parse_rule(footer);
            if (!zone.rule_) return fail("its rule \"" + std::string(footer) + "\" is not a POSIX TZ string");
        }
    }

    // Keep only transitions that change something: fewer, longer periods.
    auto same = [&](int a, int b) {
        const LocalType& x = zone.types_[a];
        const LocalType& y = zone.types_[b];
        return x.offset == y.offset && x.daylight_saving == y.daylight_saving && x.abbreviation == y.abbreviation;
    };
    for (const Transition& t : transitions) {
        // Two at one instant (only where times were clamped): the later wins.
        while (!zone.transitions_.empty() && zone.transitions_.back().at == t.at) zone.transitions_.pop_back();
        // RFC 8536: type 0 applies before the first transition.
        const int before = zone.transitions_.empty() ? 0 : zone.transitions_.back().type;
        if (!same(t.type, before)) zone.transitions_.push_back(t);
    }
    zone.least_offset_ = zone.greatest_offset_ = zone.types_[0].offset;
    auto widen = [&](seconds offset) {
        zone.least_offset_ = std::min(zone.least_offset_, offset);
        zone.greatest_offset_ = std::max(zone.greatest_offset_, offset);
    };
    for (const LocalType& type : zone.types_) widen(type.offset);
    if (zone.rule_) {
        widen(zone.rule_->standard_offset);
        if (zone.rule_->has_daylight) widen(zone.rule_->daylight_offset);
    }
    return zone;
}

const TimeZone& TimeZone::utc() {
    static const TimeZone zone = [] {
        TimeZone z;
        z.name_ = "UTC";
        z.types_.push_back({seconds(0), false, "UTC"});
        return z;
    }();
    return zone;
}

ZonePeriod TimeZone::period_at(date::sys_seconds t) const {
    auto next = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                                 [](date::sys_seconds x, const Transition& tr) { return x < tr.at; });
    if (next == transitions_.end() && rule_) return period_after_transitions(t);
    const LocalType& type = next == transitions_.begin() ? types_[0] : types_[std::prev(next)->type];
    return {next == transitions_.begin() ? earliest : std::prev(next)->at, next == transitions_.end() ? latest : next->at,
            type.offset, type.daylight_saving, type.abbreviation};
}

ZonePeriod TimeZone::period_after_transitions(date::sys_seconds t) const {
    const Rule& rule = *rule_;
    const date::sys_seconds last = transitions_.empty() ? earliest : transitions_.back().at;
    if (!rule.has_daylight) return {last, latest, rule.standard_offset, false, rule.standard_abbreviation};
    // The rule's changes in the years around t, in order; the last one at or
    // before t says which time is in force.
    const date::year year = date::year_month_day{date::floor<days>(t)}.year();
    std::vector<RuleChange> changes;
    for (date::year y = year - date::years(1); y <= year + date::years(1); ++y) {
        changes.push_back({date::sys_seconds{(change_day(rule.start, y) + rule.start.time).time_since_epoch() -
                                             rule.standard_offset},
                           true});
        changes.push_back({date::sys_seconds{(change_day(rule.end, y) + rule.end.time).time_since_epoch() -
                                             rule.daylight_offset},
                           false});
    }
    std::sort(changes.begin(), changes.end(), [](const RuleChange& a, const RuleChange& b) { return a.at < b.at; });
    auto after = std::upper_bound(changes.begin(), changes.end(), t,
                                  [](date::sys_seconds x, const RuleChange& c) { return x < c.at; });
    // A year starts in the state its previous year ended in; before the first
    // change in the window that is the state the last change sets.
    const bool daylight = after == changes.begin() ? changes.back().to_daylight : std::prev(after)->to_daylight;
    const date::sys_seconds begin = after == changes.begin() ? last : std::max(last, std::prev(after)->at);
    const date::sys_seconds end = after == changes.end() ? latest : after->at;
    if (daylight) return {begin, end, rule.daylight_offset, true, rule.daylight_abbreviation};
    return {begin, end, rule.standard_offset, false, rule.standard_abbreviation};
}

LocalTimeMeaning TimeZone::meaning_of(date::local_seconds local) const {
    // Every period that could hold this wall time lies between it less the
    // zone's greatest offset and less its least; walk them in order (mostly
    // just one).
    const date::sys_seconds as_utc{local.time_since_epoch()};
    LocalTimeMeaning meaning;
    std::optional<ZonePeriod> before;
    int matches = 0;
    for (ZonePeriod p = period_at(as_utc - greatest_offset_);; p = period_at(p.end)) {
        const date::sys_seconds instant = as_utc - p.offset;
        if (p.begin <= instant && instant < p.end) {
            (matches == 0 ? meaning.first : meaning.second) = p;
            ++matches;
        } else if (before && matches == 0 && instant < p.begin && as_utc - before->offset >= before->end) {
            // Past the end of the period before and short of this one's start: skipped.
            meaning.kind = LocalTimeMeaning::Skipped;
            meaning.first = *before;
            meaning.second = p;
            return meaning;
        }
        if (p.end > as_utc - least_offset_ || p.end == latest || matches == 2) break;
        before = p;
    }
    if (matches == 0) meaning.first = period_at(as_utc);   // unreachable for a well-formed zone
    meaning.kind = matches == 2 ? LocalTimeMeaning::Repeated : LocalTimeMeaning::Unique;
    return meaning;
}

}  // namespace core
