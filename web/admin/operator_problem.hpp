// Why an operator's request (./portal admin, or the operator API) changed
// nothing, in a form both can say well: the command line as one line and an
// exit code, the API as a status and, for bad input, the field it concerns.
#pragma once

#include <string>

namespace web {

enum class OperatorRefusal {
    None,
    BadInput,    // exit 2 / 422 with errors[field]
    NotFound,    // exit 1 / 404: the tenant or address does not exist
    Conflict,    // exit 1 / 409: a slug taken, a pending invitation, no tenant yet
};

struct OperatorProblem {
    OperatorRefusal refusal = OperatorRefusal::None;
    std::string field;      // BadInput: the API's name for the input ("slug", "trial_started", "email")
    std::string message;    // one sentence, not naming the field

    explicit operator bool() const { return refusal != OperatorRefusal::None; }
};

inline OperatorProblem bad_input(std::string field, std::string message) {
    return {OperatorRefusal::BadInput, std::move(field), std::move(message)};
}

}  // namespace web
