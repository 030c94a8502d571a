#include "web/admin/admin_command.hpp"

#include "core/program/program.hpp"
#include "web/accounts/account_store.hpp"
#include "web/admin/operator_invitations.hpp"
#include "web/admin/tenant_provisioning.hpp"
#include "web/accounts/password_reset_store.hpp"
#include "web/accounts/secret_token.hpp"
#include "web/mail/password_reset_mail.hpp"

#include "core/checks/email_address.hpp"
#include "web/status/program_document.hpp"
#include "web/store/database.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"

#include <date/date.h>

#include <cstdio>
#include <map>
#include <optional>

namespace web {

namespace {

constexpr int exit_refused = 1;
constexpr int exit_usage = 2;

constexpr const char* usage =
    "usage: portal-web admin [--db PATH] [--program FILE] COMMAND\n"
    "  tenant add --slug S --name N --plan P --region R [--trial-started YYYY-MM-DD]\n"
    "  tenant plan SLUG PLAN     move a tenant to another plan of the program\n"
    "  tenant list\n"
    "  invite --tenant SLUG EMAIL [--url URL]   the tenant's admin: an e-mail, and the link printed\n"
    "  engineer invite EMAIL [--url URL]        the vendor's support engineer, of every tenant\n"
    "  engineer list\n"
    "  revoke EMAIL                             every membership and session of the address ends\n"
    "  reset-link EMAIL [--url URL]             a link to choose a new password, printed, not mailed\n"
    "URL is where people open the portal (default http://127.0.0.1:8080, ./portal run's).\n";

int fail(const std::string& message, int code) {
    std::fprintf(stderr, "portal admin: %s\n", message.c_str());
    return code;
}

// --name value pairs after the command's words; a repeated, unknown or
// valueless option is a usage problem.
struct Flags {
    std::map<std::string, std::string> values;
    std::vector<std::string> words;
    std::string problem;
};

Flags read_flags(const std::vector<std::string>& args, size_t from, const std::vector<std::string>& known) {
    Flags flags;
    for (size_t i = from; i < args.size(); i++) {
        const std::string& arg = args[i];
        if (!arg.starts_with("--")) {
            flags.words.push_back(arg);
            continue;
        }
        std::string name = arg, value;
        bool has_value = false;
        if (size_t equals = arg.find('='); equals != std::string::npos) {
            name = arg.substr(0, equals);
            value = arg.substr(equals + 1);
            has_value = true;
        } else if (i + 1 < args.size()) {
            value = args[++i];
            has_value = true;
        }
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            flags.problem = "unknown option " + name;
            return flags;
        }
        if (!has_value) {
            flags.problem = name + " needs a value";
            return flags;
        }
        if (flags.values.count(name)) {
            flags.problem = name + " is given twice";
            return flags;
        }
        flags.values[name] = value;
    }
    return flags;
}

std::string day_of(const std::optional<core::Instant>& at) {
    if (!at) return "-";
    return date::format("%F", date::floor<date::days>(*at));
}

void print_tenant(const TenantRecord& tenant) {
    std::printf("%-24s %-12s %-8s %-10s %s\n", tenant.slug.c_str(), tenant.plan.c_str(),
                tenant.region.value_or("-").c_str(), day_of(tenant.created_at).c_str(), tenant.name.c_str());
}

int tenant_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at) {
    if (at >= args.size()) return fail("tenant needs add, plan or list\n" + std::string(usage), exit_usage);
    const std::string& verb = args[at];
    if (verb == "list") {
        if (at + 1 != args.size()) return fail("tenant list takes no arguments", exit_usage);
        const std::vector<TenantRecord> tenants = database.with_connection([](sqlite3* c) { return AccountStore(c).tenants(); });
        if (tenants.empty()) {
            std::fprintf(stderr, "portal admin: no tenants yet; add one with %s\n", first_tenant_command);
            return 0;
        }
        std::printf("%-24s %-12s %-8s %-10s %s\n", "SLUG", "PLAN", "REGION", "CREATED", "NAME");
        for (const TenantRecord& tenant : tenants) print_tenant(tenant);
        return 0;
    }
    if (verb == "add") {
        Flags flags = read_flags(args, at + 1, {"--slug", "--name", "--plan", "--region", "--trial-started"});
        if (!flags.problem.empty()) return fail("tenant add: " + flags.problem, exit_usage);
        if (!flags.words.empty()) return fail("tenant add: unexpected " + flags.words.front(), exit_usage);
        for (const char* required : {"--slug", "--name", "--plan", "--region"})
            if (!flags.values.count(required)) return fail(std::string("tenant add needs ") + required, exit_usage);
        NewTenant tenant{flags.values["--slug"], flags.values["--name"], flags.values["--plan"], flags.values["--region"],
                         std::nullopt};
        if (flags.values.count("--trial-started")) tenant.trial_started = flags.values["--trial-started"];
        const TenantChange change =
            database.with_connection([&](sqlite3* c) { return add_tenant(c, program, tenant, service_now()); });
        if (!change.problem.empty()) return fail(change.problem, change.refused_input ? exit_usage : exit_refused);
        std::printf("added tenant %s (%s, plan %s, region %s)\n", change.tenant->slug.c_str(), change.tenant->name.c_str(),
                    change.tenant->plan.c_str(), change.tenant->region.value_or("-").c_str());
        return 0;
    }
    if (verb == "plan") {
        Flags flags = read_flags(args, at + 1, {});
        if (!flags.problem.empty()) return fail("tenant plan: " + flags.problem, exit_usage);
        if (flags.words.size() != 2) return fail("tenant plan needs SLUG PLAN", exit_usage);
        const TenantChange change = database.with_connection(
            [&](sqlite3* c) { return change_plan(c, program, flags.words[0], flags.words[1]); });
        if (!change.problem.empty()) return fail(change.problem, change.refused_input ? exit_usage : exit_refused);
        if (change.unchanged)
            std::printf("tenant %s is on plan %s already; nothing changed\n", change.tenant->slug.c_str(), change.tenant->plan.c_str());
        else
            std::printf("tenant %s is now on plan %s; tickets filed from now on get its targets\n",
                        change.tenant->slug.c_str(), change.tenant->plan.c_str());
        return 0;
    }
    return fail("tenant " + verb + ": unknown (add, plan or list)", exit_usage);
}

