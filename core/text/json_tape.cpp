#include "core/text/json_tape.hpp"

#include "core/text/utf8_text.hpp"

#include <cstring>
#include <limits>

namespace core {

namespace {

// Eight bytes at a time (SWAR): a string body is mostly plain ASCII, and a
// HAR is mostly string bodies. Each test may say yes for a word that has no
// such byte (then the bytes are looked at one by one), never no for one that has.
constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
constexpr uint64_t any_zero(uint64_t v) { return (v - ones) & ~v & highs; }
constexpr uint64_t any_byte(uint64_t v, unsigned char b) { return any_zero(v ^ (ones * b)); }
constexpr uint64_t any_below(uint64_t v, unsigned char n) { return (v - ones * n) & ~v & highs; }

bool plain_word(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return !((v & highs) | any_byte(v, '"') | any_byte(v, '\\') | any_below(v, 0x20));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The four hex digits after "\u" at `p` (checked by the tape).
unsigned hex4(const char* p) {
    unsigned value = 0;
    for (int i = 0; i < 4; i++) value = value * 16 + static_cast<unsigned>(hex_digit(p[i]));
    return value;
}

// An object or array being read, with where in it the reader is.
struct Open {
    int32_t node;
    bool object;
    uint32_t count = 0;                      // values read so far
    uint32_t key_begin = 0, key_end = 0;     // the member being read (objects)
};

class TapeReader {
public:
    TapeReader(std::string_view text, JsonTape& tape, JsonTapeError& error) : text_(text), tape_(tape), error_(error) {}

    bool read() {
        tape_.nodes.clear();
        if (text_.size() > std::numeric_limits<uint32_t>::max())
            return fail(0, "The text is larger than 4 GiB.");
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;   // a UTF-8 byte order mark, as HAR files from Firefox may have
        uint32_t key_begin = 0, key_end = 0;   // the name of the member whose value comes next
        for (;;) {
            // A value.
            skip_space();
            if (pos_ == text_.size()) return fail(pos_, "The text ends where a value should be: it was cut off.");
            const Read read = value(key_begin, key_end);
            if (read == Read::Failed) return false;
            if (read == Read::Opened) {   // its first value (an object's, after its name) comes next
                key_begin = open_.back().object ? open_.back().key_begin : 0;
                key_end = open_.back().object ? open_.back().key_end : 0;
                continue;
            }
            // Then whatever closes containers or leads to the next value.
            for (;;) {
                skip_space();
                if (open_.empty()) {
                    if (pos_ != text_.size()) return fail(pos_, "There is more after the end of the JSON value.");
                    return true;
                }
                Open& top = open_.back();
                if (pos_ == text_.size())
                    return fail(pos_, std::string("The text ends inside this ") + (top.object ? "object" : "list") +
                                          ": it was cut off.");
                const char c = text_[pos_];
                if (c == (top.object ? '}' : ']')) {
                    close();
                    continue;
                }
                if (c != ',')
                    return fail(pos_, top.object ? "Expected , or } after the member." : "Expected , or ] after the value.");
                ++pos_;
                top.count++;
                if (top.object) {
                    top.key_begin = top.key_end = 0;   // until the next name is read
                    if (!read_name(top)) return false;
                    key_begin = top.key_begin, key_end = top.key_end;
                } else {
                    key_begin = key_end = 0;
                }
                break;
            }
        }
    }

private:
    bool fail(size_t offset, std::string message) {
        error_.offset = offset;
        error_.message = std::move(message);
        error_.path.clear();
        for (const Open& o : open_) {
            if (o.object) {
                if (o.key_end <= o.key_begin) break;   // before the first name
                if (!error_.path.empty()) error_.path += '.';
                error_.path += json_string_text(text_.substr(o.key_begin, o.key_end - o.key_begin));
            } else {
                error_.path += "[" + std::to_string(o.count) + "]";
            }
        }
        return false;
    }

    void skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            ++pos_;
        }
    }

    enum class Read { Failed, Value, Opened };

