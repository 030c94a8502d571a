// Drafts kept on the device, the part of update() for them: a draft read back
// at start (the cursor field included), the keyboard focus kept with it, the
// Drafts screen (resume, discard with undo, export, import from a file) and
// the keep-or-wipe question before signing out with drafts on the device.
#pragma once

#include "core/app.hpp"

namespace core {

// SignOut is here: with drafts on the device it first asks whether to keep them.
using DraftsActions = Handles<DraftRestored, FocusField, FocusRestoreAsked, FocusRestored, OpenDrafts, ResumeDraft,
                              DiscardDraft, UndoDiscardDraft, DismissUndoDiscard, ExportDraft, ImportDraft,
                              DraftImported, SignOut, KeepDraftsAndSignOut, WipeDraftsAndSignOut, CancelSignOut>;
std::vector<Effect> update_drafts(State& state, const Action& action);

// The effect that keeps a form on the device as it is now.
SaveDraft keep_on_device(const RequestForm& form);

// Puts the keyboard back, once, into the field last typed in: when a kept
// draft comes back, when it is resumed, and when a notice that stood in front
// of the form (an open incident) is passed.
void ask_to_restore_focus(const State& state, RequestForm& form);

}  // namespace core
