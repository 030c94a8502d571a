// A draft as kept on the device and as a file: it reads back equal, older
// drafts without times or focus still read, and a file that is not a draft
// says so in words.
#include "core/model/kept_draft.hpp"

#include "core/time/zone_catalog.hpp"
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

KeptDraft sample() {
    KeptDraft kept;
    kept.draft.route = "onboarding";
    kept.draft.severity = 3;
    kept.draft.fields = {{"tenant", "acme-prod"}, {"summary", "Redirect fails"}};
    kept.draft.answers = {{"scope", "few"}};
    kept.draft.checklist = {{"redirect_uris_match", true}};
    kept.edited_at = parse_instant("2026-11-24T09:30:00Z");
    kept.focus = "summary";
    return kept;
}

}  // namespace

TEST_CASE("a kept draft reads back equal, compact or pretty, with its format marker") {
    const KeptDraft kept = sample();
    for (bool pretty : {false, true}) {
        const std::string text = kept_draft_to_json(kept, pretty);
        const nlohmann::json doc = nlohmann::json::parse(text);
        CHECK(doc["format"] == "support-portal-draft");
        CHECK(doc["version"] == 1);
        CHECK(doc["edited_at"] == "2026-11-24T09:30:00Z");
        CHECK(doc["focus"] == "summary");
        Parsed<KeptDraft> device = parse_kept_draft(text);
        REQUIRE(device);
        CHECK(*device.value == kept);
        Parsed<KeptDraft> file = parse_draft_file(text);
        REQUIRE(file);
        CHECK(*file.value == kept);
    }
}

TEST_CASE("a draft kept before times and focus were kept still reads, with both unknown") {
    TicketDraft old;
    old.route = "general";
    old.fields = {{"summary", "Blank page"}};
    Parsed<KeptDraft> parsed = parse_kept_draft(ticket_draft_to_json(old));
    REQUIRE(parsed);
    CHECK(parsed.value->draft == old);
    CHECK_FALSE(parsed.value->edited_at);
    CHECK(parsed.value->focus.empty());
    // Such a text is no draft *file*: a file must say what it is.
    Parsed<KeptDraft> file = parse_draft_file(ticket_draft_to_json(old));
    REQUIRE_FALSE(file);
    CHECK(file.error.find("not a support portal draft") != std::string::npos);
}

TEST_CASE("a file that is not a draft is refused in words that say why") {
    CHECK(parse_draft_file("{oops").error.rfind("it is not JSON", 0) == 0);
    CHECK(parse_draft_file("[1, 2]").error.find("not a support portal draft") != std::string::npos);
    CHECK(parse_draft_file(R"({"format": "invoice", "route": "general"})").error.find("\"invoice\"") !=
          std::string::npos);
    CHECK(parse_draft_file(R"({"format": "support-portal-draft", "version": 7, "route": "general"})")
              .error.find("newer portal") != std::string::npos);
    CHECK(parse_draft_file(R"({"format": "support-portal-draft", "version": 1})").error == "its route: missing");
    CHECK(parse_draft_file(R"({"format": "support-portal-draft", "route": "general", "severity": "high"})")
              .error == "its severity: wrong type (string)");
    CHECK(parse_draft_file(R"({"format": "support-portal-draft", "route": "general", "edited_at": "soon"})")
              .error.find("edited_at") != std::string::npos);
    CHECK(parse_draft_file(R"({"format": "support-portal-draft", "route": "general", "focus": 3})")
              .error.find("focus") != std::string::npos);
}

TEST_CASE("an exported draft's file name carries the route and the viewer's date") {
    const Instant late = *parse_instant("2026-11-24T23:30:00Z");
    CHECK(draft_file_name("onboarding", late, nullptr) == "support-draft-onboarding-2026-11-24.json");
    CHECK(draft_file_name("onboarding", late, core::locate_zone("Europe/Berlin")) ==
          "support-draft-onboarding-2026-11-25.json");
    CHECK(draft_key("general") == "request/general");
}
