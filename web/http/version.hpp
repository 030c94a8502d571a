// The service's version, reported by GET /api/v1/health.
#pragma once

namespace web {

inline constexpr const char* service_version = "0.1.0";

}  // namespace web
