#include "web/sso/identity_providers.hpp"

#include "web/sso/provider_http.hpp"
#include "core/text/json_reader.hpp"

namespace web {

namespace {

constexpr std::chrono::hours metadata_lifetime{1};
// A key id not found stays not found for this long without a new fetch;
// and however many ids are made up, the key set is fetched again at most
// this often a minute.
constexpr std::chrono::seconds missing_key_memory{30};
constexpr size_t refetches_per_minute = 10;

std::string text_member(const nlohmann::json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool lists(const nlohmann::json& object, const char* name, std::string_view word) {
    auto found = object.find(name);
    if (found == object.end() || !found->is_array()) return false;
    for (const nlohmann::json& one : *found)
        if (one.is_string() && one.get<std::string>() == word) return true;
    return false;
}

std::string answer_problem(const ProviderAnswer& answer) {
    if (!answer.answered()) return answer.error;
    return "it answered HTTP " + std::to_string(*answer.status);
}

}  // namespace

std::string discovery_url(const std::string& issuer) {
    std::string base = issuer;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/.well-known/openid-configuration";
}

MetadataLookup read_provider_metadata(const std::string& issuer, std::string_view text) {
    const nlohmann::json document = core::read_json(text);
    if (!document.is_object()) return {std::nullopt, "its discovery document is not a JSON object"};
    ProviderMetadata metadata;
    metadata.issuer = text_member(document, "issuer");
    if (metadata.issuer != issuer)
        return {std::nullopt, "its discovery document names the issuer \"" + metadata.issuer + "\", not \"" + issuer + "\""};
    metadata.authorization_endpoint = text_member(document, "authorization_endpoint");
    metadata.token_endpoint = text_member(document, "token_endpoint");
    metadata.jwks_uri = text_member(document, "jwks_uri");
    for (auto [name, url] : {std::pair{"authorization_endpoint", &metadata.authorization_endpoint},
                             std::pair{"token_endpoint", &metadata.token_endpoint}, std::pair{"jwks_uri", &metadata.jwks_uri}}) {
        if (url->empty()) return {std::nullopt, std::string("its discovery document has no ") + name};
        if (std::string problem = provider_url_problem(*url); !problem.empty())
            return {std::nullopt, std::string("its ") + name + " " + *url + ": " + problem};
    }
    if (document.contains("response_types_supported") && !lists(document, "response_types_supported", "code"))
        return {std::nullopt, "it does not offer the authorization code flow (response type \"code\")"};
    // Basic is the default (OpenID Connect Core 9); the form only when it is all the provider takes.
    metadata.client_secret_post = document.contains("token_endpoint_auth_methods_supported") &&
                                  !lists(document, "token_endpoint_auth_methods_supported", "client_secret_basic") &&
                                  lists(document, "token_endpoint_auth_methods_supported", "client_secret_post");
    return {std::move(metadata), {}};
}

MetadataLookup IdentityProviders::metadata(const std::string& issuer, core::Instant now) {
    {
        std::lock_guard lock(mutex_);
        auto known = metadata_.find(issuer);
        if (known != metadata_.end() && now < known->second.fetched_at + metadata_lifetime) return {known->second.metadata, {}};
    }
    const std::string url = discovery_url(issuer);
    const ProviderAnswer answer = call_provider(url, {});
    if (!answer.answered() || *answer.status != 200)
        return {std::nullopt, "its discovery document " + url + " could not be read: " + answer_problem(answer)};
    MetadataLookup lookup = read_provider_metadata(issuer, answer.body);
    if (lookup.metadata) {
        std::lock_guard lock(mutex_);
        metadata_[issuer] = KnownMetadata{*lookup.metadata, now};
    }
    return lookup;
}

std::optional<SigningKey> IdentityProviders::find_key(const std::string& jwks_uri, const std::string& kid) {
    std::lock_guard lock(mutex_);
    auto known = keys_.find(jwks_uri);
    if (known == keys_.end()) return std::nullopt;
    const std::vector<SigningKey>& keys = known->second.keys;
    if (kid.empty()) {
        if (keys.size() == 1) return keys.front();
        return std::nullopt;
    }
    for (const SigningKey& key : keys)
        if (key.kid == kid) return key;
    return std::nullopt;
}

KeyLookup IdentityProviders::signing_key(const ProviderMetadata& provider, const core::CompactJws& jws, core::Instant now) {
    KeyLookup lookup;
    std::string& problem = lookup.problem;
    auto kid_member = jws.header.find("kid");
    const std::string kid = kid_member != jws.header.end() && kid_member->is_string() ? kid_member->get<std::string>() : "";
    if ((lookup.key = find_key(provider.jwks_uri, kid))) return lookup;
    {
        // A new key id is what a provider's key rotation looks like: fetch
        // again at once, unless this id was missing a moment ago or too many
        // made-up ids came this minute.
        std::lock_guard lock(mutex_);
        auto known = keys_.find(provider.jwks_uri);
        if (known != keys_.end()) {
            KnownKeys& cache = known->second;
            std::erase_if(cache.missing, [&](const auto& entry) { return now >= entry.second + missing_key_memory; });
            std::erase_if(cache.refetches, [&](core::Instant at) { return now >= at + std::chrono::minutes{1}; });
            if (cache.missing.count(kid) || cache.refetches.size() >= refetches_per_minute) {
                problem = "no key \"" + kid + "\" in its key set (fetched " +
                          std::to_string((now - cache.fetched_at).count()) + " s ago)";
                return lookup;
            }
        }
    }
    const ProviderAnswer answer = call_provider(provider.jwks_uri, {});
    if (!answer.answered() || *answer.status != 200) {
        problem = "its key set " + provider.jwks_uri + " could not be read: " + answer_problem(answer);
        lookup.unreachable = true;
        return lookup;
    }
    std::vector<SigningKey> keys = read_signing_keys(answer.body, problem);
    if (keys.empty()) {
        lookup.unreachable = true;
        return lookup;
    }
    {
        std::lock_guard lock(mutex_);
        KnownKeys& cache = keys_[provider.jwks_uri];
        const bool refetched = !cache.keys.empty();
        cache.keys = std::move(keys);
        cache.fetched_at = now;
        if (refetched) cache.refetches.push_back(now);
    }
    if ((lookup.key = find_key(provider.jwks_uri, kid))) return lookup;
    {
        std::lock_guard lock(mutex_);
        keys_[provider.jwks_uri].missing[kid] = now;
    }
    problem = kid.empty() ? "the token names no key, and its key set has more than one" : "no key \"" + kid + "\" in its key set";
    return lookup;
}

}  // namespace web
