// Identifiers support asks for, and every field of a request form: tenant
// slugs, the program's organization ID and application key formats, free IDs,
// and check_field for each field kind. A valid slug has a suggestion and
// every suggestion is valid; an accepted ID has the shape its format promises.
#include "fuzz_input.hpp"

#include "core/checks/field_check.hpp"
#include "core/checks/identifier_check.hpp"
#include "core/checks/tenant_slug.hpp"
#include "core/text/utf8_text.hpp"

namespace {

void check_slug(std::string_view text) {
    const std::string problem = core::tenant_slug_problem(text);
    const std::string suggestion = core::suggest_tenant_slug(text);
    // Not always the slug itself: a valid "acme--prod" is suggested as "acme-prod".
    if (problem.empty()) fuzz::expect(!suggestion.empty());
    if (!suggestion.empty()) fuzz::expect(core::tenant_slug_problem(suggestion).empty());
}

void check_formats(const core::Program& program, std::string_view text) {
    for (const core::IdentifierFormat& format : program.identifier_formats) {
        if (!core::identifier_problem(format, text).empty()) continue;
        fuzz::expect(text.starts_with(format.prefix));
        const std::optional<std::u32string> body = core::decode_utf8(text.substr(format.prefix.size()));
        fuzz::expect(body && body->size() >= size_t(format.min_length) && body->size() <= size_t(format.max_length));
    }
    if (core::free_identifier_problem(text, "corr_01HXZ3T8K9QW7M2V").empty())
        for (char c : text) fuzz::expect(c > ' ' && c < 0x7F);
}

// Each field of every route, as typed, with and without a zone.
void check_fields(const core::Program& program, std::string_view text) {
    for (const core::FieldCheckContext& context :
         {core::FieldCheckContext{fuzz::now, nullptr}, core::FieldCheckContext{fuzz::now, fuzz::berlin()}})
        for (const core::Route& route : program.routes)
            for (const core::Field& field : route.fields)
                for (const core::FieldIssue& issue : core::check_field(program, field, text, context))
                    fuzz::expect(issue.field == field.id && !issue.message.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::Program& program = core::default_program();
    check_slug(text);
    check_formats(program, text);
    check_fields(program, text);
    return 0;
}
