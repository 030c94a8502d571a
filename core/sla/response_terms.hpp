// What a plan promises for a severity: the response target and the hours it
// is counted in. A trial gets the support of its support_as plan; no plan (or
// a plan without targets) means no SLA.
#pragma once

#include "core/text/parsed.hpp"
#include "core/program/program.hpp"

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

Parsed<ResponseTerms> response_terms(const Program& program, std::string_view plan_id, int severity);

// The promise in one sentence (no final period), the same words on the form,
// in the ticket's acknowledgement and on the countdown's card: "Standard
// Support responds to Severity 2 (High) requests within 4 business hours
// (6 AM to 6 PM Monday to Friday, your local time)", or, with no target,
// "Your plan has no response-time target for these requests; support answers
// as soon as it can".
std::string response_promise(const ResponseTerms& terms);

}  // namespace core
