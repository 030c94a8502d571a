// Tenant slugs: the short name in a tenant's domain ("acme-prod"), so DNS
// label rules apply: lowercase letters, digits and hyphens, 3 to 63
// characters, no hyphen at either end.
#pragma once

#include <string>
#include <string_view>

namespace core {

// Empty when `slug` is a valid tenant slug; otherwise what is wrong and, when
// one can be guessed, the slug that was probably meant.
std::string tenant_slug_problem(std::string_view slug);

// The closest valid slug: lowercased, other characters as hyphens, hyphens
// at the ends dropped ("Acme_Prod" -> "acme-prod"). Empty when none is near.
std::string suggest_tenant_slug(std::string_view text);

}  // namespace core
