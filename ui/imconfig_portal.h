// Dear ImGui configuration for the portal (IMGUI_USER_CONFIG).
#pragma once

// WebGL with 16-bit indices caps a draw list at 64K vertices; long tables hit it.
#define ImDrawIdx unsigned int

// Item hooks feed the test registry (shell/web/test_hook.cpp). They only record
// when the page is opened with ?test=1.
#define IMGUI_ENABLE_TEST_ENGINE

#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_METRICS_WINDOW
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
#define IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
