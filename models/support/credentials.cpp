#include "credentials.h"

#include "url.h"

namespace vigil {

std::string Credentials::header() const {
    if (!bearerToken.empty())
        return "Bearer " + bearerToken;
    if (!username.empty())
        return "Basic " + base64Encode(username + ":" + password);
    return {};
}

} // namespace vigil
