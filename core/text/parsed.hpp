// A value read from text we do not trust (a document, a request body, a
// service's answer, a URI), or the reason it could not be read. One shape for
// every reader, so callers test it the same way everywhere:
//
//     Parsed<Program> program = parse_program(text);
//     if (!program) return fail(program.error);   // names the bad member
//     use(program->plans);
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace core {

template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string error;   // in words, naming what is wrong; empty when value is set

    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const& { return *value; }
    T& operator*() & { return *value; }
    T&& operator*() && { return std::move(*value); }
    const T* operator->() const { return &*value; }
    T* operator->() { return &*value; }

    static Parsed failure(std::string why) { return Parsed{std::nullopt, std::move(why)}; }
};

}  // namespace core
