#include "web/admin/webhook_commands.hpp"

#include "web/admin/admin_flags.hpp"
#include "web/store/unix_time.hpp"
#include "web/webhooks/webhook_store.hpp"

#include <charconv>
#include <cstdio>
#include <optional>

namespace web {

namespace {

std::string answer_text(const std::optional<int>& status, const std::optional<std::string>& error) {
    if (error) return *error;
    if (status) return "answered " + std::to_string(*status);
    return "-";
}

int add(Database& database, const std::vector<std::string>& args, size_t at) {
    AdminFlags flags = read_admin_flags(args, at, {"--secret-file"});
    if (!flags.problem.empty()) return admin_fail("webhook add: " + flags.problem, admin_exit_usage);
    if (flags.words.size() != 1) return admin_fail("webhook add needs one URL", admin_exit_usage);
    if (!flags.values.count("--secret-file"))
        return admin_fail("webhook add needs --secret-file FILE (the secret that signs each delivery, 16+ characters)",
                          admin_exit_usage);
    const std::string& url = flags.words[0];
    if (std::string problem = webhook_url_problem(url); !problem.empty())
        return admin_fail("webhook add: " + url + ": " + problem, admin_exit_usage);
    std::string problem;
    std::optional<std::string> secret = read_secret_file(flags.values["--secret-file"], problem);
    if (!secret) return admin_fail("webhook add: " + problem, admin_exit_usage);
    if (problem = webhook_secret_problem(*secret); !problem.empty())
        return admin_fail("webhook add: " + problem, admin_exit_usage);
    const bool added = database.with_connection([&](sqlite3* c) { return WebhookStore(c).add(url, *secret, service_now()); });
    if (!added) return admin_fail("webhook add: " + url + " receives webhooks already", admin_exit_refused);
    std::printf("added webhook %s; every ticket event from now on is POSTed to it, signed with the secret\n", url.c_str());
    return 0;
}

int remove(Database& database, const std::vector<std::string>& args, size_t at) {
    AdminFlags flags = read_admin_flags(args, at, {});
    if (!flags.problem.empty()) return admin_fail("webhook remove: " + flags.problem, admin_exit_usage);
    if (flags.words.size() != 1) return admin_fail("webhook remove needs one URL", admin_exit_usage);
    const std::string& url = flags.words[0];
    const bool removed = database.with_connection([&](sqlite3* c) { return WebhookStore(c).remove(url, service_now()); });
    if (!removed) return admin_fail("webhook remove: no webhook in use has the URL " + url, admin_exit_refused);
    std::printf("removed webhook %s; nothing more is sent to it\n", url.c_str());
    return 0;
}

int list(Database& database, const std::vector<std::string>& args, size_t at) {
    if (at != args.size()) return admin_fail("webhook list takes no arguments", admin_exit_usage);
    const std::vector<WebhookSummary> webhooks = database.with_connection([](sqlite3* c) { return WebhookStore(c).in_use(); });
    if (webhooks.empty()) {
        std::fprintf(stderr, "portal admin: no webhooks yet; add one with ./portal admin webhook add URL --secret-file FILE\n");
        return 0;
    }
    std::printf("%-40s %-10s %-7s %-9s %s\n", "URL", "ADDED", "WAITING", "DELIVERED", "LAST ANSWER");
    for (const WebhookSummary& webhook : webhooks)
        std::printf("%-40s %-10s %-7lld %-9lld %s\n", webhook.url.c_str(),
                    utc_text(webhook.created_at).substr(0, 10).c_str(), static_cast<long long>(webhook.queued),
                    static_cast<long long>(webhook.delivered), answer_text(webhook.last_status, webhook.last_error).c_str());
    return 0;
}

int deliveries(Database& database, const std::vector<std::string>& args, size_t at) {
    AdminFlags flags = read_admin_flags(args, at, {"--limit"});
    if (!flags.problem.empty()) return admin_fail("webhook deliveries: " + flags.problem, admin_exit_usage);
    if (!flags.words.empty()) return admin_fail("webhook deliveries: unexpected " + flags.words.front(), admin_exit_usage);
    int limit = 20;
    if (flags.values.count("--limit")) {
        const std::string& text = flags.values["--limit"];
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
        if (error != std::errc() || end != text.data() + text.size() || limit < 1 || limit > 10000)
            return admin_fail("webhook deliveries: --limit must be a number from 1 to 10000, not \"" + text + "\"",
                              admin_exit_usage);
    }
    const std::vector<DeliveryRow> rows = database.with_connection([&](sqlite3* c) { return WebhookStore(c).recent(limit); });
    if (rows.empty()) {
        std::fprintf(stderr, "portal admin: no deliveries yet\n");
        return 0;
    }
    std::printf("%-32s %-6s %-24s %-8s %-9s %-8s %-20s %s\n", "DELIVERY", "EVENT", "TYPE", "TICKET", "STATUS", "ATTEMPTS",
                "LAST ATTEMPT", "LAST ANSWER");
    for (const DeliveryRow& row : rows) {
        const std::string status = row.shown_status();
        std::printf("%-32s %-6lld %-24s %-8s %-9s %-8d %-20s %s\n", row.key.c_str(), static_cast<long long>(row.event_id),
                    row.event_type.c_str(), row.ticket_id.c_str(), status.c_str(), row.attempts,
                    row.last_attempt_at ? utc_text(*row.last_attempt_at).c_str() : "-",
                    answer_text(row.last_status, row.last_error).c_str());
    }
    return 0;
}

}  // namespace

int webhook_command(Database& database, const std::vector<std::string>& args, size_t at) {
    const std::string verb = at < args.size() ? args[at] : "";
    if (verb == "add") return add(database, args, at + 1);
    if (verb == "remove") return remove(database, args, at + 1);
    if (verb == "list") return list(database, args, at + 1);
    if (verb == "deliveries") return deliveries(database, args, at + 1);
    return admin_fail("webhook needs add, list, remove or deliveries", admin_exit_usage);
}

}  // namespace web
