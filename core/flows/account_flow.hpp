// The account page (#/account): two-step sign-in. Reads whether it is on;
// sets up an authenticator app (the service's secret, shown as a QR code
// and as text), turns it on with the app's first code and shows the
// recovery codes once; turns it off with a code. The part of update() for it.
#pragma once

#include "core/app.hpp"

namespace core {

using AccountActions =
    Handles<OpenAccount, StartSecondFactorSetup, EditSecondFactorCode, ConfirmSecondFactor, CancelSecondFactorSetup,
            TurnOffSecondFactor, RecoveryCodesSaved, Answered<HttpReply::SecondFactorState>,
            Answered<HttpReply::SecondFactorSetup>, Answered<HttpReply::SecondFactorOn>, Answered<HttpReply::SecondFactorOff>>;
std::vector<Effect> update_account(State& state, const Action& action);

// The page entered while signed in: read where two-step sign-in stands.
std::vector<Effect> enter_account_page(State& state);

}  // namespace core
