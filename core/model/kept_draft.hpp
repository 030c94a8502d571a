// A request form's draft as it is kept on the device and handed around as a
// file: the ticket draft plus when it was last edited and the field the person
// was typing in, under a format marker so an import can tell a draft file
// from any other JSON. Drafts kept before edited_at and focus existed still
// read (both are then unknown).
#pragma once

#include "core/text/parsed.hpp"
#include "core/sla/business_calendar.hpp"
#include "core/model/ticket_draft.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::string_view draft_format_name = "support-portal-draft";
inline constexpr int draft_format_version = 1;
// A draft is a few KB; anything much larger is not one.
inline constexpr long long draft_file_max_bytes = 1024 * 1024;

struct KeptDraft {
    TicketDraft draft;
    std::optional<Instant> edited_at;    // unknown for drafts kept by older portals
    std::string focus;                   // field id the cursor was in; "" = none
    bool operator==(const KeptDraft&) const = default;
};

// The key a route's draft is kept under on the device: "request/<route id>".
std::string draft_key(const std::string& route_id);

// Compact for the device; `pretty` for a file a person may open.
std::string kept_draft_to_json(const KeptDraft& kept, bool pretty = false);

// What the device kept: the format marker is optional (older drafts have none).
Parsed<KeptDraft> parse_kept_draft(std::string_view json_text);

// A file someone chose to import: it must say it is a draft, in a version
// this portal reads.
Parsed<KeptDraft> parse_draft_file(std::string_view json_text);

// "support-draft-onboarding-2026-11-24.json", dated in the viewer's zone (null: UTC).
std::string draft_file_name(const std::string& route_id, Instant now, const core::TimeZone* zone);

}  // namespace core