constexpr const char* default_public_url = "http://127.0.0.1:8080";

// --url, where people open the portal (the printed links start with it), or
// nothing after saying why it is not an http(s) address.
std::optional<std::string> public_url_flag(const Flags& flags) {
    auto it = flags.values.find("--url");
    const std::string url = it == flags.values.end() ? default_public_url : it->second;
    if (url.starts_with("http://") || url.starts_with("https://")) return url;
    fail("--url " + url + " is not an http:// or https:// address", exit_usage);
    return std::nullopt;
}

int print_invitation(const OperatorOutcome& outcome, const std::string& email, const std::string& as) {
    if (!outcome.problem.empty()) return fail(outcome.problem, outcome.refused_input ? exit_usage : exit_refused);
    std::string tenants;
    for (const std::string& slug : outcome.tenants) tenants += (tenants.empty() ? "" : ", ") + slug;
    std::printf("invited %s as %s of %s; the e-mail is in the outbox.\n"
                "The link, to hand over if mail is not set up (it works once, until %s):\n%s\n",
                email.c_str(), as.c_str(), tenants.c_str(), utc_text(outcome.expires_at).c_str(), outcome.link.c_str());
    return 0;
}

int invite_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at,
                   bool engineer) {
    Flags flags = read_flags(args, at, engineer ? std::vector<std::string>{"--url"} : std::vector<std::string>{"--tenant", "--url"});
    const char* command = engineer ? "engineer invite" : "invite";
    if (!flags.problem.empty()) return fail(std::string(command) + ": " + flags.problem, exit_usage);
    if (flags.words.size() != 1) return fail(std::string(command) + " needs one EMAIL", exit_usage);
    if (!engineer && !flags.values.count("--tenant")) return fail("invite needs --tenant SLUG", exit_usage);
    OperatorInvite invite;
    invite.email = flags.words[0];
    if (!engineer) invite.tenant = flags.values["--tenant"];
    const std::optional<std::string> public_url = public_url_flag(flags);
    if (!public_url) return exit_usage;
    invite.public_url = *public_url;
    invite.product_name = program.product_name;
    invite.now = service_now();
    const OperatorOutcome outcome = database.with_connection([&](sqlite3* c) { return operator_invite(c, invite); });
    return print_invitation(outcome, invite.email, engineer ? "a support engineer" : "the admin");
}

int engineer_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at) {
    if (at < args.size() && args[at] == "invite") return invite_command(database, program, args, at + 1, true);
    if (at < args.size() && args[at] == "list") {
        if (at + 1 != args.size()) return fail("engineer list takes no arguments", exit_usage);
        const std::vector<EngineerRow> rows = database.with_connection([](sqlite3* c) { return support_engineers(c); });
        if (rows.empty()) {
            std::fprintf(stderr, "portal admin: no support engineers yet; invite one with ./portal admin engineer invite EMAIL\n");
            return 0;
        }
        std::printf("%-32s %-8s %-8s %s\n", "EMAIL", "STATUS", "TENANTS", "NAME");
        for (const EngineerRow& row : rows)
            std::printf("%-32s %-8s %-8d %s\n", row.email.c_str(), row.status.c_str(), row.tenants, row.name.value_or("-").c_str());
        return 0;
    }
    return fail("engineer needs invite or list", exit_usage);
}

