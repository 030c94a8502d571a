// Dear ImGui configuration for the portal (IMGUI_USER_CONFIG).
#pragma once

// WebGL with 16-bit indices caps a draw list at 64K vertices; long tables hit it.
#define ImDrawIdx unsigned int

// ImGui's item hooks feed the registry of what is on screen
// (ui/item_registry.cpp): the accessibility mirror, touch and the test hook.
#define IMGUI_ENABLE_TEST_ENGINE

// Text beyond the Basic Multilingual Plane (emoji, rarer CJK) typed through the
// DOM input arrives as code points; 16-bit ImWchar would drop it.
#define IMGUI_USE_WCHAR32

#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS

// No file I/O in the page: fonts come as bytes, the layout is code (no .ini).
#define IMGUI_DISABLE_FILE_FUNCTIONS
