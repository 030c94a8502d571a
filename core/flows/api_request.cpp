#include "core/flows/api_request.hpp"

namespace core {

HttpRequest api_request(const State& state, std::string method, std::string url, HttpReply reply, std::string body,
                        int generation) {
    HttpRequest r;
    r.method = std::move(method);
    r.url = std::move(url);
    r.body = std::move(body);
    r.reply = reply;
    r.generation = generation;
    if (r.method != "GET" && state.account) r.csrf_token = state.account->csrf_token;
    return r;
}

std::string next_idempotency_key(State& state) { return state.key_prefix + "-" + std::to_string(++state.key_counter); }

}  // namespace core
