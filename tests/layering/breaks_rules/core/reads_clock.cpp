// A fixture the layering check must reject: core reading the clock and
// including a layer above it.
#include "ui/widgets.hpp"
#include <chrono>
auto now() { return std::chrono::system_clock::now(); }
