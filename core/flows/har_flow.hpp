// The HAR screen, the part of update() for it: a file picked or dropped is
// read by the HAR worker (an effect: the page never holds its bytes), its
// progress and report come back as actions; the person adds their own texts
// to remove (the file is read again), downloads the sanitised copy, fills
// the suggested identifiers into the form it came from, and attaches the
// copy to that form or ticket. The token viewer asks the worker too.
#pragma once

#include "core/app.hpp"

namespace core {

using HarActions = Handles<OpenHar, PickHarFile, FileHeld, HarProgress, HarFinished, HarFailed, EditHarRedaction,
                           AddHarRedaction, RemoveHarRedaction, DownloadSanitizedHar, UseHarIdentifiers,
                           AttachSanitizedHar, RemoveAttachment, EditPastedToken, InspectPastedToken, TokenInspected>;
std::vector<Effect> update_har(State& state, const Action& action);

// "login.har" -> "login-sanitized.har": the name the sanitised copy gets.
std::string sanitized_file_name(const std::string& name);

}  // namespace core
