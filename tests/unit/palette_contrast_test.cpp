// Every text the screens draw, and every field border and focus ring, stays
// readable in both themes: WCAG 2.1's contrast ratio of relative luminances.
#include "ui/palette.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace ui;

namespace {

double linear(std::uint8_t channel) {
    const double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

double contrast(Rgb a, Rgb b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

double required(const ColourPair& pair) { return pair.large ? 3.0 : 4.5; }

void check_pairs(const Palette& palette) {
    for (const ColourPair& pair : drawn_pairs) {
        INFO(std::string(pair.what));
        const Rgb fg = palette.*pair.foreground, bg = palette.*pair.background;
        CHECK(fg.a == 255);   // a see-through colour's contrast depends on what lies below
        CHECK(bg.a == 255);
        CHECK(contrast(fg, bg) >= required(pair));
    }
}

}  // namespace

TEST_CASE("contrast ratio follows WCAG 2.1's definition") {
    CHECK(contrast({0, 0, 0}, {255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast({255, 255, 255}, {255, 255, 255}) == doctest::Approx(1.0));
    CHECK(contrast({118, 118, 118}, {255, 255, 255}) == doctest::Approx(4.54).epsilon(0.01));
    // Light grey on white, the kind of pair this test exists to stop.
    CHECK(contrast({170, 170, 170}, {255, 255, 255}) < 4.5);
}

TEST_CASE("every drawn pair is readable in the light theme") { check_pairs(light_palette); }

TEST_CASE("every drawn pair is readable in the dark theme") { check_pairs(dark_palette); }

TEST_CASE("the themes differ where the page shows it") {
    CHECK(luminance(light_palette.page) > 0.8);
    CHECK(luminance(dark_palette.page) < 0.05);
    CHECK(luminance(dark_palette.text) > 0.7);
}
