// A JSON Web Token pasted into the form, decoded in the page: any text gives
// either a decoded token or a reason, and base64url, which the token is made
// of, reads back only what it would write.
#include "fuzz_input.hpp"

#include "core/text/base64url.hpp"
#include "core/checks/jwt_inspection.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    for (const core::JwtExpectations& expectations :
         {core::JwtExpectations{fuzz::now, nullptr, ""},
          core::JwtExpectations{fuzz::now, fuzz::berlin(), "https://acme-prod.example.com/"}}) {
        const core::JwtInspection inspection = core::inspect_jwt(text, expectations);
        fuzz::expect(inspection.decoded == inspection.error.empty());
        for (const core::JwtFinding& finding : inspection.findings) fuzz::expect(!finding.message.empty());
    }
    if (const std::optional<std::string> bytes = core::base64url_decode(text))
        fuzz::expect(core::base64url_encode(*bytes) == text);
    return 0;
}
