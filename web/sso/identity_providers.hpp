// What the service knows of each tenant's identity provider, fetched when
// first needed and kept in memory (it is a cache: any instance can fetch it
// again): the discovery document (OpenID Connect Discovery 1.0) for an hour,
// and the signing keys until a token names a key id we do not have; then the
// key set is fetched again, so a provider's key rotation works at once. A
// missing id is remembered for 30 seconds and the set is fetched again at
// most 10 times a minute, so a flood of made-up ids costs little.
#pragma once

#include "web/sso/signing_keys.hpp"
#include "core/sla/business_calendar.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace web {

struct ProviderMetadata {
    std::string issuer;
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    bool client_secret_post = false;   // it takes the client's secret in the form, not as HTTP Basic
};

struct MetadataLookup {
    std::optional<ProviderMetadata> metadata;
    std::string problem;   // why not, in words, when there is none
};

// Reads a discovery document fetched for `issuer`: the issuer it states must
// be that one exactly, and every endpoint a URL the service may call.
MetadataLookup read_provider_metadata(const std::string& issuer, std::string_view text);

// "https://id.example.com/.well-known/openid-configuration" for "https://id.example.com/".
std::string discovery_url(const std::string& issuer);

struct KeyLookup {
    std::optional<SigningKey> key;
    std::string problem;
    bool unreachable = false;   // the key set could not be read, rather than lacking the key
};

class IdentityProviders {
public:
    MetadataLookup metadata(const std::string& issuer, core::Instant now);

    // The key that signed `jws` (by its "kid", or the only key when it names
    // none), or why there is none.
    KeyLookup signing_key(const ProviderMetadata& provider, const core::CompactJws& jws, core::Instant now);

private:
    struct KnownMetadata {
        ProviderMetadata metadata;
        core::Instant fetched_at{};
    };
    struct KnownKeys {
        std::vector<SigningKey> keys;
        core::Instant fetched_at{};
        std::map<std::string, core::Instant> missing;   // key ids not in the set, when last looked for
        std::vector<core::Instant> refetches;            // fetches for an unknown id, this minute
    };
    std::optional<SigningKey> find_key(const std::string& jwks_uri, const std::string& kid);

    std::mutex mutex_;
    std::map<std::string, KnownMetadata> metadata_;   // by issuer
    std::map<std::string, KnownKeys> keys_;           // by jwks_uri
};

}  // namespace web
