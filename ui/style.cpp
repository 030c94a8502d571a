#include "style.hpp"

namespace ui {

static Fonts g_fonts;
static float g_scale = 1.0f;

const Fonts& fonts() { return g_fonts; }
float scale() { return g_scale; }

static bool g_dark = false;
static bool g_reduced_motion = false;

bool dark_palette_in_use() { return g_dark; }
void set_reduced_motion(bool reduce) { g_reduced_motion = reduce; }
bool reduced_motion() { return g_reduced_motion; }

static ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }
static ImU32 packed(Rgb c) { return IM_COL32(c.r, c.g, c.b, c.a); }

static void set_colours(const Palette& p) {
    colour::page = packed(p.page);
    colour::surface = packed(p.surface);
    colour::border = packed(p.border);
    colour::border_strong = packed(p.border_strong);
    colour::text = packed(p.text);
    colour::text_secondary = packed(p.text_secondary);
    colour::accent = packed(p.accent);
    colour::accent_hovered = packed(p.accent_hovered);
    colour::accent_pressed = packed(p.accent_pressed);
    colour::on_accent = packed(p.on_accent);
    colour::accent_soft = packed(p.accent_soft);
    colour::accent_soft_pressed = packed(p.accent_soft_pressed);
    colour::accent_border = packed(p.accent_border);
    colour::accent_text = packed(p.accent_text);
    colour::warning_soft = packed(p.warning_soft);
    colour::warning_border = packed(p.warning_border);
    colour::warning_text = packed(p.warning_text);
    colour::danger_soft = packed(p.danger_soft);
    colour::danger_border = packed(p.danger_border);
    colour::danger_badge_border = packed(p.danger_badge_border);
    colour::danger_text = packed(p.danger_text);
    colour::danger_action = packed(p.danger_action);
    colour::danger_action_hovered = packed(p.danger_action_hovered);
    colour::danger_action_pressed = packed(p.danger_action_pressed);
    colour::on_danger = packed(p.on_danger);
    colour::success_soft = packed(p.success_soft);
    colour::success_border = packed(p.success_border);
    colour::success_text = packed(p.success_text);
    colour::neutral_soft = packed(p.neutral_soft);
    colour::neutral_border = packed(p.neutral_border);
    colour::neutral_text = packed(p.neutral_text);
    colour::avatar_empty = packed(p.avatar_empty);
    colour::table_header = packed(p.table_header);
    colour::row_alt = packed(p.row_alt);
    colour::card_shadow = packed(p.card_shadow);
    colour::banner = packed(p.banner);
    colour::banner_text = packed(p.banner_text);
    colour::banner_link = packed(p.banner_link);
    colour::banner_muted = packed(p.banner_muted);
    colour::banner_button_hovered = packed(p.banner_button_hovered);
    colour::banner_button_pressed = packed(p.banner_button_pressed);
    colour::scrollbar_grab = packed(p.scrollbar_grab);
    colour::scrollbar_grab_hovered = packed(p.scrollbar_grab_hovered);
    colour::scrollbar_grab_pressed = packed(p.scrollbar_grab_pressed);
    colour::selection = packed(p.selection);
    colour::modal_dim = packed(p.modal_dim);
}

static void apply_sizes(ImGuiStyle& s) {
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowBorderSize = 0;
    s.WindowRounding = 0;
    s.ChildBorderSize = 0;
    s.PopupBorderSize = 1;
    s.PopupRounding = 8;
    s.FramePadding = ImVec2(12, 9);
    s.FrameRounding = 6;
    s.FrameBorderSize = 1;
    s.ItemSpacing = ImVec2(8, 8);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 12;
    s.ScrollbarRounding = 6;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.SelectableTextAlign = ImVec2(0, 0.5f);   // options a fingertip tall (phones) keep their words centred
}

