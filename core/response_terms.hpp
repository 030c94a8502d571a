// What a plan promises for a severity: the response target and the hours it
// is counted in. A trial gets the support of its support_as plan; no plan (or
// a plan without targets) means no SLA.
#pragma once

#include "program.hpp"

#include <string>
#include <string_view>

namespace core {

struct ResponseTerms {
    const Plan* plan = nullptr;              // the plan asked for (e.g. trial)
    const Plan* support = nullptr;           // the plan whose support applies (e.g. standard)
    const Severity* severity = nullptr;
    const ResponseTarget* target = nullptr;  // nullptr: no SLA
    const Schedule* schedule = nullptr;      // set with target
};

struct ResponseTermsResult {
    ResponseTerms terms;
    std::string error;   // unknown plan or severity; empty on success
    explicit operator bool() const { return error.empty(); }
};

ResponseTermsResult response_terms(const Program& program, std::string_view plan_id, int severity);

}  // namespace core
