// A fixture the layering check must reject: ui reaching the platform.
#include "shell/web/browser.hpp"
#include <emscripten/fetch.h>
