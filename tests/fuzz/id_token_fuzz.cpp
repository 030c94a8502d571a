// An identity provider's ID token, as the service receives it from the token
// endpoint: any text is split into a JWS or refused with a reason, and its
// claims are accepted only with an identity, refused only with a detail.
#include "fuzz_input.hpp"

#include "core/checks/id_token.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = fuzz::text_of(data, size);
    const core::Parsed<core::CompactJws> jws = core::split_compact_jws(text);
    fuzz::expect(bool(jws) == jws.error.empty());
    if (!jws) return 0;
    fuzz::expect(jws->header.is_object() && jws->claims.is_object() && !jws->signature.empty());
    fuzz::expect(text.starts_with(jws->signing_input));
    const core::IdTokenClaimsCheck check =
        core::check_id_token_claims(jws->claims, {"https://id.globex.test", "portal", "n-0S6", fuzz::now});
    fuzz::expect(bool(check.identity) == check.detail.empty());
    if (check.identity) fuzz::expect(!check.identity->email.empty() && !core::email_domain(check.identity->email).empty());
    return 0;
}
