#include "core/har/har_stream.hpp"

#include <cstring>

namespace core {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Eight bytes at a time, as json_tape does: most of a HAR is string bodies.
constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
constexpr uint64_t any_zero(uint64_t v) { return (v - ones) & ~v & highs; }
bool quote_or_backslash_in(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return any_zero(v ^ (ones * '"')) | any_zero(v ^ (ones * '\\'));
}

std::string shown(char c) {
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) return std::string("“") + c + "”";
    static const char* hex = "0123456789ABCDEF";
    return std::string("the byte 0x") + hex[static_cast<unsigned char>(c) >> 4] + hex[c & 15];
}

const char* cut_off = "The file ends here: it was cut off while saving, or is only part of a HAR file.";

}  // namespace

bool HarStreamReader::fail(uint64_t offset, std::string path, std::string message) {
    failed_ = true;
    error_ = {static_cast<size_t>(offset), std::move(path), std::move(message)};
    return false;
}

std::string HarStreamReader::frame_path() const {
    if (frames_.empty()) return {};
    switch (frames_.back()) {
    case Frame::File: return {};
    case Frame::Log: return "log";
    case Frame::Entries: return "log.entries";
    case Frame::Pages: return "log.pages";
    }
    return {};
}

void HarStreamReader::flush_verbatim(std::string_view chunk, size_t end) {
    if (end > verbatim_from_) handler_.verbatim(chunk.substr(verbatim_from_, end - verbatim_from_));
    verbatim_from_ = end;
}

void HarStreamReader::close_frame() {
    frames_.pop_back();
    counts_.pop_back();
    if (frames_.empty()) {
        expect_ = Expect::Done;
    } else {
        counts_.back()++;
        expect_ = Expect::CommaOrEnd;
    }
}

bool HarStreamReader::end_key(uint64_t offset) {
    // A member name is checked as JSON like any string, and compared with its
    // escapes undone, so "\u006cog" is log too and its entries are not missed.
    const std::string quoted = '"' + raw_key_ + '"';
    JsonTape tape;
    JsonTapeError error;
    if (!read_json_tape(quoted, tape, error)) return fail(offset, frame_path(), error.message);
    key_ = json_string_text(quoted);
    expect_ = Expect::Colon;
    return true;
}

HarStreamReader::Began HarStreamReader::start_value(char c, uint64_t offset) {
    const Frame frame = frames_.back();
    auto begin_part = [&](HarPartKind kind, size_t index, std::string path) {
        part_kind_ = kind;
        part_index_ = index;
        part_path_ = std::move(path);
        part_.clear();
        part_offset_ = offset;
        part_started_ = part_in_string_ = part_escape_ = part_scalar_ = part_ended_ = false;
        part_depth_ = 0;
        in_part_ = true;
        return Began::Part;
    };
    if (frame == Frame::File && key_ == "log") {
        if (c != '{') return fail(offset, "log", "log is an object in { }; here it starts with " + shown(c) + "."), Began::Failed;
        frames_.push_back(Frame::Log);
        counts_.push_back(0);
        expect_ = Expect::KeyOrEnd;
        seen_log_ = true;
        return Began::Frame;
    }
    if (frame == Frame::Log && (key_ == "entries" || key_ == "pages")) {
        if (c != '[')
            return fail(offset, "log." + key_, "log." + key_ + " is a list in [ ]; here it starts with " + shown(c) + "."), Began::Failed;
        frames_.push_back(key_ == "entries" ? Frame::Entries : Frame::Pages);
        counts_.push_back(0);
        expect_ = Expect::ValueOrEnd;
        if (key_ == "entries") seen_entries_ = true;
        return Began::Frame;
    }
    if (frame == Frame::Entries || frame == Frame::Pages) {
        const bool entries = frame == Frame::Entries;
        const size_t index = counts_.back();
        std::string path = (entries ? "log.entries[" : "log.pages[") + std::to_string(index) + "]";
        if (c != '{')
            return fail(offset, path, std::string(entries ? "An entry" : "A page") + " is an object in { }; this one starts with " + shown(c) + "."),
                   Began::Failed;
        return begin_part(entries ? HarPartKind::Entry : HarPartKind::Page, index, std::move(path));
    }
    const std::string parent = frame_path();
    return begin_part(HarPartKind::Other, 0, parent.empty() ? key_ : parent + "." + key_);
}

