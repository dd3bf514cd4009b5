#pragma once
// The API described for client generators (OpenAPI 3.0), built from the same
// parameter tables that decode requests.

#include "api_json.hpp"

namespace searchd {

/// The document served at /openapi.json.
const Json& openapi_document();

}  // namespace searchd
