#include "web/admin/admin_command.hpp"

#include "web/admin/admin_flags.hpp"
#include "web/admin/webhook_commands.hpp"
#include "web/admin/operators.hpp"
#include "web/accounts/api_token_store.hpp"
#include "core/program/program.hpp"
#include "web/accounts/account_store.hpp"
#include "web/admin/operator_invitations.hpp"
#include "web/admin/tenant_provisioning.hpp"
#include "web/admin/tenant_sso.hpp"
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

constexpr const char* usage =
    "usage: portal-web admin [--db PATH] [--program FILE] COMMAND\n"
    "  tenant add --slug S --name N --plan P --region R [--trial-started YYYY-MM-DD]\n"
    "  tenant plan SLUG PLAN     move a tenant to another plan of the program\n"
    "  tenant list\n"
    "  tenant sso SLUG --issuer URL --client-id ID --client-secret-file FILE --domains D[,D]\n"
    "             [--password-sign-in on|off] [--url URL]   sign in with the company's OpenID provider\n"
    "  tenant sso SLUG off\n"
    "  sso --issuer URL ... | sso off            the same for the vendor's own support engineers\n"
    "  invite --tenant SLUG EMAIL [--url URL]   the tenant's admin: an e-mail, and the link printed\n"
    "  engineer invite EMAIL [--url URL]        the vendor's support engineer, of every tenant\n"
    "  engineer list\n"
    "  engineer token EMAIL                     an API token for a help desk to answer as this engineer\n"
    "  operator invite EMAIL | operator list    who may use the operator API, /api/v1/admin (a token)\n"
    "  revoke EMAIL                             every membership, session and token of the address ends\n"
    "  reset-link EMAIL [--url URL]             a link to choose a new password, printed, not mailed\n"
    "  webhook add URL --secret-file FILE       every ticket event is POSTed to URL, signed\n"
    "  webhook list | webhook remove URL | webhook deliveries [--limit N]\n"
    "URL is where people open the portal (default http://127.0.0.1:8080, ./portal run's).\n";

std::string day_of(const std::optional<core::Instant>& at) {
    if (!at) return "-";
    return date::format("%F", date::floor<date::days>(*at));
}

void print_tenant(const TenantRecord& tenant) {
    std::printf("%-24s %-12s %-8s %-10s %s\n", tenant.slug.c_str(), tenant.plan.c_str(),
                tenant.region.value_or("-").c_str(), day_of(tenant.created_at).c_str(), tenant.name.c_str());
}

