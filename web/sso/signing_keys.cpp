#include "web/sso/signing_keys.hpp"

#include "core/text/base64url.hpp"
#include "core/text/json_reader.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace web {

namespace {

struct Algorithm {
    std::string_view name;
    const EVP_MD* (*digest)();
    enum Kind { Pkcs1, Pss, Ecdsa } kind;
    std::string_view curve;   // for ECDSA
};

const Algorithm algorithms[] = {
    {"RS256", EVP_sha256, Algorithm::Pkcs1, ""}, {"RS384", EVP_sha384, Algorithm::Pkcs1, ""},
    {"RS512", EVP_sha512, Algorithm::Pkcs1, ""}, {"PS256", EVP_sha256, Algorithm::Pss, ""},
    {"PS384", EVP_sha384, Algorithm::Pss, ""},   {"PS512", EVP_sha512, Algorithm::Pss, ""},
    {"ES256", EVP_sha256, Algorithm::Ecdsa, "P-256"}, {"ES384", EVP_sha384, Algorithm::Ecdsa, "P-384"},
    {"ES512", EVP_sha512, Algorithm::Ecdsa, "P-521"},
};

const Algorithm* algorithm(std::string_view name) {
    for (const Algorithm& one : algorithms)
        if (one.name == name) return &one;
    return nullptr;
}

using Bignum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

std::optional<std::string> member_bytes(const nlohmann::json& jwk, const char* name) {
    auto found = jwk.find(name);
    if (found == jwk.end() || !found->is_string()) return std::nullopt;
    std::optional<std::string> bytes = core::base64url_decode(found->get<std::string>());
    if (!bytes || bytes->empty()) return std::nullopt;
    return bytes;
}

Bignum bignum(const std::string& bytes) {
    return Bignum(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), int(bytes.size()), nullptr), &BN_free);
}

std::shared_ptr<EVP_PKEY> key_from(const char* type, OSSL_PARAM_BLD* builder) {
    Params params(OSSL_PARAM_BLD_to_param(builder), &OSSL_PARAM_free);
    KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr), &EVP_PKEY_CTX_free);
    EVP_PKEY* key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return nullptr;
    return std::shared_ptr<EVP_PKEY>(key, &EVP_PKEY_free);
}

std::shared_ptr<EVP_PKEY> rsa_key(const nlohmann::json& jwk) {
    std::optional<std::string> modulus = member_bytes(jwk, "n"), exponent = member_bytes(jwk, "e");
    if (!modulus || !exponent || modulus->size() < 256) return nullptr;   // 2048 bits at least
    Bignum n = bignum(*modulus), e = bignum(*exponent);
    ParamBuilder builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
    if (!n || !e || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return nullptr;
    return key_from("RSA", builder.get());
}

size_t curve_bytes(std::string_view curve) { return curve == "P-256" ? 32 : curve == "P-384" ? 48 : curve == "P-521" ? 66 : 0; }

std::shared_ptr<EVP_PKEY> ec_key(const nlohmann::json& jwk, const std::string& curve) {
    const char* group = curve == "P-256" ? "prime256v1" : curve == "P-384" ? "secp384r1" : curve == "P-521" ? "secp521r1" : nullptr;
    std::optional<std::string> x = member_bytes(jwk, "x"), y = member_bytes(jwk, "y");
    if (!group || !x || !y || x->size() != curve_bytes(curve) || y->size() != curve_bytes(curve)) return nullptr;
    const std::string point = std::string(1, '\x04') + *x + *y;   // uncompressed
    ParamBuilder builder(OSSL_PARAM_BLD_new(), &OSSL_PARAM_BLD_free);
    if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
        return nullptr;
    return key_from("EC", builder.get());
}

std::string text_member(const nlohmann::json& object, const char* name) {
    auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// JOSE's r || s, each the curve's size, as the DER SEQUENCE OpenSSL verifies.
std::optional<std::string> ecdsa_der(const std::string& signature, size_t half) {
    if (signature.size() != 2 * half) return std::nullopt;
    ECDSA_SIG* sig = ECDSA_SIG_new();
    if (!sig) return std::nullopt;
    BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data()), int(half), nullptr);
    BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(signature.data() + half), int(half), nullptr);
    if (!r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (length <= 0) return std::nullopt;
    std::string out(reinterpret_cast<char*>(der), size_t(length));
    OPENSSL_free(der);
    return out;
}

}  // namespace

bool is_accepted_algorithm(std::string_view alg) { return algorithm(alg) != nullptr; }

std::vector<SigningKey> read_signing_keys(std::string_view jwks_text, std::string& problem) {
    std::vector<SigningKey> keys;
    const nlohmann::json document = core::read_json(jwks_text);
    auto list = document.is_object() ? document.find("keys") : document.end();
    if (!document.is_object() || list == document.end() || !list->is_array()) {
        problem = "the key set is not a JSON object with a \"keys\" array";
        return keys;
    }
    for (const nlohmann::json& jwk : *list) {
        if (!jwk.is_object()) continue;
        if (jwk.contains("use") && text_member(jwk, "use") != "sig") continue;
        SigningKey key;
        key.kid = text_member(jwk, "kid");
        key.alg = text_member(jwk, "alg");
        const std::string type = text_member(jwk, "kty");
        if (type == "RSA") {
            key.rsa = true;
            key.key = rsa_key(jwk);
        } else if (type == "EC") {
            key.curve = text_member(jwk, "crv");
            key.key = ec_key(jwk, key.curve);
        }
        if (key.key) keys.push_back(std::move(key));
    }
    if (keys.empty()) problem = "the key set holds no signing key the portal can use (RSA of 2048 bits or more, or EC)";
    return keys;
}

bool signature_verifies(const core::CompactJws& jws, const SigningKey& key) {
    const std::string name = text_member(jws.header, "alg");
    const Algorithm* chosen = algorithm(name);
    if (!chosen || !key.key) return false;
    if (!key.alg.empty() && key.alg != name) return false;
    if ((chosen->kind == Algorithm::Ecdsa) == key.rsa) return false;
    if (chosen->kind == Algorithm::Ecdsa && chosen->curve != key.curve) return false;

    std::string signature = jws.signature;
    if (chosen->kind == Algorithm::Ecdsa) {
        std::optional<std::string> der = ecdsa_der(signature, curve_bytes(key.curve));
        if (!der) return false;
        signature = std::move(*der);
    }
    DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_PKEY_CTX* key_context = nullptr;
    if (!context || EVP_DigestVerifyInit(context.get(), &key_context, chosen->digest(), nullptr, key.key.get()) != 1)
        return false;
    if (chosen->kind == Algorithm::Pss &&
        (EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, RSA_PSS_SALTLEN_DIGEST) != 1))
        return false;
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                            reinterpret_cast<const unsigned char*>(jws.signing_input.data()), jws.signing_input.size()) == 1;
}

}  // namespace web