bool HarStreamReader::step(char c, uint64_t offset) {
    if (in_key_) {
        if (key_escape_) {
            key_escape_ = false;
        } else if (c == '\\') {
            key_escape_ = true;
        } else if (c == '"') {
            in_key_ = false;
            return end_key(offset);
        }
        if (raw_key_.size() >= 4096) return fail(offset, frame_path(), "A member name is longer than 4096 bytes.");
        raw_key_ += c;
        return true;
    }
    if (expect_ == Expect::Start) {
        // A UTF-8 byte order mark is skipped (Firefox and some tools write
        // one); it is not copied, since JSON text has none.
        if (offset == static_cast<uint64_t>(bom_) && bom_ < 3 && c == "\xEF\xBB\xBF"[bom_]) {
            bom_++;
            return true;
        }
        if (bom_ > 0 && bom_ < 3) return fail(offset, "", "These bytes are not UTF-8 text.");
        if (offset == 0 && (c == '\xFE' || c == '\xFF'))
            return fail(0, "", "This file is saved as UTF-16, and a HAR file is UTF-8: save it again from the browser's network panel.");
    }
    if (is_space(c)) return true;
    switch (expect_) {
    case Expect::Start:
        if (c != '{') return fail(offset, "", "A HAR file is a JSON object that starts with {; this one starts with " + shown(c) + ".");
        frames_.push_back(Frame::File);
        counts_.push_back(0);
        expect_ = Expect::KeyOrEnd;
        return true;
    case Expect::KeyOrEnd:
    case Expect::Key:
        if (c == '"') {
            in_key_ = true;
            raw_key_.clear();
            return true;
        }
        if (c == '}' && expect_ == Expect::KeyOrEnd) {
            close_frame();
            return true;
        }
        return fail(offset, frame_path(), "Expected a member name in quotes; found " + shown(c) + ".");
    case Expect::Colon:
        if (c != ':') return fail(offset, frame_path(), "Expected : after the member name; found " + shown(c) + ".");
        expect_ = Expect::Value;
        return true;
    case Expect::CommaOrEnd: {
        const bool object = frames_.back() == Frame::File || frames_.back() == Frame::Log;
        if (c == ',') {
            expect_ = object ? Expect::Key : Expect::Value;
            return true;
        }
        if (c == (object ? '}' : ']')) {
            close_frame();
            return true;
        }
        return fail(offset, frame_path(), std::string("Expected , or ") + (object ? '}' : ']') + "; found " + shown(c) + ".");
    }
    case Expect::ValueOrEnd:
        if (c == ']') {
            close_frame();
            return true;
        }
        return fail(offset, frame_path(), "internal: a value is read by start_value");
    case Expect::Value: return fail(offset, frame_path(), "internal: a value is read by start_value");
    case Expect::Done: return fail(offset, "", "There is more after the end of the HAR file's object.");
    }
    return true;
}