int tenant_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at) {
    if (at >= args.size()) return admin_fail("tenant needs add, plan, list or sso\n" + std::string(usage), admin_exit_usage);
    const std::string& verb = args[at];
    if (verb == "list") {
        if (at + 1 != args.size()) return admin_fail("tenant list takes no arguments", admin_exit_usage);
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
        AdminFlags flags = read_admin_flags(args, at + 1, {"--slug", "--name", "--plan", "--region", "--trial-started"});
        if (!flags.problem.empty()) return admin_fail("tenant add: " + flags.problem, admin_exit_usage);
        if (!flags.words.empty()) return admin_fail("tenant add: unexpected " + flags.words.front(), admin_exit_usage);
        for (const char* required : {"--slug", "--name", "--plan", "--region"})
            if (!flags.values.count(required)) return admin_fail(std::string("tenant add needs ") + required, admin_exit_usage);
        NewTenant tenant{flags.values["--slug"], flags.values["--name"], flags.values["--plan"], flags.values["--region"],
                         std::nullopt};
        if (flags.values.count("--trial-started")) tenant.trial_started = flags.values["--trial-started"];
        const TenantChange change =
            database.with_connection([&](sqlite3* c) { return add_tenant(c, program, tenant, service_now()); });
        if (change.problem) {
            std::map<std::string, std::string> labels;
            for (const char* field : {"slug", "name", "plan", "region"}) labels[field] = std::string("--") + field + " " + flags.values["--" + std::string(field)];
            labels["trial_started"] = "--trial-started " + flags.values["--trial-started"];
            return admin_refused(change.problem, labels);
        }
        std::printf("added tenant %s (%s, plan %s, region %s)\n", change.tenant->slug.c_str(), change.tenant->name.c_str(),
                    change.tenant->plan.c_str(), change.tenant->region.value_or("-").c_str());
        return 0;
    }
    if (verb == "plan") {
        AdminFlags flags = read_admin_flags(args, at + 1, {});
        if (!flags.problem.empty()) return admin_fail("tenant plan: " + flags.problem, admin_exit_usage);
        if (flags.words.size() != 2) return admin_fail("tenant plan needs SLUG PLAN", admin_exit_usage);
        const TenantChange change = database.with_connection(
            [&](sqlite3* c) { return change_plan(c, program, flags.words[0], flags.words[1]); });
        if (change.problem) return admin_refused(change.problem, {{"slug", flags.words[0]}, {"plan", flags.words[1]}});
        if (change.unchanged)
            std::printf("tenant %s is on plan %s already; nothing changed\n", change.tenant->slug.c_str(), change.tenant->plan.c_str());
        else
            std::printf("tenant %s is now on plan %s; tickets filed from now on get its targets\n",
                        change.tenant->slug.c_str(), change.tenant->plan.c_str());
        return 0;
    }
    if (verb == "sso") return company_sign_in_command(database, args, at + 1, false);
    return admin_fail("tenant " + verb + ": unknown (add, plan, list or sso)", admin_exit_usage);
}

constexpr const char* default_public_url = "http://127.0.0.1:8080";

// --url, where people open the portal (the printed links start with it), or
// nothing after saying why it is not an http(s) address.
std::optional<std::string> public_url_flag(const AdminFlags& flags) {
    auto it = flags.values.find("--url");
    const std::string url = it == flags.values.end() ? default_public_url : it->second;
    if (url.starts_with("http://") || url.starts_with("https://")) return url;
    admin_fail("--url " + url + " is not an http:// or https:// address", admin_exit_usage);
    return std::nullopt;
}

int print_invitation(const OperatorOutcome& outcome, const std::string& email, const std::string& as) {
    if (outcome.problem) return admin_refused(outcome.problem, {{"email", email}});
    std::string tenants;
    for (const std::string& slug : outcome.tenants) tenants += (tenants.empty() ? "" : ", ") + slug;
    std::printf("invited %s as %s of %s; the e-mail is in the outbox.\n"
                "The link, to hand over if mail is not set up (it works once, until %s):\n%s\n",
                email.c_str(), as.c_str(), tenants.c_str(), utc_text(outcome.expires_at).c_str(), outcome.link.c_str());
    return 0;
}

int invite_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at,
                   bool engineer) {
    AdminFlags flags = read_admin_flags(args, at, engineer ? std::vector<std::string>{"--url"} : std::vector<std::string>{"--tenant", "--url"});
    const char* command = engineer ? "engineer invite" : "invite";
    if (!flags.problem.empty()) return admin_fail(std::string(command) + ": " + flags.problem, admin_exit_usage);
    if (flags.words.size() != 1) return admin_fail(std::string(command) + " needs one EMAIL", admin_exit_usage);
    if (!engineer && !flags.values.count("--tenant")) return admin_fail("invite needs --tenant SLUG", admin_exit_usage);
    OperatorInvite invite;
    invite.email = flags.words[0];
    if (!engineer) invite.tenant = flags.values["--tenant"];
    const std::optional<std::string> public_url = public_url_flag(flags);
    if (!public_url) return admin_exit_usage;
    invite.public_url = *public_url;
    invite.product_name = program.product_name;
    invite.now = service_now();
    const OperatorOutcome outcome = database.with_connection([&](sqlite3* c) { return operator_invite(c, invite); });
    return print_invitation(outcome, invite.email, engineer ? "a support engineer" : "the admin");
}