int revoke_command(Database& database, const std::vector<std::string>& args, size_t at) {
    if (at + 1 != args.size() || args[at].starts_with("--")) return fail("revoke needs one EMAIL", exit_usage);
    const OperatorOutcome outcome =
        database.with_connection([&](sqlite3* c) { return operator_revoke(c, args[at], service_now()); });
    if (!outcome.problem.empty()) return fail(outcome.problem, outcome.refused_input ? exit_usage : exit_refused);
    if (outcome.tenants.empty()) {
        std::printf("%s had no membership left to revoke; its sessions are closed\n", args[at].c_str());
        return 0;
    }
    std::string tenants;
    for (const std::string& slug : outcome.tenants) tenants += (tenants.empty() ? "" : ", ") + slug;
    std::printf("revoked %s in %s; its sessions are closed\n", args[at].c_str(), tenants.c_str());
    return 0;
}

// For a person locked out where mail is not set up: the operator hands the
// link over. The same link "Forgot password?" mails, under the same rules.
int reset_link_command(Database& database, const std::vector<std::string>& args, size_t at) {
    Flags flags = read_flags(args, at, {"--url"});
    if (!flags.problem.empty()) return fail("reset-link: " + flags.problem, exit_usage);
    if (flags.words.size() != 1) return fail("reset-link needs one EMAIL", exit_usage);
    const std::string email = core::normalize_email_address(flags.words[0]);
    if (std::string problem = core::email_address_problem(email); !problem.empty())
        return fail("reset-link: " + flags.words[0] + ": " + problem, exit_usage);
    const std::optional<std::string> public_url = public_url_flag(flags);
    if (!public_url) return exit_usage;
    const core::Instant now = service_now();
    std::string token;
    const ResetEligibility eligibility = database.with_connection([&](sqlite3* c) {
        int64_t user_id = 0;
        const ResetEligibility found = reset_eligibility(c, email, &user_id);
        if (found == ResetEligibility::Eligible) {
            token = new_secret_token();
            PasswordResetStore(c).add(token, user_id, now);
        }
        return found;
    });
    switch (eligibility) {
        case ResetEligibility::NoAccount: return fail(email + " has no account", exit_refused);
        case ResetEligibility::NeverJoined:
            return fail(email + " never joined, so has no password yet; its invitation link sets one (invite again if lost)",
                        exit_refused);
        case ResetEligibility::NoAccess: return fail(email + " has no active membership left to sign in to", exit_refused);
        case ResetEligibility::Eligible: break;
    }
    std::printf("A link for %s to choose a new password (it works once, until %s; it ends the account's sessions):\n%s\n",
                email.c_str(), utc_text(now + password_reset_lifetime).c_str(), password_reset_link(*public_url, token).c_str());
    return 0;
}

}  // namespace

int run_admin_command(const std::vector<std::string>& args) {
    std::string database_path, error;
    std::optional<std::string> program_file;
    size_t at = 0;
    for (; at < args.size() && args[at].starts_with("--"); at++) {
        const std::string& arg = args[at];
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage, stdout);
            return 0;
        }
        if ((arg == "--db" || arg == "--program") && at + 1 < args.size()) {
            (arg == "--db" ? database_path : program_file.emplace()) = args[++at];
            continue;
        }
        return fail("unknown option " + arg + "\n" + usage, exit_usage);
    }
    if (database_path.empty()) return fail("--db PATH is required (./portal admin gives the portal's own)", exit_usage);
    if (at >= args.size()) return fail(std::string("which command?\n") + usage, exit_usage);

    if (!start_secrets()) return fail("cannot initialise libsodium (no source of randomness?)", exit_refused);
    std::optional<ProgramDocument> program = load_program_document(program_file, error);
    if (!program) return fail(error, exit_usage);
    std::unique_ptr<Database> database = Database::open(database_path, error);
    if (!database) return fail(error, exit_refused);
    try {
        if (args[at] == "tenant") return tenant_command(*database, program->program, args, at + 1);
        if (args[at] == "invite") return invite_command(*database, program->program, args, at + 1, false);
        if (args[at] == "engineer") return engineer_command(*database, program->program, args, at + 1);
        if (args[at] == "revoke") return revoke_command(*database, args, at + 1);
        if (args[at] == "reset-link") return reset_link_command(*database, args, at + 1);
    } catch (const DatabaseError& failure) {
        return fail(std::string("the database refused: ") + failure.what(), exit_refused);
    }
    return fail("unknown command " + args[at] + "\n" + usage, exit_usage);
}

}  // namespace web
