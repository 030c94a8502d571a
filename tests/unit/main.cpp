// The one translation unit that builds doctest's runner; tests live in *_test.cpp.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "tests/unit/system_zones.hpp"

// Before main, so every test case finds its zones.
static const bool zones_read = tests::read_system_zones();
