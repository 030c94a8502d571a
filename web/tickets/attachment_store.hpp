// Files attached to tickets (migration 23): what each is in `attachments`,
// its bytes apart in `attachment_bytes`, so a list never reads a file.
// Works inside the caller's transaction; SQLite failures throw
// DatabaseError (sqlite_statement).
#pragma once

#include "core/sla/business_calendar.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace web {

struct AttachmentRecord {
    std::string id;                  // public: "att_<hex>"
    std::string ticket_id;
    std::string kind;                // har | png | jpeg | webp | log
    std::string media_type;
    std::string file_name;
    int64_t size = 0;
    std::string sha256;              // hex, of the bytes kept
    std::string added_by_kind;       // customer | support
    std::optional<std::string> added_by_email, added_by_name;
    core::Instant created_at{};
};

// When attachments of closed tickets expire: `days` after closing; never when days is 0.
std::optional<core::Instant> attachments_expired_before(core::Instant now, int days);

class AttachmentRows {
public:
    explicit AttachmentRows(sqlite3* connection) : connection_(connection) {}

    AttachmentRecord add(const std::string& ticket_id, const std::string& kind, const std::string& media_type,
                         const std::string& file_name, const std::string& bytes, int64_t added_by, const std::string& added_by_kind,
                         core::Instant at);
    // Oldest first. Attachments of a ticket closed at or before
    // `expired_before` are gone even before delete_expired takes them.
    std::vector<AttachmentRecord> of_ticket(const std::string& ticket_id, std::optional<core::Instant> expired_before);
    std::optional<AttachmentRecord> find(const std::string& ticket_id, const std::string& id, std::optional<core::Instant> expired_before);
    std::string bytes_of(const std::string& id);

    // Deletes the attachments of tickets closed at or before `expired_before`
    // (their bytes go with them); how many went.
    int64_t delete_expired(core::Instant expired_before);

private:
    sqlite3* connection_;
};

}  // namespace web
