// An identity provider's signing keys (its JWK Set, RFC 7517) and checking a
// token's signature with one of them. OpenSSL does the cryptography; here is
// only the JOSE around it: which JWK becomes which OpenSSL key, which
// algorithm names we accept (RS256/384/512, PS256/384/512, ES256/384/512:
// what providers publish; never "none" or a shared-secret HS*, which would
// let anyone who knows the client secret make tokens), and ECDSA's JOSE
// signature form (r || s) turned into the DER OpenSSL reads.
#pragma once

#include "core/checks/id_token.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace web {

struct SigningKey {
    std::string kid;                    // may be empty
    std::string alg;                    // the JWK's "alg", when it names one
    std::string curve;                  // "P-256", ... for EC keys
    bool rsa = false;
    std::shared_ptr<EVP_PKEY> key;
};

bool is_accepted_algorithm(std::string_view alg);

// The usable signing keys of a JWK Set document; keys for encryption, of
// other types or unreadable are left out. `problem` says why none could be
// read when the document itself is wrong.
std::vector<SigningKey> read_signing_keys(std::string_view jwks_text, std::string& problem);

// True when `jws` is signed with `key` by the algorithm in its header, that
// algorithm is accepted and fits the key (kind, curve, the JWK's "alg").
bool signature_verifies(const core::CompactJws& jws, const SigningKey& key);

}  // namespace web
