#include "glyphs_on_demand.hpp"

#include "font_extension.hpp"

#include "ui/item_registry.hpp"
#include "ui/style.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

extern "C" {
// Draws `code_point` with the browser's fonts, `size` px, semibold or not,
// white on transparent, its baseline `baseline` px below the top of a
// `width` x `height` box, into `alpha` (width * height bytes). Returns the
// advance in px (0: the browser has no glyph for it either).
float portal_js_draw_glyph(unsigned code_point, float size, int bold, int width, int height, float baseline,
                           unsigned char* alpha);
}

namespace shell {

namespace {

std::set<ImWchar> g_wanted;     // collected, not yet in the atlas
std::set<ImWchar> g_added;      // in the atlas (kept across rebuilds: it only grows)
int g_missing = 0;
float g_ascent_ratio[2] = {0, 0};    // Ascent / FontSize of Inter Regular and SemiBold, from the last build
float g_line_ratio[2] = {0, 0};      // (Ascent - Descent) / FontSize

struct PaintedGlyph {
    ImFont* font = nullptr;
    int rect = -1;                       // custom rectangle index in the atlas
    int width = 0, height = 0;
    std::vector<unsigned char> alpha;    // drawn before the build, copied in after it
};
std::vector<PaintedGlyph> g_painted;

bool is_bold(const ui::Fonts& fonts, const ImFont* font) {
    return font == fonts.body_strong || font == fonts.title || font == fonts.heading;
}

float size_of(const ImFont* font) {
    for (const ImFontConfig& config : ImGui::GetIO().Fonts->ConfigData)
        if (config.DstFont == font) return config.SizePixels;
    return font->FontSize;
}

// Decodes UTF-8 and collects what the body font cannot show. Plain ASCII is
// skipped byte by byte: almost all text is.
void collect(const std::string& text, const ImFont* font) {
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        if (static_cast<unsigned char>(*p) < 0x80) { ++p; continue; }
        unsigned int c = 0;
        const int bytes = ImTextCharFromUtf8(&c, p, end);
        p += bytes > 0 ? bytes : 1;
        if (c < 0x20 || c > IM_UNICODE_CODEPOINT_MAX || c == 0xFFFD) continue;
        const ImWchar ch = static_cast<ImWchar>(c);
        if (const_cast<ImFont*>(font)->FindGlyphNoFallback(ch)) continue;
        if (g_added.count(ch)) continue;   // drawn at the next rebuild
        ++g_missing;
        if (font_extension_pending(c)) continue;   // Inter's own letter is on its way
        g_wanted.insert(ch);
    }
}

}  // namespace

bool glyphs_wanted() {
    const ImFont* body = ui::fonts().body;
    g_missing = 0;
    if (!body || g_ascent_ratio[0] == 0) return false;   // before the first build
    for (const ui::RegisteredItem& item : ui::registered_items()) {
        collect(item.name, body);
        collect(item.state.value, body);
        collect(item.state.description, body);
    }
    return !g_wanted.empty();
}

void add_wanted_glyphs(const ui::Fonts& fonts) {
    g_added.insert(g_wanted.begin(), g_wanted.end());
    g_wanted.clear();
    g_painted.clear();
    if (g_added.empty() || g_ascent_ratio[0] == 0) return;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    for (ImFont* font : {fonts.body, fonts.body_strong, fonts.small, fonts.title, fonts.heading}) {
        const int bold = is_bold(fonts, font) ? 1 : 0;
        const float size = size_of(font);
        const float baseline = std::round(size * g_ascent_ratio[bold]);
        const int height = static_cast<int>(std::ceil(size * g_line_ratio[bold]));
        const int box = static_cast<int>(std::ceil(size * 2)) + 2;   // room for the widest glyphs
        for (const ImWchar ch : g_added) {
            PaintedGlyph glyph;
            glyph.font = font;
            glyph.alpha.assign(static_cast<size_t>(box) * height, 0);
            const float advance = portal_js_draw_glyph(ch, size, bold, box, height, baseline, glyph.alpha.data());
            if (advance <= 0) {   // nothing to see (a joiner, a variation selector): an empty glyph, not "?"
                glyph.width = glyph.height = 1;
                glyph.alpha.assign(1, 0);
                glyph.rect = atlas.AddCustomRectFontGlyph(font, ch, 1, 1, 0, ImVec2(0, 0));
                g_painted.push_back(std::move(glyph));
                continue;
            }
            glyph.width = std::min(box, static_cast<int>(std::ceil(advance)) + 2);
            glyph.height = height;
            // Keep the columns the rectangle holds (the drawing starts 1 px in).
            std::vector<unsigned char> cut(static_cast<size_t>(glyph.width) * height);
            for (int y = 0; y < height; ++y)
                std::copy_n(&glyph.alpha[static_cast<size_t>(y) * box], glyph.width, &cut[static_cast<size_t>(y) * glyph.width]);
            glyph.alpha.swap(cut);
            glyph.rect = atlas.AddCustomRectFontGlyph(font, ch, glyph.width, glyph.height, advance, ImVec2(-1, 0));
            g_painted.push_back(std::move(glyph));
        }
    }
}

void paint_added_glyphs(const ui::Fonts& fonts) {
    if (fonts.body && fonts.body_strong) {
        g_ascent_ratio[0] = fonts.body->Ascent / fonts.body->FontSize;
        g_ascent_ratio[1] = fonts.body_strong->Ascent / fonts.body_strong->FontSize;
        g_line_ratio[0] = (fonts.body->Ascent - fonts.body->Descent) / fonts.body->FontSize;
        g_line_ratio[1] = (fonts.body_strong->Ascent - fonts.body_strong->Descent) / fonts.body_strong->FontSize;
    }
    if (g_painted.empty()) return;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int atlas_width = 0, atlas_height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &atlas_width, &atlas_height);   // what the renderer uploads
    for (const PaintedGlyph& glyph : g_painted) {
        const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(glyph.rect);
        if (!rect || !rect->IsPacked()) continue;
        for (int y = 0; y < glyph.height; ++y)
            for (int x = 0; x < glyph.width; ++x) {
                unsigned char* out = pixels + (static_cast<size_t>(rect->Y + y) * atlas_width + rect->X + x) * 4;
                out[0] = out[1] = out[2] = 255;
                out[3] = glyph.alpha[static_cast<size_t>(y) * glyph.width + x];
            }
    }
    g_painted.clear();
}

int glyphs_missing() { return g_missing; }

int font_extension_letters_painted() {
    return static_cast<int>(std::count_if(g_added.begin(), g_added.end(), [](ImWchar ch) { return is_font_extension_letter(ch); }));
}

}  // namespace shell
