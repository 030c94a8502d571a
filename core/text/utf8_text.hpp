// Text as people type or paste it into a form: UTF-8 checked and counted in
// characters (code points, not bytes, so "Müller" is 6 long), and characters
// quoted for messages ("A", "_", a space).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace core {

// The code points of `text`, or nullopt when it is not valid UTF-8 (stray
// continuation bytes, overlong forms, surrogates, beyond U+10FFFF).
std::optional<std::u32string> decode_utf8(std::string_view text);

// How many bytes of `text` are valid UTF-8 from the start: text.size() when all are.
size_t valid_utf8_prefix(std::string_view text);

// How many bytes the one character at text[at] takes, or 0 when they are not
// valid UTF-8 (the same rules as decode_utf8).
size_t utf8_sequence_length(std::string_view text, size_t at);

std::string encode_utf8(char32_t c);

// Each distinct character once, in order of appearance, as a message shows it:
// "\"A\", \"_\", a space". At most `limit` are named; more end in " and more".
std::string quote_characters(std::u32string_view characters, size_t limit = 5);

// "\"acme-prod\"": a value inside a message.
std::string in_quotes(std::string_view text);
// A name the person gave (a file, a text), in a sentence for people: “login.har”.
std::string name_in_quotes(std::string_view name);

// Characters a one-line name must not hold because nobody sees them but
// they change what is shown around them: C0 and C1 controls (tabs, line
// breaks), the line and paragraph separators U+2028 and U+2029, the
// bidirectional marks, embeddings, overrides and isolates (U+202E turns
// "Amara" into what looks like another name), and the other invisible
// format characters (zero-width space, word joiner, byte order mark, soft
// hyphen, tags). The zero-width joiner and non-joiner stay allowed: Persian
// and Indic names and emoji sequences need them.
bool is_hidden_control(char32_t c);

// "U+202E": how a message names a character it cannot show.
std::string code_point_name(char32_t c);

}  // namespace core
