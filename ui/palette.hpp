// Every colour the portal draws, for the light and the dark theme, as plain
// data: the screens read them through ui::colour (style.hpp), the shell clears
// the canvas with `page`, and a unit test checks the contrast of every pair of
// text and background the screens draw. No ImGui here, so that test can
// include it natively.
#pragma once

#include <array>
#include <cstdint>

namespace ui {

struct Rgb {
    std::uint8_t r, g, b, a = 255;
};

struct Palette {
    Rgb page, surface, border, border_strong;
    Rgb text, text_secondary;
    Rgb accent, accent_hovered, accent_pressed, on_accent;   // primary actions, links, focus
    Rgb accent_soft, accent_soft_pressed, accent_border, accent_text;
    Rgb warning_soft, warning_border, warning_text;
    Rgb danger_soft, danger_border, danger_badge_border, danger_text;
    Rgb danger_action, danger_action_hovered, danger_action_pressed, on_danger;
    Rgb success_soft, success_border, success_text;
    Rgb neutral_soft, neutral_border, neutral_text;   // badges and pills without a tone
    Rgb avatar_empty, table_header, row_alt, card_shadow;
    Rgb banner, banner_text, banner_link, banner_muted;   // the dark "Draft discarded" strip
    Rgb banner_button_hovered, banner_button_pressed;     // its text buttons, lit from behind
    Rgb scrollbar_grab, scrollbar_grab_hovered, scrollbar_grab_pressed;
    Rgb selection, modal_dim;
};

inline constexpr Palette light_palette{
    .page = {247, 248, 250}, .surface = {255, 255, 255}, .border = {222, 226, 232},
    .border_strong = {134, 142, 153},   // field borders: 3.4:1 on white (WCAG 1.4.11)
    .text = {31, 35, 40}, .text_secondary = {87, 96, 106},
    .accent = {37, 99, 235}, .accent_hovered = {28, 79, 217}, .accent_pressed = {23, 64, 179},
    .on_accent = {255, 255, 255},
    .accent_soft = {235, 241, 254}, .accent_soft_pressed = {219, 230, 252}, .accent_border = {208, 222, 252},
    .accent_text = {29, 78, 216},
    .warning_soft = {255, 247, 230}, .warning_border = {240, 196, 110}, .warning_text = {122, 72, 0},
    .danger_soft = {254, 238, 238}, .danger_border = {200, 40, 40}, .danger_badge_border = {246, 180, 180},
    .danger_text = {176, 28, 28},
    .danger_action = {185, 28, 28}, .danger_action_hovered = {153, 27, 27}, .danger_action_pressed = {127, 29, 29},
    .on_danger = {255, 255, 255},
    .success_soft = {232, 247, 238}, .success_border = {166, 222, 187}, .success_text = {21, 108, 54},
    .neutral_soft = {241, 243, 245}, .neutral_border = {218, 222, 227}, .neutral_text = {75, 83, 93},
    .avatar_empty = {226, 232, 240}, .table_header = {243, 245, 248}, .row_alt = {250, 251, 252},
    .card_shadow = {15, 23, 42, 14},
    .banner = {31, 35, 40}, .banner_text = {255, 255, 255}, .banner_link = {147, 197, 253},
    .banner_muted = {203, 213, 225},
    .banner_button_hovered = {255, 255, 255, 36}, .banner_button_pressed = {255, 255, 255, 60},
    .scrollbar_grab = {191, 196, 204}, .scrollbar_grab_hovered = {158, 166, 176},
    .scrollbar_grab_pressed = {133, 140, 153},
    .selection = {38, 99, 235, 64}, .modal_dim = {15, 23, 41, 89},
};

// Dark surfaces with light text; the accent is lighter than in the light
// theme so links read on the dark surface, and primary buttons carry dark
// text on it instead of white.
inline constexpr Palette dark_palette{
    .page = {13, 17, 23}, .surface = {22, 27, 34}, .border = {48, 54, 61}, .border_strong = {110, 118, 129},
    .text = {230, 237, 243}, .text_secondary = {145, 152, 161},
    .accent = {88, 166, 255}, .accent_hovered = {121, 192, 255}, .accent_pressed = {56, 139, 253},
    .on_accent = {13, 17, 23},
    .accent_soft = {18, 38, 70}, .accent_soft_pressed = {25, 52, 94}, .accent_border = {31, 66, 120},
    .accent_text = {121, 192, 255},
    .warning_soft = {43, 33, 16}, .warning_border = {187, 128, 9}, .warning_text = {227, 179, 65},
    .danger_soft = {48, 20, 22}, .danger_border = {248, 81, 73}, .danger_badge_border = {142, 50, 48},
    .danger_text = {255, 123, 114},
    .danger_action = {182, 35, 36}, .danger_action_hovered = {142, 21, 22}, .danger_action_pressed = {110, 17, 18},
    .on_danger = {255, 255, 255},
    .success_soft = {18, 38, 26}, .success_border = {35, 134, 54}, .success_text = {63, 185, 80},
    .neutral_soft = {33, 38, 45}, .neutral_border = {61, 68, 77}, .neutral_text = {174, 181, 189},
    .avatar_empty = {48, 54, 61}, .table_header = {28, 33, 40}, .row_alt = {26, 31, 38},
    .card_shadow = {0, 0, 0, 80},
    .banner = {48, 54, 61}, .banner_text = {230, 237, 243}, .banner_link = {121, 192, 255},
    .banner_muted = {174, 181, 189},
    .banner_button_hovered = {255, 255, 255, 36}, .banner_button_pressed = {255, 255, 255, 60},
    .scrollbar_grab = {72, 79, 88}, .scrollbar_grab_hovered = {110, 118, 129}, .scrollbar_grab_pressed = {139, 148, 158},
    .selection = {88, 166, 255, 80}, .modal_dim = {1, 4, 9, 170},
};

// A foreground the screens draw on a background. `large` is text of at least
// 24 CSS px regular or 18.66 px bold, or a non-text mark such as a field
// border or the focus ring (WCAG 1.4.11): 3:1 is enough for those, 4.5:1
// for all other text.
struct ColourPair {
    const char* what;
    Rgb Palette::*foreground;
    Rgb Palette::*background;
    bool large = false;
};

inline constexpr std::array drawn_pairs{
    ColourPair{"text on the page", &Palette::text, &Palette::page},
    ColourPair{"text on cards and fields", &Palette::text, &Palette::surface},
    ColourPair{"secondary text on the page", &Palette::text_secondary, &Palette::page},
    ColourPair{"secondary text on cards", &Palette::text_secondary, &Palette::surface},
    ColourPair{"text on the table header", &Palette::text, &Palette::table_header},
    ColourPair{"secondary text on the table header", &Palette::text_secondary, &Palette::table_header},
    ColourPair{"text on alternate rows", &Palette::text, &Palette::row_alt},
    ColourPair{"links on cards", &Palette::accent, &Palette::surface},
    ColourPair{"links on the page", &Palette::accent, &Palette::page},
    ColourPair{"call to action on cards", &Palette::accent_text, &Palette::surface},
    ColourPair{"primary button", &Palette::on_accent, &Palette::accent},
    ColourPair{"primary button hovered", &Palette::on_accent, &Palette::accent_hovered},
    ColourPair{"primary button pressed", &Palette::on_accent, &Palette::accent_pressed},
    ColourPair{"logo initial", &Palette::on_accent, &Palette::accent, true},
    ColourPair{"button hovered, selected row", &Palette::text, &Palette::accent_soft},
    ColourPair{"button pressed", &Palette::text, &Palette::accent_soft_pressed},
    ColourPair{"running badge, invited pill", &Palette::accent_text, &Palette::accent_soft},
    ColourPair{"avatar initial", &Palette::accent_text, &Palette::accent_soft},
    ColourPair{"warning notice and badge", &Palette::warning_text, &Palette::warning_soft},
    ColourPair{"field error on the page", &Palette::danger_text, &Palette::page},
    ColourPair{"field error on cards", &Palette::danger_text, &Palette::surface},
    ColourPair{"error notice, breached badge", &Palette::danger_text, &Palette::danger_soft},
    ColourPair{"destructive button", &Palette::on_danger, &Palette::danger_action},
    ColourPair{"destructive button hovered", &Palette::on_danger, &Palette::danger_action_hovered},
    ColourPair{"destructive button pressed", &Palette::on_danger, &Palette::danger_action_pressed},
    ColourPair{"success notice, met badge, online", &Palette::success_text, &Palette::success_soft},
    ColourPair{"success message on the page", &Palette::success_text, &Palette::page},
    ColourPair{"neutral badge and pill", &Palette::neutral_text, &Palette::neutral_soft},
    ColourPair{"offline pill", &Palette::text, &Palette::neutral_soft},
    ColourPair{"signed-out avatar", &Palette::text, &Palette::avatar_empty},
    ColourPair{"discarded-draft banner", &Palette::banner_text, &Palette::banner},
    ColourPair{"banner's Undo", &Palette::banner_link, &Palette::banner},
    ColourPair{"banner's Dismiss", &Palette::banner_muted, &Palette::banner},
    ColourPair{"field border", &Palette::border_strong, &Palette::surface, true},
    ColourPair{"field border on the page", &Palette::border_strong, &Palette::page, true},
    ColourPair{"field border with an error", &Palette::danger_border, &Palette::surface, true},
    ColourPair{"focus ring on cards", &Palette::accent, &Palette::surface, true},
    ColourPair{"focus ring on the page", &Palette::accent, &Palette::page, true},
};

}  // namespace ui
