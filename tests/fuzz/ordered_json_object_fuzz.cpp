// Objects read in the order written (token claims, drafts): what reads
// agrees with nlohmann on the members and their values, names each member
// once, and is written back, compact or pretty, to text that reads as the
// same members in the same order.
#include "fuzz_input.hpp"

#include "core/text/json_reader.hpp"
#include "core/text/ordered_json_object.hpp"

#include <set>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const std::optional<core::OrderedJsonObject> object = core::OrderedJsonObject::read(text);
    const nlohmann::json plain = core::read_json(text);
    fuzz::expect(object.has_value() == (!plain.is_discarded() && plain.is_object()));
    if (!object) return 0;
    fuzz::expect(object->members().size() == plain.size());
    std::set<std::string> names;
    for (const auto& [name, value] : object->members()) {
        fuzz::expect(names.insert(name).second);
        fuzz::expect(plain.contains(name) && plain.at(name) == value);
    }
    for (int indent : {-1, 0, 2}) {
        const std::optional<core::OrderedJsonObject> again = core::OrderedJsonObject::read(object->dump(indent));
        fuzz::expect(again && again->members() == object->members());
    }
    return 0;
}
