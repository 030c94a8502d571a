// What an invitation page says: its heading and the sentence that tells the
// invitee who asked them, to what, and what the role lets them do. Roles
// differ per tenant in principle (an admin of one, a support user of
// another), so the sentence names each role's tenants.
#pragma once

#include <string>

#include "account.hpp"

namespace core {

struct InvitationText {
    std::string heading;    // "Join as an admin"
    std::string sentence;   // "Ada Admin invited you to administer support for Acme as bo@acme.example. ..."
};

InvitationText invitation_text(const Invitation& invitation);

}  // namespace core
