// Screens and their URL hashes: `#/` is home, `#/route/<id>` a route's form,
// `#/tickets` the ticket list, `#/tickets/<id>` one ticket, `#/sign-in`, `#/users` (tenant admins) and
// `#/invitation/<token>` (the link in an invitation e-mail), `#/drafts` (forms kept on this device),
// `#/forgot-password` and `#/reset-password/<token>` (the link in a password reset e-mail),
// `#/sign-in/company/<why>` (a sign-in with a company account the service refused), `#/har` (HAR files and tokens).
// The hash is the only navigation state the browser keeps, so it must round
// trip: location_of(parse_location(h)) == h for every valid h.
#pragma once

#include "core/model/company_sign_in.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace core {

struct Program;

struct HomeScreen {
    bool operator==(const HomeScreen&) const = default;
};
struct RouteScreen {
    std::string route_id;
    bool operator==(const RouteScreen&) const = default;
};
struct TicketsScreen {
    bool operator==(const TicketsScreen&) const = default;
};
struct TicketScreen {
    std::string id;                 // "T-1001"
    bool operator==(const TicketScreen&) const = default;
};
struct SignInScreen {
    // #/sign-in/company/<why>: where the service sends a refused sign-in with a company account.
    std::optional<CompanySignInRefusal> refused;
    bool operator==(const SignInScreen&) const = default;
};
struct UsersScreen {
    bool operator==(const UsersScreen&) const = default;
};
struct InvitationScreen {
    std::string token;
    bool operator==(const InvitationScreen&) const = default;
};
struct ForgotPasswordScreen {
    bool operator==(const ForgotPasswordScreen&) const = default;
};
struct PasswordResetScreen {
    std::string token;
    bool operator==(const PasswordResetScreen&) const = default;
};
struct AccountScreen {
    bool operator==(const AccountScreen&) const = default;
};
struct DraftsScreen {
    bool operator==(const DraftsScreen&) const = default;
};
// #/har: a HAR file analysed and sanitised in the browser, and the token viewer.
struct HarScreen {
    bool operator==(const HarScreen&) const = default;
};
struct NotFoundScreen {
    std::string hash;
    bool operator==(const NotFoundScreen&) const = default;
};

using Screen = std::variant<HomeScreen, RouteScreen, TicketsScreen, TicketScreen, SignInScreen, UsersScreen,
                            InvitationScreen, ForgotPasswordScreen, PasswordResetScreen, AccountScreen, DraftsScreen,
                            HarScreen, NotFoundScreen>;

// Screens that show data only a signed-in user may see.
bool needs_session(const Screen& screen);

// Unknown routes and paths become NotFoundScreen; an empty hash is home.
Screen parse_location(std::string_view hash, const Program& program);
std::string location_of(const Screen& screen);

}  // namespace core
