// The codec lives in core (the page decodes JWTs with it too); the service
// keeps calling it by its web:: names.
#pragma once

#include "core/text/base64url.hpp"

namespace web {

using core::base64_encode;
using core::base64url_decode;
using core::base64url_encode;

}  // namespace web