    // One value at pos_: a whole scalar or empty container, or the opening
    // of one (with an object's first name read).
    Read value(uint32_t key_begin, uint32_t key_end) {
        JsonNode node;
        node.begin = static_cast<uint32_t>(pos_);
        node.key_begin = key_begin;
        node.key_end = key_end;
        node.parent = open_.empty() ? -1 : open_.back().node;
        const int32_t index = static_cast<int32_t>(tape_.nodes.size());
        const char c = text_[pos_];
        if (c == '{' || c == '[') {
            if (open_.size() >= deepest_tape_nesting) {
                fail(pos_, "Objects and lists are nested more than " + std::to_string(deepest_tape_nesting) + " deep.");
                return Read::Failed;
            }
            node.kind = c == '{' ? JsonKind::Object : JsonKind::Array;
            tape_.nodes.push_back(node);
            open_.push_back({index, c == '{'});
            ++pos_;
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == (c == '{' ? '}' : ']')) {
                close();
                return Read::Value;
            }
            if (c == '{' && !read_name(open_.back())) return Read::Failed;
            return Read::Opened;
        }
        bool read = false;
        if (c == '"') {
            node.kind = JsonKind::String;
            read = string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            node.kind = JsonKind::Number;
            read = number();
        } else {
            read = literal(node.kind);
        }
        if (!read) return Read::Failed;
        node.end = static_cast<uint32_t>(pos_);
        node.after = static_cast<uint32_t>(index + 1);
        tape_.nodes.push_back(node);
        return Read::Value;
    }

    bool read_name(Open& top) {
        skip_space();
        if (pos_ == text_.size()) return fail(pos_, "The text ends inside this object: it was cut off.");
        if (text_[pos_] != '"') return fail(pos_, "Expected a member name in quotes.");
        const size_t begin = pos_;
        if (!string()) return false;
        top.key_begin = static_cast<uint32_t>(begin);
        top.key_end = static_cast<uint32_t>(pos_);
        skip_space();
        if (pos_ == text_.size()) return fail(pos_, "The text ends after a member name: it was cut off.");
        if (text_[pos_] != ':') return fail(pos_, "Expected : after the member name.");
        ++pos_;
        return true;
    }

    void close() {
        JsonNode& node = tape_.nodes[static_cast<size_t>(open_.back().node)];
        ++pos_;
        node.end = static_cast<uint32_t>(pos_);
        node.after = static_cast<uint32_t>(tape_.nodes.size());
        open_.pop_back();
    }

    bool string() {
        const size_t begin = pos_;
        const char* data = text_.data();
        const size_t size = text_.size();
        size_t i = pos_ + 1;
        for (;;) {
            while (i + 8 <= size && plain_word(data + i)) i += 8;
            if (i >= size) return fail(begin, "The text ends inside this string: it was cut off.");
            const unsigned char c = static_cast<unsigned char>(data[i]);
            if (c == '"') break;
            if (c == '\\') {
                if (i + 1 >= size) return fail(begin, "The text ends inside this string: it was cut off.");
                const char e = data[i + 1];
                if (e == 'u') {
                    if (!unicode_escape(i, begin)) return false;
                    continue;
                }
                if (!std::strchr("\"\\/bfnrt", e) || e == '\0')
                    return fail(i, std::string("\\") + e + " is not an escape JSON knows.");
                i += 2;
            } else if (c < 0x20) {
                return fail(i, "A control character (" + code_point_name(c) + ") must be written as an escape inside a string.");
            } else if (c >= 0x80) {
                const size_t length = utf8_sequence_length(text_, i);
                if (length == 0) return fail(i, "These bytes are not UTF-8 text.");
                i += length;
            } else {
                ++i;
            }
        }
        pos_ = i + 1;
        return true;
    }

