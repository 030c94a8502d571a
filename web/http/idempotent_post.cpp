#include "web/http/idempotent_post.hpp"

#include "web/http/json_response.hpp"
#include "web/http/problem.hpp"
#include "web/http/response_body.hpp"
#include "web/store/sqlite_statement.hpp"

namespace web {

namespace {

constexpr size_t longest_idempotency_key = 200;

void send_key_reused(httplib::Response& response, const IdempotentPurpose& purpose) {
    send_problem(response, 422,
                 std::string("This Idempotency-Key was already used for a different request. Use a new key for each new ") +
                     purpose.each + ".");
}

// The first answer, or 422 when the key came with another request.
void send_earlier_answer(httplib::Response& response, const StoredAnswer& answer, const std::string& digest,
                         const IdempotentPurpose& purpose) {
    if (answer.request_digest == digest)
        send_kept_answer(response, answer, true);
    else
        send_key_reused(response, purpose);
}

}  // namespace

void send_kept_answer(httplib::Response& response, const StoredAnswer& answer, bool replayed) {
    response.status = answer.status;
    response.set_header("Cache-Control", "no-store");
    if (replayed) response.set_header("Idempotent-Replayed", "true");
    set_body(response, answer.body, answer.status >= 400 ? "application/problem+json" : "application/json");
}

std::optional<IdempotentPost> read_idempotent_post(ApiCall& call, const IdempotentPurpose& purpose, PostBody kind) {
    IdempotentPost post;
    post.key = call.request.get_header_value("Idempotency-Key");
    if (post.key.empty()) {
        send_problem(call.response, 400,
                     std::string("Send an Idempotency-Key header with a new random value for each ") + purpose.each +
                         ", so that sending it again after a network error does not " + purpose.twice + ".");
        return std::nullopt;
    }
    if (post.key.size() > longest_idempotency_key) {
        send_problem(call.response, 400, "The Idempotency-Key header is at most 200 characters.");
        return std::nullopt;
    }
    if (kind == PostBody::JsonObject) {
        std::optional<nlohmann::json> body = json_object_body(call.request, call.response);
        if (!body) return std::nullopt;
        post.body = std::move(*body);
    }
    // Over the bytes as sent (a retry sends the same ones), not a re-serialised
    // value: that walk recurses, and costs time for nothing.
    post.digest = request_digest("POST", call.request.path, call.request.body);
    return post;
}

bool replayed_earlier_answer(ApiCall& call, Database& database, const IdempotentPost& post, const IdempotentPurpose& purpose) {
    // Checked before anything else could have changed since.
    const int64_t user_id = call.caller->user_id;
    std::optional<StoredAnswer> stored = database.with_connection(
        [&](sqlite3* connection) { return IdempotencyStore(connection).find(user_id, post.key, call.now); });
    if (!stored) return false;
    send_earlier_answer(call.response, *stored, post.digest, purpose);
    return true;
}

std::optional<IdempotentPost> begin_idempotent_post(ApiCall& call, Database& database, const IdempotentPurpose& purpose, PostBody kind) {
    std::optional<IdempotentPost> post = read_idempotent_post(call, purpose, kind);
    if (!post || replayed_earlier_answer(call, database, *post, purpose)) return std::nullopt;
    return post;
}

bool answer_idempotent_post(ApiCall& call, Database& database, const IdempotentPost& post, const IdempotentPurpose& purpose,
                            const std::function<StoredAnswer(sqlite3*)>& work) {
    const int64_t user_id = call.caller->user_id;
    StoredAnswer answer;
    bool replayed = false;
    database.with_connection([&](sqlite3* connection) {
        Transaction transaction(connection);
        IdempotencyStore keys(connection);
        // The same key may have arrived twice at once: the first to get here wins.
        if (std::optional<StoredAnswer> first = keys.find(user_id, post.key, call.now)) {
            answer = *first;
            replayed = true;
            return;
        }
        answer = work(connection);
        answer.request_digest = post.digest;
        keys.remember(user_id, post.key, answer, call.now);
        transaction.commit();
    });
    if (replayed) {
        send_earlier_answer(call.response, answer, post.digest, purpose);
        return false;
    }
    send_kept_answer(call.response, answer);
    return true;
}

}  // namespace web
