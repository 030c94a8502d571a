// The words of the support-user list's sort and status filter, both ways.
#include "core/model/support_user_filter.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace core;

TEST_CASE("every sort and status reads back from its word, and nothing else reads") {
    for (SupportUserSort sort : support_user_sorts) CHECK(parse_support_user_sort(to_string(sort)) == sort);
    for (MembershipStatus status : membership_statuses) CHECK(parse_membership_status(to_string(status)) == status);
    CHECK(to_string(SupportUserSort::LastSignInAt) == "last_sign_in_at");
    CHECK(to_string(MembershipStatus::Revoked) == "revoked");
    for (const char* word : {"", "Email", "email ", "last_sign_in", "all", "Active", "deleted"}) {
        CAPTURE(word);
        CHECK_FALSE(parse_support_user_sort(word));
        CHECK_FALSE(parse_membership_status(word));
    }
}
