#include "web/admin/tenant_sso.hpp"

#include "web/accounts/account_store.hpp"
#include "web/admin/admin_flags.hpp"
#include "web/sso/company_sign_in_routes.hpp"
#include "web/sso/identity_providers.hpp"
#include "web/sso/provider_http.hpp"
#include "web/store/sqlite_statement.hpp"
#include "web/store/unix_time.hpp"

#include "core/checks/email_address.hpp"
#include "core/text/ascii_text.hpp"

#include <algorithm>
#include <cstdio>

namespace web {

namespace {

// Visible ASCII; with `spaces`, the space too (a secret may hold one, an ID not).
bool printable_ascii(const std::string& text, bool spaces = false) {
    return std::all_of(text.begin(), text.end(), [&](char c) { return (c > 0x20 || (spaces && c == 0x20)) && c < 0x7f; });
}

// "a.example, B.example" -> {"a.example", "b.example"}, or a problem.
std::vector<std::string> read_domains(const std::string& typed, std::string& problem) {
    std::vector<std::string> domains;
    size_t from = 0;
    while (from <= typed.size()) {
        size_t comma = typed.find(',', from);
        if (comma == std::string::npos) comma = typed.size();
        std::string domain = core::ascii_lowercase(typed.substr(from, comma - from));
        domain.erase(0, domain.find_first_not_of(' '));
        while (!domain.empty() && domain.back() == ' ') domain.pop_back();
        if (domain.starts_with("@")) domain.erase(0, 1);
        if (!domain.empty()) {
            if (!core::email_address_problem("someone@" + domain).empty() || domain.find('.') == std::string::npos) {
                problem = domain + " is not an e-mail domain such as example.com";
                return {};
            }
            if (std::find(domains.begin(), domains.end(), domain) == domains.end()) domains.push_back(domain);
        }
        from = comma + 1;
    }
    if (domains.empty()) problem = "name at least one e-mail domain whose people sign in this way, such as example.com";
    std::sort(domains.begin(), domains.end());
    return domains;
}

}  // namespace

CompanySignInChange set_company_sign_in(Database& database, const CompanySignInRequest& request, core::Instant now) {
    CompanySignInChange change;
    if (std::string problem = provider_url_problem(request.issuer); !problem.empty()) {
        change.problem = bad_input("issuer", "The issuer " + request.issuer + " is not usable: " + problem + ".");
        return change;
    }
    if (request.issuer.find_first_of("?# ") != std::string::npos) {
        change.problem = bad_input("issuer", "An issuer URL has no query, fragment or spaces.");
        return change;
    }
    if (request.client_id.empty() || request.client_id.size() > 255 || !printable_ascii(request.client_id)) {
        change.problem = bad_input("client_id", "A client ID is 1 to 255 visible ASCII characters, as the provider gave it.");
        return change;
    }
    if (request.client_secret.empty() || request.client_secret.size() > 1024 || !printable_ascii(request.client_secret, true)) {
        change.problem = bad_input("client_secret", "The client secret file holds 1 to 1024 ASCII characters on one line.");
        return change;
    }
    std::string problem;
    std::vector<std::string> domains = read_domains(request.domains, problem);
    if (!problem.empty()) {
        change.problem = bad_input("domains", problem[0] >= 'a' ? std::string(1, char(problem[0] - 32)) + problem.substr(1) + "." : problem + ".");
        return change;
    }

    std::optional<TenantRecord> tenant;
    if (!request.slug.empty()) {
        tenant = database.with_connection([&](sqlite3* c) { return AccountStore(c).tenant(request.slug); });
        if (!tenant) {
            change.problem = {OperatorRefusal::NotFound, "slug", "There is no tenant " + request.slug + "."};
            return change;
        }
    }
    // Read the provider before saving: a wrong issuer should fail here, not at a customer's first sign-in.
    IdentityProviders providers;
    MetadataLookup metadata = providers.metadata(request.issuer, now);
    if (!metadata.metadata) {
        change.problem = bad_input("issuer", "The issuer " + request.issuer + " is not usable: " + metadata.problem + ".");
        return change;
    }

    database.with_connection([&](sqlite3* c) {
        Transaction transaction(c);
        CompanySignInStore store(c);
        const std::optional<int64_t> tenant_id = tenant ? std::optional<int64_t>(tenant->id) : std::nullopt;
        for (const std::string& domain : domains) {
            std::optional<CompanySignInSetup> owner = store.setup_for_domain(domain);
            if (owner && owner->tenant_id != tenant_id) {
                change.problem = {OperatorRefusal::Conflict, "domains",
                                  "The domain " + domain + " signs in through " + owner->owner() + " already."};
                return;
            }
        }
        CompanySignInSetup setup;
        setup.tenant_id = tenant_id;
        setup.tenant_slug = tenant ? tenant->slug : "";
        setup.issuer = request.issuer;
        setup.client_id = request.client_id;
        setup.client_secret = request.client_secret;
        setup.domains = domains;
        std::optional<CompanySignInSetup> before = store.setup_of(tenant_id);
        setup.password_sign_in = request.password_sign_in.value_or(before ? before->password_sign_in : true);
        store.save(setup, now);
        change.setup = store.setup_of(tenant_id);
        transaction.commit();
    });
    return change;
}

OperatorProblem remove_company_sign_in(Database& database, const std::string& slug) {
    return database.with_connection([&](sqlite3* c) -> OperatorProblem {
        std::optional<int64_t> tenant_id;
        if (!slug.empty()) {
            std::optional<TenantRecord> tenant = AccountStore(c).tenant(slug);
            if (!tenant) return {OperatorRefusal::NotFound, "slug", "There is no tenant " + slug + "."};
            tenant_id = tenant->id;
        }
        Transaction transaction(c);
        const bool removed = CompanySignInStore(c).remove(tenant_id);
        transaction.commit();
        if (!removed)
            return {OperatorRefusal::NotFound, "slug",
                    (slug.empty() ? std::string("The vendor's staff have") : "Tenant " + slug + " has") + " no company sign-in to remove."};
        return {};
    });
}

int company_sign_in_command(Database& database, const std::vector<std::string>& args, size_t at, bool vendor) {
    const std::string command = vendor ? "sso" : "tenant sso";
    AdminFlags flags = read_admin_flags(args, at, {"--issuer", "--client-id", "--client-secret-file", "--domains", "--password-sign-in", "--url"});
    if (!flags.problem.empty()) return admin_fail(command + ": " + flags.problem, admin_exit_usage);
    const size_t named = vendor ? 0 : 1;   // the tenant's slug comes first
    const std::string slug = vendor || flags.words.empty() ? "" : flags.words[0];
    if (flags.words.size() == named + 1 && flags.words[named] == "off") {
        if (!flags.values.empty()) return admin_fail(command + (vendor ? "" : " SLUG") + " off takes no options", admin_exit_usage);
        if (OperatorProblem problem = remove_company_sign_in(database, slug)) return admin_refused(problem, {});
        std::printf("%s: company sign-in removed; they sign in with their passwords again\n",
                    vendor ? "the vendor's staff" : ("tenant " + slug).c_str());
        return 0;
    }
    if (flags.words.size() != named)
        return admin_fail(vendor ? "sso takes options only (or: sso off)" : "tenant sso needs one SLUG (or SLUG off)", admin_exit_usage);
    for (const char* required : {"--issuer", "--client-id", "--client-secret-file", "--domains"})
        if (!flags.values.count(required)) return admin_fail(command + " needs " + required, admin_exit_usage);
    CompanySignInRequest request;
    request.slug = slug;
    request.issuer = flags.values["--issuer"];
    request.client_id = flags.values["--client-id"];
    request.domains = flags.values["--domains"];
    if (flags.values.count("--password-sign-in")) {
        const std::string& on = flags.values["--password-sign-in"];
        if (on != "on" && on != "off") return admin_fail("--password-sign-in is on or off, not " + on, admin_exit_usage);
        request.password_sign_in = on == "on";
    }
    std::string problem;
    std::optional<std::string> secret = read_secret_file(flags.values["--client-secret-file"], problem);
    if (!secret) return admin_fail(command + ": " + problem, admin_exit_usage);
    request.client_secret = *secret;
    std::string url = flags.values.count("--url") ? flags.values["--url"] : "http://127.0.0.1:8080";
    if (!url.starts_with("http://") && !url.starts_with("https://"))
        return admin_fail("--url " + url + " is not an http:// or https:// address", admin_exit_usage);

    const CompanySignInChange change = set_company_sign_in(database, request, service_now());
    if (change.problem)
        return admin_refused(change.problem, {{"slug", request.slug}, {"issuer", "--issuer " + request.issuer},
                                              {"client_id", "--client-id " + request.client_id},
                                              {"client_secret", "--client-secret-file " + flags.values["--client-secret-file"]},
                                              {"domains", "--domains " + request.domains}});
    std::string domains;
    for (const std::string& domain : change.setup->domains) domains += (domains.empty() ? "" : ", ") + domain;
    std::printf("%s sign%s in with company accounts of %s at %s (client %s); password sign-in %s\n"
                "Register this redirect URI with the identity provider: %s\n",
                change.setup->owner().c_str(), vendor ? "" : "s", domains.c_str(), change.setup->issuer.c_str(),
                change.setup->client_id.c_str(), change.setup->password_sign_in ? "on" : "off",
                company_sign_in_redirect_uri(url).c_str());
    if (vendor) std::printf("Only support engineers invited with `engineer invite` get in; the provider's word alone makes nobody one.\n");
    return 0;
}

}  // namespace web
