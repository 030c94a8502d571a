// A runner with an operator() for every Effect compiles (so effect_unrun.cpp
// fails for the Effect it forgets, not for a typo).
#include "core/app.hpp"

struct RunsAll {
    template <class E> void operator()(const E&) {}
};

void run(const core::Effect& effect) {
    RunsAll runner;
    core::run_effect(runner, effect);
}
