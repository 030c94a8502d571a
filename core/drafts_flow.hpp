// Drafts kept on the device, the part of update() for them: a draft read back
// at start (the cursor field included), the keyboard focus kept with it, the
// Drafts screen (resume, discard with undo, export, import from a file) and
// the keep-or-wipe question before signing out with drafts on the device.
#pragma once

#include "app.hpp"

namespace core {

// Handles DraftRestored, FocusField ... CancelSignOut, and SignOut (which it
// may turn into a question first); other actions return an empty list.
std::vector<Effect> update_drafts(State& state, const Action& action);
bool is_drafts_action(const Action& action);

// The effect that keeps a form on the device as it is now.
SaveDraft keep_on_device(const RequestForm& form);

}  // namespace core
