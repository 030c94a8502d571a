// A HAR file read as a stream of parts, a chunk of any size at a time, so a
// 100 MB file never needs its whole tree in memory: each entry of
// log.entries, each page of log.pages and every other member of the file or
// of log is handed over as one piece of JSON text; the bytes between them
// (braces, commas, member names, spaces) are handed over as they were. A
// sanitiser rewrites the parts and copies the rest (har_sanitizer.hpp).
//
// The reader checks the file's outline (an object with a log object holding
// an entries list of objects) itself; a part's own JSON is checked by whoever
// reads it, which reports its errors through the handler.
#pragma once

#include "core/text/json_tape.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class HarPartKind : uint8_t { Entry, Page, Other };

struct HarPart {
    HarPartKind kind = HarPartKind::Other;
    size_t index = 0;          // n of log.entries[n] or log.pages[n]
    std::string_view path;     // "log.entries[3]", "log.creator", "log.version"
    std::string_view text;     // the part's JSON text, as in the file
    uint64_t offset = 0;       // where `text` starts in the file
};

class HarStreamHandler {
public:
    virtual ~HarStreamHandler() = default;
    // File bytes between parts, in order.
    virtual void verbatim(std::string_view bytes) = 0;
    // A whole part. False stops the reading with `error` (offset in the
    // part's text, path below the part's own).
    virtual bool part(const HarPart& part, JsonTapeError& error) = 0;
};

class HarStreamReader {
public:
    explicit HarStreamReader(HarStreamHandler& handler) : handler_(handler) {}

    // False once the file is known not to be a HAR file; error() says why.
    bool feed(std::string_view chunk);
    // After the last chunk: false when the file stops early or has no log.entries.
    bool finish();

    const JsonTapeError& error() const { return error_; }   // offset in the file, path from its top
    size_t entry_count() const { return entries_; }
    size_t page_count() const { return pages_; }
    uint64_t bytes_read() const { return consumed_; }

private:
    // The outline the reader follows itself: the file's object, log's object
    // and the entries or pages list. Anything deeper is inside a part.
    enum class Frame : uint8_t { File, Log, Entries, Pages };
    enum class Expect : uint8_t { Start, KeyOrEnd, Key, Colon, Value, ValueOrEnd, CommaOrEnd, Done };
    enum class Began : uint8_t { Failed, Frame, Part };

    bool step(char c, uint64_t offset);
    Began start_value(char c, uint64_t offset);
    void scan_part(std::string_view chunk, size_t& i);
    bool end_part();
    void close_frame();
    bool end_key(uint64_t offset);
    bool fail(uint64_t offset, std::string path, std::string message);
    std::string frame_path() const;
    void flush_verbatim(std::string_view chunk, size_t end);

    HarStreamHandler& handler_;
    JsonTapeError error_;
    bool failed_ = false;

    std::vector<Frame> frames_;
    Expect expect_ = Expect::Start;
    std::vector<size_t> counts_;   // values read so far in each frame
    std::string key_;              // the member name being read, or just read (escapes undone)
    bool in_key_ = false, key_escape_ = false;
    std::string raw_key_;
    int bom_ = 0;                  // bytes of a UTF-8 byte order mark seen at the start
    bool seen_log_ = false, seen_entries_ = false;
    size_t entries_ = 0, pages_ = 0;

    // The part being read.
    bool in_part_ = false;
    HarPartKind part_kind_ = HarPartKind::Other;
    size_t part_index_ = 0;
    std::string part_path_;
    std::string part_;
    uint64_t part_offset_ = 0;
    size_t part_depth_ = 0;
    bool part_started_ = false, part_in_string_ = false, part_escape_ = false, part_scalar_ = false, part_ended_ = false;

    uint64_t consumed_ = 0;        // bytes before the current chunk
    size_t verbatim_from_ = 0;     // in the current chunk
};

}  // namespace core
