#include "surface.hpp"

#include <emscripten/html5.h>

#include <cmath>

namespace shell {

static constexpr const char* canvas = "#canvas";

bool create_surface() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.minorVersion = 0;
    attributes.alpha = false;
    attributes.depth = false;
    attributes.stencil = false;
    attributes.antialias = false;   // ImGui anti-aliases its own shapes
    // The browser keeps showing the last presented frame while we draw none;
    // preserving the buffer would cost a copy on every frame.
    attributes.preserveDrawingBuffer = false;
    // ImGui needs no WebGL extension; enabling them all costs the first frame
    // tens of ms of queries.
    attributes.enableExtensionsByDefault = false;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(canvas, &attributes);
    if (context <= 0) return false;
    return emscripten_webgl_make_context_current(context) == EMSCRIPTEN_RESULT_SUCCESS;
}

SurfaceSize update_surface() {
    double css_width = 0, css_height = 0;
    emscripten_get_element_css_size(canvas, &css_width, &css_height);
    SurfaceSize size;
    size.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (size.pixel_ratio <= 0) size.pixel_ratio = 1;
    size.width = static_cast<int>(std::lround(css_width * size.pixel_ratio));
    size.height = static_cast<int>(std::lround(css_height * size.pixel_ratio));
    int current_width = 0, current_height = 0;
    emscripten_get_canvas_element_size(canvas, &current_width, &current_height);
    if (current_width != size.width || current_height != size.height)
        emscripten_set_canvas_element_size(canvas, size.width, size.height);
    return size;
}

}  // namespace shell
