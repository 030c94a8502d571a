// Drafts kept on the device through core::update: the cursor field and the
// time of the last edit travel with a draft, the Drafts screen lists only
// forms with something in them, a discard can be undone exactly, export and
// import round trip and bad files are refused in words, and signing out with
// drafts asks first.
#include "core/app.hpp"
#include "core/model/draft_list.hpp"
#include "core/flows/drafts_flow.hpp"
#include "core/model/kept_draft.hpp"
#include "signed_in_state.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace core;

namespace {

State signed_in() { return signed_in_acme_admin("2026-11-24T10:00:00Z"); }

template <typename E>
std::vector<E> all_of(const std::vector<Effect>& effects) {
    std::vector<E> found;
    for (const Effect& effect : effects)
        if (auto* e = std::get_if<E>(&effect)) found.push_back(*e);
    return found;
}

std::string saved_json(const std::vector<Effect>& effects) {
    const std::vector<SaveDraft> saves = all_of<SaveDraft>(effects);
    REQUIRE(saves.size() == 1);
    return saves[0].json;
}

DraftImported file(std::string name, std::string text) {
    const long long bytes = static_cast<long long>(text.size());
    return DraftImported{std::move(name), std::move(text), bytes, ""};
}

std::string general_draft_file(const std::string& summary) {
    KeptDraft kept;
    kept.draft.route = "general";
    kept.draft.fields = {{"summary", summary}, {"description", "Every user, since 08:00."}};
    kept.draft.severity = 2;
    kept.focus = "description";
    return kept_draft_to_json(kept, true);
}

}  // namespace

TEST_CASE("a kept draft carries its last edit and the field being typed in, and brings both back") {
    State state = signed_in();
    update(state, OpenRoute{"general"});
    update(state, EditField{"general", "summary", "Blank page"});
    state.now += std::chrono::minutes(2);
    const std::string kept = saved_json(update(state, EditField{"general", "description", "Since 08:00"}));
    const nlohmann::json doc = nlohmann::json::parse(kept);
    CHECK(doc["edited_at"] == "2026-11-24T10:02:00Z");
    CHECK(doc["focus"] == "description");

    // After a reload: the draft, its time, and the keyboard once in that field.
    State reloaded = signed_in();
    update(reloaded, OpenRoute{"general"});
    CHECK(update(reloaded, DraftRestored{kept}).empty());
    const RequestForm& form = reloaded.requests.at("general");
    CHECK(form.draft.fields.at("description") == "Since 08:00");
    CHECK(form.edited_at == parse_instant("2026-11-24T10:02:00Z"));
    CHECK(form.focus == "description");
    CHECK(form.restore_focus == FocusRestore::Wanted);
    update(reloaded, FocusRestoreAsked{"general"});
    CHECK(form.restore_focus == FocusRestore::Asked);
    update(reloaded, FocusRestored{"general"});
    CHECK(form.restore_focus == FocusRestore::None);

    // A draft kept before times and focus were kept still comes back.
    TicketDraft old;
    old.route = "security";
    old.fields = {{"summary", "XSS in the login page"}};
    update(reloaded, DraftRestored{ticket_draft_to_json(old)});
    const RequestForm& security = reloaded.requests.at("security");
    CHECK(security.draft.fields.at("summary") == "XSS in the login page");
    CHECK_FALSE(security.edited_at);
    CHECK(security.restore_focus == FocusRestore::None);

    // A focus on a field the route no longer has puts the keyboard nowhere.
    KeptDraft stale{old, std::nullopt, "no_such_field"};
    State other = signed_in();
    update(other, DraftRestored{kept_draft_to_json(stale)});
    CHECK(other.requests.at("security").restore_focus == FocusRestore::None);
}

TEST_CASE("passing an incident notice puts the keyboard back where the person was typing") {
    State state = signed_in();
    update(state, OpenRoute{"general"});
    const std::string kept = saved_json(update(state, EditField{"general", "summary", "Blank page"}));

    // The draft came back and its field took the keyboard before the
    // service's incident notice covered the form; the notice's button took it.
    State reloaded = signed_in();
    update(reloaded, OpenRoute{"general"});
    update(reloaded, DraftRestored{kept});
    update(reloaded, FocusRestoreAsked{"general"});
    update(reloaded, FocusRestored{"general"});
    CHECK(reloaded.requests.at("general").restore_focus == FocusRestore::None);
    update(reloaded, ContinuePastIncident{"general"});
    CHECK(reloaded.requests.at("general").past_incident);
    CHECK(reloaded.requests.at("general").restore_focus == FocusRestore::Wanted);

    // A form nobody typed in has no field to go back to.
    update(reloaded, OpenRoute{"security"});
    update(reloaded, ContinuePastIncident{"security"});
    CHECK(reloaded.requests.at("security").restore_focus == FocusRestore::None);
}

