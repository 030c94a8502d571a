#include "core/model/location.hpp"
#include "core/text/ascii_text.hpp"

#include "core/program/program.hpp"

namespace core {

namespace {

// Ticket ids are short and plain ("T-1001"); anything else in the URL is a
// typo or a probe, not an id to send to the service.
bool is_ticket_id(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    for (char c : id)
        if (!(is_ascii_alnum(c) || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace

Screen parse_location(std::string_view hash, const Program& program) {
    std::string_view path = hash;
    if (path.starts_with('#')) path.remove_prefix(1);
    if (path.empty() || path == "/") return HomeScreen{};

    if (path == "/tickets") return TicketsScreen{};
    constexpr std::string_view ticket_prefix = "/tickets/";
    if (path.starts_with(ticket_prefix) && is_ticket_id(path.substr(ticket_prefix.size())))
        return TicketScreen{std::string(path.substr(ticket_prefix.size()))};
    if (path == "/sign-in") return SignInScreen{};
    constexpr std::string_view company_prefix = "/sign-in/company/";
    if (path.starts_with(company_prefix))
        if (auto refused = parse_company_sign_in_refusal(path.substr(company_prefix.size()))) return SignInScreen{refused};
    if (path == "/users") return UsersScreen{};
    if (path == "/drafts") return DraftsScreen{};
    if (path == "/har") return HarScreen{};
    constexpr std::string_view invitation_prefix = "/invitation/";
    if (path.starts_with(invitation_prefix) && path.size() > invitation_prefix.size())
        return InvitationScreen{std::string(path.substr(invitation_prefix.size()))};
    if (path == "/forgot-password") return ForgotPasswordScreen{};
    if (path == "/account") return AccountScreen{};
    constexpr std::string_view reset_prefix = "/reset-password/";
    if (path.starts_with(reset_prefix) && path.size() > reset_prefix.size())
        return PasswordResetScreen{std::string(path.substr(reset_prefix.size()))};
    constexpr std::string_view route_prefix = "/route/";
    if (path.starts_with(route_prefix)) {
        std::string_view id = path.substr(route_prefix.size());
        if (program.find_route(id)) return RouteScreen{std::string(id)};
    }
    return NotFoundScreen{std::string(hash)};
}

std::string location_of(const Screen& screen) {
    struct Visitor {
        std::string operator()(const HomeScreen&) const { return "#/"; }
        std::string operator()(const RouteScreen& s) const { return "#/route/" + s.route_id; }
        std::string operator()(const TicketsScreen&) const { return "#/tickets"; }
        std::string operator()(const TicketScreen& s) const { return "#/tickets/" + s.id; }
        std::string operator()(const SignInScreen& s) const {
            return s.refused ? "#/sign-in/company/" + std::string(to_string(*s.refused)) : "#/sign-in";
        }
        std::string operator()(const UsersScreen&) const { return "#/users"; }
        std::string operator()(const InvitationScreen& s) const { return "#/invitation/" + s.token; }
        std::string operator()(const ForgotPasswordScreen&) const { return "#/forgot-password"; }
        std::string operator()(const AccountScreen&) const { return "#/account"; }
        std::string operator()(const PasswordResetScreen& s) const { return "#/reset-password/" + s.token; }
        std::string operator()(const DraftsScreen&) const { return "#/drafts"; }
        std::string operator()(const HarScreen&) const { return "#/har"; }
        std::string operator()(const NotFoundScreen& s) const {
            return s.hash.starts_with('#') ? s.hash : "#" + s.hash;
        }
    };
    return std::visit(Visitor{}, screen);
}

bool needs_session(const Screen& screen) {
    return std::holds_alternative<TicketsScreen>(screen) || std::holds_alternative<TicketScreen>(screen) ||
           std::holds_alternative<UsersScreen>(screen) || std::holds_alternative<AccountScreen>(screen);
}

}  // namespace core