// The token is printed once; the database keeps only its digest.
int engineer_token_command(Database& database, const std::vector<std::string>& args, size_t at) {
    if (at + 1 != args.size() || args[at].starts_with("--")) return admin_fail("engineer token needs one EMAIL", admin_exit_usage);
    const std::string email = core::normalize_email_address(args[at]);
    if (std::string problem = core::email_address_problem(email); !problem.empty())
        return admin_fail("engineer token: " + args[at] + ": " + problem, admin_exit_usage);
    std::string problem;
    const std::string token = database.with_connection([&](sqlite3* c) -> std::string {
        Transaction transaction(c);   // still an engineer when the token is issued
        AccountStore accounts(c);
        const std::optional<UserRecord> user = accounts.user_by_email(email);
        bool engineer = false;
        if (user)
            for (const MembershipRecord& membership : accounts.active_memberships_of(user->id))
                engineer = engineer || membership.role == core::Role::SupportEngineer;
        if (!engineer) {
            problem = email + " is no support engineer who has joined; invite one with ./portal admin engineer invite EMAIL "
                              "and let them accept first";
            return {};
        }
        std::string issued = ApiTokenStore(c).issue(user->id, service_now());
        transaction.commit();
        return issued;
    });
    if (!problem.empty()) return admin_fail(problem, admin_exit_refused);
    std::printf("An API token for %s (shown once; keep it where the help desk keeps secrets):\n%s\n"
                "Send it as \"Authorization: Bearer <token>\"; ./portal admin revoke %s ends it.\n",
                email.c_str(), token.c_str(), email.c_str());
    return 0;
}

