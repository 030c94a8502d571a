// A portal state signed in as Acme's admin (acme-prod: Standard plan, EU
// region) at a given instant, viewing in UTC: where most flow tests start.
#pragma once

#include "core/app.hpp"

#include <string_view>

inline core::State signed_in_acme_admin(std::string_view now) {
    core::State state;
    state.now = *core::parse_instant(now);
    state.viewer_time_zone = "UTC";
    core::Account account;
    account.id = "u1";
    account.email = "admin@acme.example";
    account.csrf_token = "csrf-1";
    core::Membership m;
    m.tenant = "acme-prod";
    m.tenant_name = "Acme (production)";
    m.role = core::Role::Admin;
    m.plan = "standard";
    m.region = "eu";
    account.memberships.push_back(m);
    state.account = account;
    state.session = core::SessionStatus::SignedIn;
    state.current_tenant = "acme-prod";
    return state;
}
