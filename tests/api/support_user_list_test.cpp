// The support-user list over --demo-support-users: search (prefix, substring,
// any case), status filter, every sort in both orders, and cursor pages that
// visit every row once.
#include "signed_in_client.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

using api_test::ServiceProcess;
using api_test::SignedInClient;
using nlohmann::json;

namespace {

constexpr int synthetic_users = 300;
// The demo's own support-only users of acme-prod: sam, lee, alex, jordan, new.hire.
constexpr int named_users = 5;
const std::string users = "/api/v1/tenants/acme-prod/support-users";

api_test::ServiceOptions with_synthetic_users() {
    api_test::ServiceOptions options;
    options.extra_args = {"--demo-support-users", std::to_string(synthetic_users)};
    return options;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

struct Walk {
    std::vector<json> items;
    std::vector<int64_t> totals;
    size_t pages = 0;
};

// Every page of a query, following next_cursor.
Walk walk(SignedInClient& admin, const std::string& query, int limit) {
    Walk walked;
    std::string path = users + "?limit=" + std::to_string(limit) + query;
    for (int pages = 0; pages < 1000; pages++) {
        json page = api_test::json_of(admin.get(path), 200);
        walked.pages++;
        walked.totals.push_back(page["total"].get<int64_t>());
        CHECK(page["items"].size() <= size_t(limit));
        for (const json& item : page["items"]) walked.items.push_back(item);
        if (page["next_cursor"].is_null()) return walked;
        path = users + "?limit=" + std::to_string(limit) + query + "&cursor=" + page["next_cursor"].get<std::string>();
    }
    FAIL("the pages never end");
    return walked;
}

std::string text_or_empty(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

}  // namespace

TEST_CASE("the support-user list: search, filter, sort and pages") {
    ServiceProcess service(with_synthetic_users());
    SignedInClient admin(service, "admin@acme.example");
    Walk everyone = walk(admin, "", 200);
    const size_t total = synthetic_users + named_users;
    REQUIRE(everyone.items.size() == total);
    CHECK(everyone.totals.front() == int64_t(total));

    SUBCASE("each item has exactly the documented members") {
        for (const json& item : everyone.items) {
            std::set<std::string> keys;
            for (auto it = item.begin(); it != item.end(); ++it) keys.insert(it.key());
            CHECK(keys == std::set<std::string>{"id", "email", "name", "status", "invited_at", "invited_by", "last_sign_in_at"});
        }
    }

    SUBCASE("search finds e-mail and name by prefix and substring, in any case") {
        for (std::string q : {"sam", "SAM.T", "aylor", "Taylor@", "Lee Chen", "ANDERSSON", "contractors.example", "son.1",
                              "nobody-has-this", "%", "_"}) {
            CAPTURE(q);
            std::set<int64_t> expected;
            for (const json& item : everyone.items)
                if (lower(item["email"]).find(lower(q)) != std::string::npos ||
                    lower(text_or_empty(item["name"])).find(lower(q)) != std::string::npos)
                    expected.insert(item["id"].get<int64_t>());
            std::string encoded = httplib::detail::encode_query_param(q);
            Walk found = walk(admin, "&q=" + encoded, 50);
            std::set<int64_t> ids;
            for (const json& item : found.items) ids.insert(item["id"].get<int64_t>());
            CHECK(ids == expected);
            CHECK(found.totals.front() == int64_t(expected.size()));
        }
        Walk sam = walk(admin, "&q=SAM", 50);
        bool found = false;
        for (const json& item : sam.items) found = found || item["email"] == "sam.taylor@acme.example";
        CHECK(found);
    }

    SUBCASE("the status filter") {
        size_t seen = 0;
        for (const char* status : {"invited", "active", "revoked"}) {
            CAPTURE(status);
            Walk filtered = walk(admin, std::string("&status=") + status, 200);
            for (const json& item : filtered.items) CHECK(item["status"] == status);
            CHECK(!filtered.items.empty());
            CHECK(filtered.totals.front() == int64_t(filtered.items.size()));
            seen += filtered.items.size();
        }
        CHECK(seen == total);
        Walk both = walk(admin, "&status=active&q=sam", 50);
        for (const json& item : both.items) CHECK(item["status"] == "active");
    }

    SUBCASE("every sort, both orders, across pages of 37: each row once, in order") {
        for (const char* sort : {"email", "name", "invited_at", "last_sign_in_at"}) {
            for (const char* order : {"asc", "desc"}) {
                CAPTURE(sort);
                CAPTURE(order);
                Walk sorted = walk(admin, std::string("&sort=") + sort + "&order=" + order, 37);
                REQUIRE(sorted.items.size() == total);
                CHECK(sorted.pages == (total + 36) / 37);
                std::set<int64_t> ids;
                for (const json& item : sorted.items) ids.insert(item["id"].get<int64_t>());
                CHECK(ids.size() == total);
                auto key = [&](const json& item) {
                    std::string field = sort;
                    if (field == "name") return lower(text_or_empty(item["name"]));
                    return text_or_empty(item[field]);   // e-mails are lowercase; ISO times sort as text; never = ""
                };
                bool descending = std::string(order) == "desc";
                for (size_t i = 1; i < sorted.items.size(); i++) {
                    const json& before = sorted.items[i - 1];
                    const json& after = sorted.items[i];
                    INFO(before.dump(), " then ", after.dump());
                    if (key(before) == key(after))
                        CHECK((descending ? before["id"] > after["id"] : before["id"] < after["id"]));
                    else
                        CHECK((descending ? key(before) > key(after) : key(before) < key(after)));
                }
            }
        }
    }

    SUBCASE("a small tenant among many users pages the same way (it is read the other way round)") {
        SignedInClient globex(service, "admin@globex.example");
        for (const char* sort : {"email", "name", "invited_at", "last_sign_in_at"}) {
            CAPTURE(sort);
            std::vector<int64_t> ids;
            std::string path = "/api/v1/tenants/globex-dev/support-users?limit=2&order=desc&sort=" + std::string(sort);
            for (int pages = 0; pages < 10; pages++) {
                json page = api_test::json_of(globex.get(path), 200);
                CHECK(page["total"] == 5);
                for (const json& item : page["items"]) ids.push_back(item["id"].get<int64_t>());
                if (page["next_cursor"].is_null()) break;
                path = "/api/v1/tenants/globex-dev/support-users?limit=2&order=desc&sort=" + std::string(sort) +
                       "&cursor=" + page["next_cursor"].get<std::string>();
            }
            CHECK(ids.size() == 5);
            CHECK(std::set<int64_t>(ids.begin(), ids.end()).size() == 5);
        }
        json by_email = api_test::json_of(globex.get("/api/v1/tenants/globex-dev/support-users?sort=email"), 200);
        std::vector<std::string> emails;
        for (const json& item : by_email["items"]) emails.push_back(item["email"]);
        CHECK(emails == std::vector<std::string>{"alex.kim@partner.example", "chris.morgan@globex.example",
                                                 "dana.whitfield@globex.example", "omar.said@globex.example",
                                                 "pending.user@globex.example"});
    }

    SUBCASE("the default page holds 50 sorted by e-mail") {
        json page = api_test::json_of(admin.get(users), 200);
        CHECK(page["items"].size() == 50);
        CHECK(page["next_cursor"].is_string());
        for (size_t i = 0; i < 50; i++) CHECK(page["items"][i]["email"] == everyone.items[i]["email"]);
    }

    SUBCASE("bad parameters are 400s naming the parameter") {
        const std::pair<const char*, const char*> bad[] = {
            {"status=gone", "status"}, {"sort=age", "sort"},    {"order=up", "order"},   {"limit=0", "limit"},
            {"limit=201", "limit"},    {"limit=ten", "limit"},  {"cursor=!!!", "cursor"}, {"cursor=Zm9v", "cursor"},
        };
        for (const auto& [query, parameter] : bad) {
            CAPTURE(query);
            CHECK(api_test::problem_of(admin.get(users + "?" + query), 400).find(parameter) != std::string::npos);
        }
        // A cursor made for one sort does not fit another.
        json page = api_test::json_of(admin.get(users + "?sort=email&limit=10"), 200);
        std::string cursor = page["next_cursor"].get<std::string>();
        api_test::json_of(admin.get(users + "?sort=email&limit=10&cursor=" + cursor), 200);
        CHECK(api_test::problem_of(admin.get(users + "?sort=name&limit=10&cursor=" + cursor), 400).find("cursor") != std::string::npos);
        CHECK(api_test::problem_of(admin.get(users + "?sort=email&order=desc&cursor=" + cursor), 400).find("cursor") !=
              std::string::npos);
    }

    SUBCASE("details of a user") {
        const json& someone = everyone.items[7];
        json details = api_test::json_of(admin.get(users + "/" + someone["id"].dump()), 200);
        for (const char* key : {"id", "email", "name", "status", "invited_at", "invited_by", "last_sign_in_at"})
            CHECK(details[key] == someone[key]);
        CHECK(details["tenants"].size() == 1);
        CHECK(details["open_tickets"].is_number_integer());
        api_test::problem_of(admin.get(users + "/0"), 404);
        api_test::problem_of(admin.get(users + "/abc"), 404);
        // The admins are not support users.
        api_test::problem_of(admin.get(users + "/" + admin.session()["user"]["id"].dump()), 404);
    }
}