static void apply_colours(ImGuiStyle& s) {
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = rgba(colour::text);
    c[ImGuiCol_TextDisabled] = rgba(colour::text_secondary);
    c[ImGuiCol_WindowBg] = rgba(colour::page);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = rgba(colour::surface);
    c[ImGuiCol_Border] = rgba(colour::border_strong);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = rgba(colour::surface);
    c[ImGuiCol_FrameBgHovered] = rgba(colour::surface);
    c[ImGuiCol_FrameBgActive] = rgba(colour::surface);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = rgba(colour::scrollbar_grab);
    c[ImGuiCol_ScrollbarGrabHovered] = rgba(colour::scrollbar_grab_hovered);
    c[ImGuiCol_ScrollbarGrabActive] = rgba(colour::scrollbar_grab_pressed);
    c[ImGuiCol_CheckMark] = rgba(colour::accent);
    c[ImGuiCol_Button] = rgba(colour::surface);
    c[ImGuiCol_ButtonHovered] = rgba(colour::accent_soft);
    c[ImGuiCol_ButtonActive] = rgba(colour::accent_soft_pressed);
    c[ImGuiCol_Header] = rgba(colour::accent_soft);
    c[ImGuiCol_HeaderHovered] = rgba(colour::accent_soft);
    c[ImGuiCol_HeaderActive] = rgba(colour::accent_soft_pressed);
    c[ImGuiCol_Separator] = rgba(colour::border);
    c[ImGuiCol_TextSelectedBg] = rgba(colour::selection);
    c[ImGuiCol_NavHighlight] = rgba(colour::accent);
    c[ImGuiCol_TableHeaderBg] = rgba(colour::table_header);
    c[ImGuiCol_TableBorderStrong] = rgba(colour::border);
    c[ImGuiCol_TableBorderLight] = rgba(colour::border);
    c[ImGuiCol_TableRowBg] = rgba(colour::surface);
    c[ImGuiCol_TableRowBgAlt] = rgba(colour::row_alt);
    c[ImGuiCol_TitleBg] = rgba(colour::surface);
    c[ImGuiCol_TitleBgActive] = rgba(colour::surface);
    c[ImGuiCol_ModalWindowDimBg] = rgba(colour::modal_dim);
}

void load_style(const FontFaces& faces, float scale, void (*before_build)(const Fonts& fonts)) {
    g_scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // WebGL2 takes any texture height: no power-of-two padding to convert to
    // RGBA and upload before the first frame.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    // The same ranges as cmake/browser.cmake's FONT_UNICODES and FONT_EXTENSION_UNICODES.
    static const ImWchar ranges[] = {
        0x0020, 0x007E, 0x00A0, 0x00BF, 0x00D7, 0x00D7, 0x00F7, 0x00F7, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
        0x2122, 0x2122, 0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2715, 0x25CF, 0x25CF, 0};
    static const ImWchar extension_ranges[] = {0x00C0, 0x00D6, 0x00D8, 0x00F6, 0x00F8, 0x017F, 0};
    auto add = [&](std::span<const unsigned char> face, std::span<const unsigned char> extension, float size) {
        ImFontConfig config;
        config.OversampleV = 1;
        config.PixelSnapH = false;
        config.FontDataOwnedByAtlas = false;   // the faces are the shell's, not the atlas's to free
        // Small text is drawn at twice the width, to stay crisp at fractional
        // positions; from 20 device pixels up (titles, and all text on a
        // phone's dense screen) a glyph has pixels enough, and rendering it
        // once halves what the atlas costs the first frame.
        config.OversampleH = size * scale < 20 ? 2 : 1;
        // No fallback to ImGui's ProggyClean: the browser build drops its
        // data (cmake/browser.cmake), and the faces are compiled in.
        IM_ASSERT(!face.empty());
        // ImGui reads the bytes and, not owning them, never writes or frees them.
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(face.data()),
                                                      static_cast<int>(face.size()), size * scale, &config, ranges);
        if (!extension.empty()) {
            config.MergeMode = true;   // into `font`, the last one added
            io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(extension.data()),
                                           static_cast<int>(extension.size()), size * scale, &config, extension_ranges);
        }
        return font;
    };
    g_fonts.body = add(faces.regular, faces.regular_extension, 15);   // first font: ImGui's default
    g_fonts.body_strong = add(faces.semibold, faces.semibold_extension, 15);
    g_fonts.small = add(faces.regular, faces.regular_extension, 13);
    g_fonts.title = add(faces.semibold, faces.semibold_extension, 20);
    g_fonts.heading = add(faces.semibold, faces.semibold_extension, 28);
    if (before_build) before_build(g_fonts);
    io.Fonts->Build();

    ImGuiStyle& style = ImGui::GetStyle();
    apply_sizes(style);
    style.ScaleAllSizes(scale);
    use_palette(g_dark);
}

void use_palette(bool dark) {
    g_dark = dark;
    set_colours(dark ? dark_palette : light_palette);
    if (ImGui::GetCurrentContext()) apply_colours(ImGui::GetStyle());
}

}  // namespace ui