int engineer_command(Database& database, const core::Program& program, const std::vector<std::string>& args, size_t at) {
    if (at < args.size() && args[at] == "invite") return invite_command(database, program, args, at + 1, true);
    if (at < args.size() && args[at] == "list") {
        if (at + 1 != args.size()) return admin_fail("engineer list takes no arguments", admin_exit_usage);
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
    if (at < args.size() && args[at] == "token") return engineer_token_command(database, args, at + 1);
    return admin_fail("engineer needs invite, list or token", admin_exit_usage);
}

int operator_command(Database& database, const std::vector<std::string>& args, size_t at) {
    const std::string verb = at < args.size() ? args[at] : "";
    if (verb == "invite") {
        if (at + 2 != args.size() || args[at + 1].starts_with("--")) return admin_fail("operator invite needs one EMAIL", admin_exit_usage);
        const OperatorAdded added = database.with_connection([&](sqlite3* c) { return add_operator(c, args[at + 1], service_now()); });
        if (added.problem) return admin_refused(added.problem, {{"email", args[at + 1]}});
        std::printf("%s is an operator%s. Its API token for /api/v1/admin (shown once; keep it where your scripts keep "
                    "secrets):\n%s\nSend it as \"Authorization: Bearer <token>\"; ./portal admin revoke %s ends it.\n",
                    added.email.c_str(), added.new_account ? " (a new account, of no tenant)" : "", added.token.c_str(),
                    added.email.c_str());
        return 0;
    }
    if (verb == "list") {
        if (at + 1 != args.size()) return admin_fail("operator list takes no arguments", admin_exit_usage);
        const std::vector<OperatorRow> rows = database.with_connection([](sqlite3* c) { return operators(c); });
        if (rows.empty()) {
            std::fprintf(stderr, "portal admin: no operators yet; add one with ./portal admin operator invite EMAIL\n");
            return 0;
        }
        std::printf("%-32s %-6s %s\n", "EMAIL", "TOKENS", "LAST USED");
        for (const OperatorRow& row : rows)
            std::printf("%-32s %-6d %s\n", row.email.c_str(), row.tokens,
                        row.last_used_at ? utc_text(*row.last_used_at).c_str() : "never");
        return 0;
    }
    return admin_fail("operator needs invite or list", admin_exit_usage);
}

int revoke_command(Database& database, const std::vector<std::string>& args, size_t at) {
    if (at + 1 != args.size() || args[at].starts_with("--")) return admin_fail("revoke needs one EMAIL", admin_exit_usage);
    const OperatorOutcome outcome =
        database.with_connection([&](sqlite3* c) { return operator_revoke(c, args[at], service_now()); });
    if (outcome.problem) return admin_refused(outcome.problem, {{"email", args[at]}});
    if (outcome.was_operator) std::printf("%s is no longer an operator; its API tokens are ended\n", args[at].c_str());
    if (outcome.tenants.empty()) {
        if (outcome.was_operator) return 0;
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
    AdminFlags flags = read_admin_flags(args, at, {"--url"});
    if (!flags.problem.empty()) return admin_fail("reset-link: " + flags.problem, admin_exit_usage);
    if (flags.words.size() != 1) return admin_fail("reset-link needs one EMAIL", admin_exit_usage);
    const std::string email = core::normalize_email_address(flags.words[0]);
    if (std::string problem = core::email_address_problem(email); !problem.empty())
        return admin_fail("reset-link: " + flags.words[0] + ": " + problem, admin_exit_usage);
    const std::optional<std::string> public_url = public_url_flag(flags);
    if (!public_url) return admin_exit_usage;
    const core::Instant now = service_now();
    std::string token;
    const ResetEligibility eligibility = database.with_connection([&](sqlite3* c) {
        Transaction transaction(c);   // still eligible when the link is stored
        int64_t user_id = 0;
        const ResetEligibility found = reset_eligibility(c, email, &user_id);
        if (found == ResetEligibility::Eligible) {
            token = new_secret_token();
            PasswordResetStore(c).add(token, user_id, now);
        }
        transaction.commit();
        return found;
    });
    switch (eligibility) {
        case ResetEligibility::NoAccount: return admin_fail(email + " has no account", admin_exit_refused);
        case ResetEligibility::NeverJoined:
            return admin_fail(email + " never joined, so has no password yet; its invitation link sets one (invite again if lost)",
                        admin_exit_refused);
        case ResetEligibility::NoAccess: return admin_fail(email + " has no active membership left to sign in to", admin_exit_refused);
        case ResetEligibility::CompanySignInOnly:
            return admin_fail(email + " signs in with the company account only (tenant sso ... --password-sign-in off)",
                              admin_exit_refused);
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
        return admin_fail("unknown option " + arg + "\n" + usage, admin_exit_usage);
    }
    if (database_path.empty()) return admin_fail("--db PATH is required (./portal admin gives the portal's own)", admin_exit_usage);
    if (at >= args.size()) return admin_fail(std::string("which command?\n") + usage, admin_exit_usage);

    if (!start_secrets()) return admin_fail("cannot initialise libsodium (no source of randomness?)", admin_exit_refused);
    std::optional<ProgramDocument> program = load_program_document(program_file, error);
    if (!program) return admin_fail(error, admin_exit_usage);
    std::unique_ptr<Database> database = Database::open(database_path, error);
    if (!database) return admin_fail(error, admin_exit_refused);
    try {
        if (args[at] == "tenant") return tenant_command(*database, program->program, args, at + 1);
        if (args[at] == "invite") return invite_command(*database, program->program, args, at + 1, false);
        if (args[at] == "engineer") return engineer_command(*database, program->program, args, at + 1);
        if (args[at] == "revoke") return revoke_command(*database, args, at + 1);
        if (args[at] == "reset-link") return reset_link_command(*database, args, at + 1);
        if (args[at] == "webhook") return webhook_command(*database, args, at + 1);
        if (args[at] == "operator") return operator_command(*database, args, at + 1);
        if (args[at] == "sso") return company_sign_in_command(*database, args, at + 1, true);
    } catch (const DatabaseError& failure) {
        return admin_fail(std::string("the database refused: ") + failure.what(), admin_exit_refused);
    }
    return admin_fail("unknown command " + args[at] + "\n" + usage, admin_exit_usage);
}

}  // namespace web