TEST_CASE("moving into a field is kept with a draft, but does not make an empty form one") {
    State state = signed_in();
    update(state, OpenRoute{"general"});
    CHECK(update(state, FocusField{"general", "summary"}).empty());
    CHECK(state.requests.at("general").focus == "summary");

    update(state, EditField{"general", "summary", "Blank page"});
    const std::string kept = saved_json(update(state, FocusField{"general", "description"}));
    CHECK(nlohmann::json::parse(kept)["focus"] == "description");
    CHECK(update(state, FocusField{"general", "description"}).empty());   // no change, no write
    CHECK(update(state, FocusField{"nowhere", "summary"}).empty());

    // Moving on before the restored field took the keyboard cancels the restore.
    RequestForm& form = state.requests.at("general");
    form.restore_focus = FocusRestore::Asked;
    update(state, FocusField{"general", "summary"});
    CHECK(form.restore_focus == FocusRestore::None);
}

TEST_CASE("the Drafts screen lists forms with content, newest first, with a one-line summary") {
    State state = signed_in();
    update(state, OpenRoute{"onboarding"});   // only the tenant, filled in by the portal
    CHECK(list_drafts(state).empty());

    update(state, EditField{"general", "application", "app_123"});
    state.now += std::chrono::minutes(1);
    update(state, ChooseSeverity{"production", 3});
    state.now += std::chrono::minutes(2);
    update(state, EditField{"security", "summary", "  Token leak\nin the logs  "});
    state.now += std::chrono::seconds(30);

    const std::vector<DraftEntry> drafts = list_drafts(state);
    REQUIRE(drafts.size() == 3);
    CHECK(drafts[0].title == "Security report");
    CHECK(drafts[0].summary == "Token leak");
    CHECK(drafts[1].route_id == "production");
    CHECK(drafts[1].summary.empty());        // only a severity chosen
    CHECK(drafts[2].route_id == "general");
    CHECK(drafts[2].summary == "app_123");   // no summary field filled: the first one that is

    CHECK(edited_text(drafts[0].edited_at, state.now, nullptr) == "Edited just now");
    CHECK(edited_text(drafts[2].edited_at, state.now, nullptr) == "Edited 3 minutes ago");
    CHECK(edited_text(parse_instant("2026-11-20T08:00:00Z"), state.now, nullptr) ==
          "Edited Fri 20 Nov 2026, 08:00 UTC");
    CHECK(edited_text(std::nullopt, state.now, nullptr) == "Edited earlier");

    CHECK(update(state, OpenDrafts{}).size() == 1);
    CHECK(state.screen == Screen{DraftsScreen{}});
}

TEST_CASE("a discarded draft is deleted from the device and Undo puts back the exact form") {
    State state = signed_in();
    update(state, EditField{"general", "summary", "Blank page"});
    update(state, ChooseSeverity{"general", 2});
    update(state, LeaveField{"general", "summary"});
    const RequestForm before = state.requests.at("general");

    const std::vector<Effect> discarded = update(state, DiscardDraft{"general"});
    REQUIRE(all_of<DeleteDraft>(discarded).size() == 1);
    CHECK(all_of<DeleteDraft>(discarded)[0].key == "request/general");
    CHECK_FALSE(state.requests.count("general"));
    CHECK(list_drafts(state).empty());

    const std::string saved = saved_json(update(state, UndoDiscardDraft{}));
    const RequestForm& after = state.requests.at("general");
    CHECK(after.draft == before.draft);
    CHECK(after.touched == before.touched);
    CHECK(after.edited_at == before.edited_at);
    CHECK(parse_kept_draft(saved)->draft == before.draft);
    CHECK_FALSE(state.drafts.discarded);

    // A newer draft on the same route is never overwritten by an Undo.
    update(state, DiscardDraft{"general"});
    update(state, EditField{"general", "summary", "Something new"});
    CHECK(update(state, UndoDiscardDraft{}).empty());
    CHECK(state.requests.at("general").draft.fields.at("summary") == "Something new");
    CHECK(state.drafts.discarded);
    CHECK(state.notice.find("newer draft") != std::string::npos);
    update(state, DismissUndoDiscard{});
    CHECK_FALSE(state.drafts.discarded);
}

TEST_CASE("an exported draft is a file that imports back into the same form") {
    State state = signed_in();
    update(state, EditField{"general", "summary", "Blank page"});
    update(state, EditField{"general", "description", "Since 08:00"});
    update(state, AnswerQuestion{"general", "all_or_few", "all"});
    update(state, ChooseSeverity{"general", 2});
    const TicketDraft draft = state.requests.at("general").draft;

    const std::vector<DownloadFile> files = all_of<DownloadFile>(update(state, ExportDraft{"general"}));
    REQUIRE(files.size() == 1);
    CHECK(files[0].file_name == "support-draft-general-2026-11-24.json");
    const nlohmann::json doc = nlohmann::json::parse(files[0].content);
    CHECK(doc["format"] == "support-portal-draft");
    CHECK(doc["route"] == "general");
    CHECK(doc["fields"]["summary"] == "Blank page");
    CHECK(doc["answers"]["all_or_few"] == "all");
    CHECK(doc["severity"] == 2);
    CHECK(doc["focus"] == "description");

    update(state, DiscardDraft{"general"});
    update(state, GoHome{});
    const std::vector<Effect> effects = update(state, file(files[0].file_name, files[0].content));
    CHECK(state.requests.at("general").draft == draft);
    CHECK(state.requests.at("general").restore_focus == FocusRestore::Wanted);
    CHECK(state.screen == Screen{RouteScreen{"general"}});
    CHECK_FALSE(state.drafts.discarded);   // its Undo would only be refused now
    CHECK(all_of<SaveDraft>(effects).size() == 1);
    CHECK(all_of<PushLocation>(effects).size() == 1);
    CHECK(state.notice == "Imported the General question draft from \xE2\x80\x9C" + files[0].file_name + "\xE2\x80\x9D.");

    CHECK(update(state, ImportDraft{}).size() == 1);
    State empty = signed_in();
    update(empty, ExportDraft{"general"});
    CHECK(empty.notice == "There is no General question draft to export.");
}

