// A shell's runner that has no operator() for one Effect (here PickFile)
// does not compile: core::run_effect says which rule it breaks.
#include "core/app.hpp"

struct ForgetsPickFile {
    template <class E>
        requires(!std::is_same_v<E, core::PickFile>)
    void operator()(const E&) {}
};

void run(const core::Effect& effect) {
    ForgetsPickFile runner;
    core::run_effect(runner, effect);
}