    // "\uXXXX" at `i`, or a surrogate pair "\uD8xx\uDCxx"; `i` moves past it.
    bool unicode_escape(size_t& i, size_t begin) {
        auto four_hex = [&](size_t at) {
            if (at + 4 > text_.size()) return false;
            for (size_t k = 0; k < 4; k++)
                if (hex_digit(text_[at + k]) < 0) return false;
            return true;
        };
        if (i + 6 > text_.size()) return fail(begin, "The text ends inside this string: it was cut off.");
        if (!four_hex(i + 2)) return fail(i, "\\u must be followed by four hexadecimal digits.");
        const unsigned unit = hex4(text_.data() + i + 2);
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail(i, "\\u" + std::string(text_.substr(i + 2, 4)) + " is the second half of a surrogate pair without its first.");
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 12 > text_.size()) return fail(begin, "The text ends inside this string: it was cut off.");
            if (text_[i + 6] != '\\' || text_[i + 7] != 'u' || !four_hex(i + 8))
                return fail(i, "\\u" + std::string(text_.substr(i + 2, 4)) + " begins a surrogate pair that has no second half.");
            const unsigned second = hex4(text_.data() + i + 8);
            if (second < 0xDC00 || second > 0xDFFF)
                return fail(i, "\\u" + std::string(text_.substr(i + 2, 4)) + " begins a surrogate pair that has no second half.");
            i += 12;
            return true;
        }
        i += 6;
        return true;
    }

    bool number() {
        const size_t begin = pos_;
        auto digit = [&](size_t at) { return at < text_.size() && text_[at] >= '0' && text_[at] <= '9'; };
        size_t i = pos_;
        if (text_[i] == '-') ++i;
        if (!digit(i)) return fail(begin, "A number needs a digit after its minus sign.");
        if (text_[i] == '0') {
            ++i;
            if (digit(i)) return fail(begin, "A number does not begin with 0 unless it is 0 (as in 0.5).");
        } else {
            while (digit(i)) ++i;
        }
        if (i < text_.size() && text_[i] == '.') {
            ++i;
            if (!digit(i)) return fail(begin, "A number needs a digit after its decimal point.");
            while (digit(i)) ++i;
        }
        if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
            ++i;
            if (i < text_.size() && (text_[i] == '+' || text_[i] == '-')) ++i;
            if (!digit(i)) return fail(begin, "A number needs a digit in its exponent.");
            while (digit(i)) ++i;
        }
        pos_ = i;
        return true;
    }

    bool literal(JsonKind& kind) {
        for (auto [word, k] : {std::pair{std::string_view("true"), JsonKind::True},
                               std::pair{std::string_view("false"), JsonKind::False},
                               std::pair{std::string_view("null"), JsonKind::Null}}) {
            if (text_[pos_] != word[0]) continue;
            if (text_.substr(pos_, word.size()) != word) {
                if (text_.size() - pos_ < word.size() && word.starts_with(text_.substr(pos_)))
                    return fail(pos_, "The text ends inside this value: it was cut off.");
                return fail(pos_, "Expected " + std::string(word) + ".");
            }
            kind = k;
            pos_ += word.size();
            return true;
        }
        return fail(pos_, "Expected a value: an object, a list, a string, a number, true, false or null.");
    }

    std::string_view text_;
    JsonTape& tape_;
    JsonTapeError& error_;
    std::vector<Open> open_;
    size_t pos_ = 0;
};

}  // namespace

bool read_json_tape(std::string_view text, JsonTape& tape, JsonTapeError& error) {
    return TapeReader(text, tape, error).read();
}

int32_t JsonTape::member(std::string_view text, int32_t object, std::string_view name) const {
    if (object < 0 || static_cast<size_t>(object) >= nodes.size() || nodes[static_cast<size_t>(object)].kind != JsonKind::Object)
        return -1;
    const JsonNode& parent = nodes[static_cast<size_t>(object)];
    for (uint32_t i = static_cast<uint32_t>(object) + 1; i < parent.after; i = nodes[i].after) {
        const std::string_view key = text.substr(nodes[i].key_begin, nodes[i].key_end - nodes[i].key_begin);
        const std::string_view bare = key.substr(1, key.size() - 2);
        if (bare.find('\\') == std::string_view::npos ? bare == name : json_string_text(key) == name)
            return static_cast<int32_t>(i);
    }
    return -1;
}

std::string json_string_text(std::string_view quoted) {
    std::string out;
    if (quoted.size() < 2) return out;
    const std::string_view body = quoted.substr(1, quoted.size() - 2);
    out.reserve(body.size());
    // Runs without escapes are copied whole: bodies of megabytes have few
    // escapes, and a character at a time is slow where string appends are
    // not inlined (the browser's libc++).
    size_t i = 0;
    while (i < body.size()) {
        const size_t slash = body.find('\\', i);
        if (slash == std::string_view::npos) {
            out.append(body.data() + i, body.size() - i);
            break;
        }
        out.append(body.data() + i, slash - i);
        i = slash;
        if (i + 1 >= body.size()) {   // a lone backslash at the end: not a span the tape checked
            out += body[i];
            break;
        }
        const char e = body[++i];
        switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
            if (i + 4 >= body.size()) return out;   // not a span the tape checked
            unsigned code_point = hex4(body.data() + i + 1);
            i += 4;   // at the last hex digit
            if (code_point >= 0xD800 && code_point <= 0xDBFF && i + 7 <= body.size() && body[i + 1] == '\\') {
                const unsigned low = hex4(body.data() + i + 3);
                code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
            out += encode_utf8(code_point);
            break;
        }
        default: out += e;   // " \ /
        }
        i++;
    }
    return out;
}

void append_json_quoted(std::string& out, std::string_view text) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    // Runs that need no escape are copied whole (see json_string_text).
    size_t run = 0;
    for (size_t i = 0; i < text.size(); i++) {
        const char c = text[i];
        if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            const char escape[6] = {'\\', 'u', '0', '0', hex[static_cast<unsigned char>(c) >> 4], hex[c & 15]};
            out.append(escape, sizeof escape);
        }
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

std::string json_quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    append_json_quoted(out, text);
    return out;
}

}  // namespace core
