#pragma once
// Minimal absolute-URL handling for the HTTP client: http(s)://host[:port][/base/path][?query].
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil {

struct Url {
    std::string scheme; // "http" or "https"
    std::string host;
    std::string port;   // always set: defaults to 80 / 443
    std::string target; // path and query, at least "/"

    [[nodiscard]] bool tls() const { return scheme == "https"; }
    [[nodiscard]] std::string origin() const { return scheme + "://" + host + ":" + port; }
    [[nodiscard]] std::string toString() const;

    static std::optional<Url> parse(std::string_view text, std::string *error);
};

std::string percentEncode(std::string_view s);
// "a=1&b=x%20y"
std::string buildQuery(const std::vector<std::pair<std::string, std::string>> &params);
// Joins a base URL that may carry a path prefix (Thanos behind a proxy at /prom) with an API path.
std::string joinUrl(std::string_view base, std::string_view path);
std::string base64Encode(std::string_view in);

} // namespace vigil
