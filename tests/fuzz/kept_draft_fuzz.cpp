// Drafts kept on the device and draft files someone imports: what reads as a
// draft is written back, compact or pretty, to a file that reads as the same
// draft; and a file that imports also reads as a kept draft, the same one.
#include "fuzz_input.hpp"

#include "core/model/kept_draft.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::Parsed<core::KeptDraft> kept = core::parse_kept_draft(text);
    const core::Parsed<core::KeptDraft> file = core::parse_draft_file(text);
    fuzz::expect(kept.value.has_value() == kept.error.empty());
    fuzz::expect(file.value.has_value() == file.error.empty());
    if (file) fuzz::expect(kept && *kept.value == *file.value);
    if (!kept) return 0;
    for (bool pretty : {false, true}) {
        const core::Parsed<core::KeptDraft> again = core::parse_draft_file(core::kept_draft_to_json(*kept.value, pretty));
        fuzz::expect(again && *again.value == *kept.value);
    }
    fuzz::expect(!core::draft_file_name(kept.value->draft.route, fuzz::now, fuzz::berlin()).empty());
    return 0;
}
