#include "core/flows/invitation_flow.hpp"

#include "core/checks/account_fields.hpp"
#include "core/flows/api_request.hpp"
#include "core/flows/session_flow.hpp"
#include "core/text/url_text.hpp"

#include <nlohmann/json.hpp>

namespace core {

namespace {

using nlohmann::json;

struct InvitationVisitor : FlowVisitor<InvitationActions> {
    using FlowVisitor::FlowVisitor;
    using FlowVisitor::operator();

    std::vector<Effect> operator()(const EditInvitation& a) {
        (a.field == "name" ? state.invitation.name : state.invitation.password) = a.value;
        state.invitation.field_errors.erase(a.field);
        return {};
    }
    std::vector<Effect> operator()(const SubmitInvitation&) {
        InvitationView& v = state.invitation;
        if (v.busy || v.token.empty()) return {};
        v.error.clear();
        json body = {{"password", v.password}};
        if (!v.invitation || !v.invitation->existing_account) {
            // A new account: the service's rules, said before sending.
            if (std::string problem = name_problem(normalize_name(v.name)); !problem.empty()) v.field_errors["name"] = problem;
            if (std::string problem = password_problem(v.password); !problem.empty()) v.field_errors["password"] = problem;
            if (!v.field_errors.empty()) return {};
            body["name"] = v.name;
        }
        v.busy = true;
        return {api_request(state, "POST", "/api/v1/invitations/" + url_escape(v.token) + "/accept", HttpReply::AcceptInvitation,
                        body.dump())};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::Invitation>& a) {
        const int status = a.status;
        InvitationView& v = state.invitation;
        v.loading = false;
        if (status == 200) {
            if (auto inv = parse_invitation(a.body)) {
                v.invitation = std::move(*inv.value);
                return {};
            }
        }
        v.error = parse_problem(a.body, status).message;
        return {};
    }
    std::vector<Effect> operator()(const Answered<HttpReply::AcceptInvitation>& a) {
        if (auto effects = signed_in_by(state, a)) return std::move(*effects);
        InvitationView& v = state.invitation;
        const Problem problem = parse_problem(a.body, a.status);
        v.busy = false;
        if (a.status == 401) v.password.clear();   // an existing account's wrong password
        v.field_errors = problem.field_errors;
        v.error = problem.message;
        return {};
    }
};

}  // namespace

std::vector<Effect> enter_invitation_screen(State& state, const std::string& token) {
    if (state.invitation.token == token) return {};
    state.invitation = {};
    state.invitation.token = token;
    state.invitation.loading = true;
    return {HttpGet{"/api/v1/invitations/" + url_escape(token), HttpReply::Invitation}};
}

std::vector<Effect> update_invitation(State& state, const Action& action) {
    return std::visit(InvitationVisitor{state}, action);
}

}  // namespace core