void HarStreamReader::scan_part(std::string_view chunk, size_t& i) {
    const size_t start = i, size = chunk.size();
    if (!part_started_) {
        part_started_ = true;
        const char first = chunk[i++];
        if (first == '"') part_in_string_ = true;
        else if (first == '{' || first == '[') part_depth_ = 1;
        else part_scalar_ = true;   // a number, true, false or null: it ends where a delimiter begins
    }
    while (i < size && !part_ended_) {
        if (part_in_string_) {
            if (part_escape_) {
                part_escape_ = false;
                i++;
                continue;
            }
            while (i + 8 <= size && !quote_or_backslash_in(chunk.data() + i)) i += 8;
            while (i < size && chunk[i] != '"' && chunk[i] != '\\') i++;
            if (i == size) break;
            if (chunk[i++] == '\\') {
                part_escape_ = true;
                continue;
            }
            part_in_string_ = false;
            if (part_depth_ == 0) part_ended_ = true;   // the part was this string
            continue;
        }
        const char c = chunk[i];
        if (part_scalar_) {
            if (is_space(c) || c == ',' || c == '}' || c == ']') {
                part_ended_ = true;
                break;
            }
            i++;
            continue;
        }
        i++;
        if (c == '"') part_in_string_ = true;
        else if (c == '{' || c == '[') part_depth_++;
        else if ((c == '}' || c == ']') && --part_depth_ == 0) part_ended_ = true;
    }
    part_.append(chunk.substr(start, i - start));
}

bool HarStreamReader::end_part() {
    in_part_ = false;
    HarPart part;
    part.kind = part_kind_;
    part.index = part_index_;
    part.path = part_path_;
    part.text = part_;
    part.offset = part_offset_;
    JsonTapeError error;
    if (!handler_.part(part, error)) {
        std::string path = part_path_;
        if (!error.path.empty()) path += (error.path[0] == '[' ? "" : ".") + error.path;
        return fail(part_offset_ + error.offset, std::move(path), error.message);
    }
    if (part_kind_ == HarPartKind::Entry) entries_++;
    if (part_kind_ == HarPartKind::Page) pages_++;
    counts_.back()++;
    expect_ = Expect::CommaOrEnd;
    return true;
}

bool HarStreamReader::feed(std::string_view chunk) {
    if (failed_) return false;
    verbatim_from_ = 0;
    size_t i = 0;
    while (i < chunk.size()) {
        if (in_part_) {
            scan_part(chunk, i);
            if (part_ended_) {
                verbatim_from_ = i;
                if (!end_part()) return false;
            }
            continue;
        }
        const char c = chunk[i];
        const uint64_t offset = consumed_ + i;
        if (!in_key_ && (expect_ == Expect::Value || (expect_ == Expect::ValueOrEnd && c != ']')) && !is_space(c)) {
            const Began began = start_value(c, offset);
            if (began == Began::Failed) return false;
            if (began == Began::Part) {
                flush_verbatim(chunk, i);
                continue;   // the part's first byte is read by scan_part
            }
            i++;
            continue;
        }
        if (!step(c, offset)) return false;
        if (expect_ == Expect::Start) verbatim_from_ = i + 1;   // a byte order mark and spaces before the file's {
        i++;
    }
    if (!in_part_) flush_verbatim(chunk, chunk.size());
    consumed_ += chunk.size();
    return true;
}

bool HarStreamReader::finish() {
    if (failed_) return false;
    if (in_part_) {
        // Say where inside the part the file stops: its own reading knows.
        JsonTape tape;
        JsonTapeError error;
        std::string path = part_path_;
        if (part_scalar_ && part_kind_ == HarPartKind::Other) return fail(consumed_, frame_path(), cut_off);
        if (!read_json_tape(part_, tape, error)) {
            if (!error.path.empty()) path += (error.path[0] == '[' ? "" : ".") + error.path;
            return fail(part_offset_ + error.offset, std::move(path), error.message);
        }
        return fail(consumed_, std::move(path), cut_off);
    }
    if (expect_ != Expect::Done) {
        if (expect_ == Expect::Start) return fail(consumed_, "", "The file is empty: a HAR file is a JSON object with a log member.");
        return fail(consumed_, frame_path(), cut_off);
    }
    if (!seen_log_) return fail(consumed_, "", "This JSON file has no log member: it is not a HAR file.");
    if (!seen_entries_) return fail(consumed_, "log", "log has no entries list: it is not a HAR file.");
    return true;
}

}  // namespace core
