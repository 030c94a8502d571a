// POSTs that create something (an invitation, a ticket, a comment, an
// escalation) carry an Idempotency-Key: the same request sent again after a
// network error gets the first answer instead of doing the work twice. Keys
// are per user and kept a day (idempotency_store); a key sent again with a
// different request is a 422. Answers to requests refused before any work
// (a bad body, no access) are not kept, so a corrected request may reuse its key.
#pragma once

#include "web/http/api_router.hpp"
#include "web/store/database.hpp"
#include "web/store/idempotency_store.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

struct sqlite3;

namespace web {

// What a key keeps from happening twice, for the messages: {"invitation", "invite twice"}.
struct IdempotentPurpose {
    const char* each;
    const char* twice;
};

struct IdempotentPost {
    std::string key;
    std::string digest;      // of method, path and body
    nlohmann::json body;     // the request body, a JSON object (empty for an upload's bytes)
};

// What the body of such a POST is: a JSON object, or a file's bytes.
enum class PostBody { JsonObject, Bytes };

// The request's key and body, or nothing after answering 400 without a
// usable key or (for PostBody::JsonObject) a JSON object body.
std::optional<IdempotentPost> read_idempotent_post(ApiCall& call, const IdempotentPurpose& purpose, PostBody kind = PostBody::JsonObject);

// True after answering a repeated request: the first answer again (with
// Idempotent-Replayed: true), or 422 for a key used with a different request.
// Call it only once the caller is known to be allowed to make the request
// now: someone who has lost access gets no stored answer either.
bool replayed_earlier_answer(ApiCall& call, Database& database, const IdempotentPost& post, const IdempotentPurpose& purpose);

// Both of the above, for routes that have checked access already.
std::optional<IdempotentPost> begin_idempotent_post(ApiCall& call, Database& database, const IdempotentPurpose& purpose,
                                                    PostBody kind = PostBody::JsonObject);

// In one transaction: unless a request with the same key got there first
// (its answer goes out instead), runs `work`, keeps its answer under the key
// and sends it. `work` throws (DatabaseError) to leave everything as it was.
// Returns true when `work` ran.
bool answer_idempotent_post(ApiCall& call, Database& database, const IdempotentPost& post, const IdempotentPurpose& purpose,
                            const std::function<StoredAnswer(sqlite3*)>& work);

// Sends an answer as kept: JSON, or problem+json for an error status;
// `replayed` adds Idempotent-Replayed: true.
void send_kept_answer(httplib::Response& response, const StoredAnswer& answer, bool replayed = false);

}  // namespace web
