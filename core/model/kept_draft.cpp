#include "core/model/kept_draft.hpp"

#include "core/text/json_error.hpp"
#include "core/text/json_reader.hpp"
#include "core/text/ordered_json_object.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

enum class Marker { Optional, Required };

Parsed<KeptDraft> parse(std::string_view json_text, Marker marker) {
    const json doc = read_json(json_text);
    if (doc.is_discarded()) return {std::nullopt, "it is not JSON (" + describe_invalid_json(json_text) + ")"};
    if (!doc.is_object()) return {std::nullopt, "it is JSON but not a support portal draft (no object at the top)"};

    auto format = doc.find("format");
    if (format == doc.end()) {
        if (marker == Marker::Required)
            return {std::nullopt, "it is JSON but not a support portal draft (it has no \"format\": \"" +
                                      std::string(draft_format_name) + "\")"};
    } else if (!format->is_string() || format->get<std::string>() != draft_format_name) {
        return {std::nullopt, "it is JSON but not a support portal draft (its format is " + format->dump() + ")"};
    }
    if (auto version = doc.find("version"); version != doc.end()) {
        if (!version->is_number_integer())
            return {std::nullopt, "its version is " + version->dump() + ", not a number"};
        if (version->get<std::int64_t>() > draft_format_version)
            return {std::nullopt, "it was written by a newer portal (draft format version " + version->dump() +
                                      "; this portal reads version " + std::to_string(draft_format_version) + ")"};
    }

    Parsed<TicketDraft> draft = parse_ticket_draft(json_text);
    if (!draft) return {std::nullopt, "its " + draft.error};
    KeptDraft kept{std::move(*draft.value), std::nullopt, {}};
    if (auto edited = doc.find("edited_at"); edited != doc.end()) {
        std::optional<Instant> at = edited->is_string() ? parse_instant(edited->get<std::string>()) : std::nullopt;
        if (!at) return {std::nullopt, "its edited_at is " + edited->dump() + ", not a time like 2026-11-24T09:30:00Z"};
        kept.edited_at = at;
    }
    if (auto focus = doc.find("focus"); focus != doc.end()) {
        if (!focus->is_string()) return {std::nullopt, "its focus is " + focus->dump() + ", not a field id"};
        kept.focus = focus->get<std::string>();
    }
    return {std::move(kept), {}};
}

}  // namespace

std::string draft_key(const std::string& route_id) { return "request/" + route_id; }

std::string kept_draft_to_json(const KeptDraft& kept, bool pretty) {
    // The ticket draft's own members first, in its order, then ours.
    OrderedJsonObject doc;
    doc.set("format", draft_format_name).set("version", draft_format_version);
    if (std::optional<OrderedJsonObject> draft = OrderedJsonObject::read(ticket_draft_to_json(kept.draft)))
        for (auto& [name, value] : draft->members()) doc.set(name, value);
    if (kept.edited_at) doc.set("edited_at", format_instant_utc(*kept.edited_at));
    if (!kept.focus.empty()) doc.set("focus", kept.focus);
    return doc.dump(pretty ? 2 : -1);
}

Parsed<KeptDraft> parse_kept_draft(std::string_view json_text) { return parse(json_text, Marker::Optional); }

Parsed<KeptDraft> parse_draft_file(std::string_view json_text) { return parse(json_text, Marker::Required); }

std::string draft_file_name(const std::string& route_id, Instant now, const core::TimeZone* zone) {
    const std::string day = (zone ? format_instant(now, zone) : format_instant_utc(now)).substr(0, 10);
    return "support-draft-" + route_id + "-" + day + ".json";
}

}  // namespace core