TEST_CASE("a file that is not a usable draft is refused in words naming it, and nothing changes") {
    State state = signed_in();
    update(state, EditField{"security", "summary", "Mine"});
    const auto refused = [&](const DraftImported& imported, const std::string& words) {
        CAPTURE(words);
        const std::map<std::string, RequestForm> before_forms = state.requests;
        const Screen before_screen = state.screen;
        CHECK(update(state, imported).empty());
        CHECK(state.notice.find("\xE2\x80\x9C" + imported.file_name + "\xE2\x80\x9D") != std::string::npos);
        CHECK(state.notice.find(words) != std::string::npos);
        CHECK(state.requests.size() == before_forms.size());
        CHECK(state.requests.at("security").draft == before_forms.at("security").draft);
        CHECK(state.screen == before_screen);
    };
    refused(file("notes.txt", "hello"), "it is not JSON");
    refused(file("invoice.json", R"({"format": "invoice"})"), "not a support portal draft");
    refused(file("plain.json", R"({"route": "general"})"), "not a support portal draft");
    refused(file("billing.json", R"({"format": "support-portal-draft", "route": "billing"})"),
            "support route this portal does not have (\"billing\")");
    refused(file("extra.json", R"({"format": "support-portal-draft", "route": "general", "fields": {"shoe_size": "44"}})"),
            "a field \"shoe_size\" that the General question form does not have");
    refused(DraftImported{"huge.json", "", 3 * 1024 * 1024, ""}, "it is 3.0 MB, and a draft file is at most 1 MB");
    refused(DraftImported{"gone.json", "", 10, "NotReadableError"}, "could not read it (NotReadableError)");

    // A draft on the same route is never overwritten: submit or discard it first.
    KeptDraft theirs;
    theirs.draft.route = "security";
    theirs.draft.fields = {{"summary", "Theirs"}};
    refused(file("theirs.json", kept_draft_to_json(theirs)), "Submit or discard it first");
    CHECK(state.requests.at("security").draft.fields.at("summary") == "Mine");
}

TEST_CASE("signing out with drafts asks first: keep them, or wipe them from the device") {
    SUBCASE("no drafts: signed out at once") {
        State state = signed_in();
        const std::vector<Effect> effects = update(state, SignOut{});
        CHECK(all_of<HttpRequest>(effects).size() == 1);
        CHECK(state.session == SessionStatus::SignedOut);
    }
    State state = signed_in();
    update(state, EditField{"general", "summary", "Blank page"});
    update(state, EditField{"security", "summary", "Token leak"});
    CHECK(update(state, SignOut{}).empty());
    CHECK(state.drafts.sign_out_asked);
    CHECK(state.session == SessionStatus::SignedIn);

    SUBCASE("cancel") {
        CHECK(update(state, CancelSignOut{}).empty());
        CHECK_FALSE(state.drafts.sign_out_asked);
        CHECK(state.session == SessionStatus::SignedIn);
    }
    SUBCASE("keep") {
        const std::vector<Effect> effects = update(state, KeepDraftsAndSignOut{});
        CHECK(all_of<HttpRequest>(effects).at(0).method == "DELETE");
        CHECK(all_of<DeleteDraft>(effects).empty());
        CHECK(state.session == SessionStatus::SignedOut);
        CHECK_FALSE(state.drafts.sign_out_asked);
        CHECK(list_drafts(state).size() == 2);
    }
    SUBCASE("wipe") {
        update(state, DiscardDraft{"security"});
        const std::vector<Effect> effects = update(state, WipeDraftsAndSignOut{});
        std::set<std::string> deleted;
        for (const DeleteDraft& d : all_of<DeleteDraft>(effects)) deleted.insert(d.key);
        for (const Route& route : state.program.routes) CHECK(deleted.count("request/" + route.id));
        CHECK(all_of<HttpRequest>(effects).at(0).method == "DELETE");
        CHECK(state.requests.empty());
        CHECK_FALSE(state.drafts.discarded);   // no Undo brings a wiped draft back
        CHECK(state.session == SessionStatus::SignedOut);
    }
}
