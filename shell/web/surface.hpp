// The canvas and its WebGL2 context. The canvas is sized by CSS to the whole
// window; the drawing buffer follows it in device pixels.
#pragma once

namespace shell {

struct SurfaceSize {
    int width = 0, height = 0;   // device pixels
    float pixel_ratio = 1;       // devicePixelRatio
};

// Creates the WebGL2 context on #canvas; false if the browser has none.
bool create_surface();

// Reads the CSS size and devicePixelRatio and resizes the drawing buffer if
// they changed. Call once per frame before rendering.
SurfaceSize update_surface();

}  // namespace shell
