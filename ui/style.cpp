#include "style.hpp"

namespace ui {

static Fonts g_fonts;
static float g_scale = 1.0f;

const Fonts& fonts() { return g_fonts; }
float scale() { return g_scale; }

static ImVec4 rgba(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

static void apply_light_theme(ImGuiStyle& s) {
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
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.75f, 0.77f, 0.80f, 1);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.62f, 0.65f, 0.69f, 1);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.52f, 0.55f, 0.60f, 1);
    c[ImGuiCol_CheckMark] = rgba(colour::accent);
    c[ImGuiCol_Button] = rgba(colour::surface);
    c[ImGuiCol_ButtonHovered] = rgba(colour::accent_soft);
    c[ImGuiCol_ButtonActive] = ImVec4(0.86f, 0.90f, 0.99f, 1);
    c[ImGuiCol_Header] = rgba(colour::accent_soft);
    c[ImGuiCol_HeaderHovered] = rgba(colour::accent_soft);
    c[ImGuiCol_HeaderActive] = ImVec4(0.86f, 0.90f, 0.99f, 1);
    c[ImGuiCol_Separator] = rgba(colour::border);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.15f, 0.39f, 0.92f, 0.25f);
    c[ImGuiCol_NavHighlight] = rgba(colour::accent);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.953f, 0.961f, 0.973f, 1);
    c[ImGuiCol_TableBorderStrong] = rgba(colour::border);
    c[ImGuiCol_TableBorderLight] = rgba(colour::border);
    c[ImGuiCol_TableRowBg] = rgba(colour::surface);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.98f, 0.984f, 0.988f, 1);
    c[ImGuiCol_TitleBg] = rgba(colour::surface);
    c[ImGuiCol_TitleBgActive] = rgba(colour::surface);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.06f, 0.09f, 0.16f, 0.35f);
}

void load_style(const char* regular_font_path, const char* semibold_font_path, float scale) {
    g_scale = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;   // crisp at fractional positions without a large atlas
    config.OversampleV = 1;
    config.PixelSnapH = false;
    static const ImWchar ranges[] = {
        0x0020, 0x007E, 0x00A0, 0x017F, 0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC,
        0x2122, 0x2122, 0x2190, 0x2193, 0x2212, 0x2212, 0x2713, 0x2715, 0x25CF, 0x25CF, 0};
    auto add = [&](const char* path, float size) {
        ImFont* font = io.Fonts->AddFontFromFileTTF(path, size * scale, &config, ranges);
        return font ? font : io.Fonts->AddFontDefault();
    };
    g_fonts.body = add(regular_font_path, 15);   // first font: ImGui's default
    g_fonts.body_strong = add(semibold_font_path, 15);
    g_fonts.small = add(regular_font_path, 13);
    g_fonts.title = add(semibold_font_path, 20);
    g_fonts.heading = add(semibold_font_path, 28);
    io.Fonts->Build();

    ImGuiStyle& style = ImGui::GetStyle();
    apply_light_theme(style);
    style.ScaleAllSizes(scale);
}

}  // namespace ui
