// Timestamps as people paste them (ISO-8601, zone names, log formats, epoch):
// a reading is an instant or a reason; a time that names its zone means the
// same instant whatever the reader's zone; and an instant read, written back
// in UTC, reads as itself.
#include "fuzz_input.hpp"

#include "core/checks/timestamp_text.hpp"

namespace {

void expect_instant_or_error(const core::TimestampReading& reading) {
    fuzz::expect(reading.instant.has_value() == reading.error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::TimestampReading in_utc = core::read_timestamp(text, nullptr);
    const core::TimestampReading in_berlin = core::read_timestamp(text, fuzz::berlin());
    expect_instant_or_error(in_utc);
    expect_instant_or_error(in_berlin);
    if (in_utc.instant && in_utc.had_zone) {
        fuzz::expect(in_berlin.instant == in_utc.instant);
        const core::TimestampReading again = core::read_timestamp(core::format_instant_utc(*in_utc.instant), nullptr);
        fuzz::expect(again.instant == in_utc.instant && again.had_zone);
    }
    if (in_berlin.instant) {
        const core::TimestampReading again = core::read_timestamp(core::format_instant_utc(*in_berlin.instant), nullptr);
        fuzz::expect(again.instant == in_berlin.instant);
    }
    return 0;
}
