// What a draft carries besides its fields: triage and severity-guidance
// answers, the ticked items of its route's checklist, and whether its
// severity fits those answers. Shared by the portal and the service.
#pragma once

#include "core/checks/field_check.hpp"
#include "core/program/program.hpp"
#include "core/model/ticket_draft.hpp"

#include <vector>

namespace core {

// Problems, each on a field the form can show it beside:
//   "answers.<question id>"  unknown question, or an answer the question does not have
//   "checklist.<item id>"    an item that is not on the checklist of the draft's route
//   "severity"               severity 1 without the answers the program requires for it
std::vector<FieldIssue> check_answers(const Program& program, const TicketDraft& draft);

}  // namespace core
