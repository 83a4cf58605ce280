#pragma once
// A source's credentials as operators configure them: a bearer token or basic auth. A plain value shared
// by the config (which reads them) and the HTTP client (which sends them); never logged or stored
// (DESIGN rule 7).
#include <string>

namespace vigil {

struct Credentials {
    std::string bearerToken;
    std::string username;
    std::string password;
    [[nodiscard]] bool empty() const { return bearerToken.empty() && username.empty(); }
    // The Authorization header value, or "" without credentials.
    [[nodiscard]] std::string header() const;
};

} // namespace vigil
