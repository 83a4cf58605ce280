#include "url.h"

#include <cctype>

namespace vigil {

std::string Url::toString() const {
    const bool defaultPort = (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
    return scheme + "://" + host + (defaultPort ? std::string() : ":" + port) + target;
}

std::optional<Url> Url::parse(std::string_view text, std::string *error) {
    auto fail = [&](const std::string &why) -> std::optional<Url> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Url u;
    auto sep = text.find("://");
    if (sep == std::string_view::npos)
        return fail("URL \"" + std::string(text) + "\" has no scheme (expected http:// or https://)");
    u.scheme = std::string(text.substr(0, sep));
    for (auto &c : u.scheme)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (u.scheme != "http" && u.scheme != "https")
        return fail("URL scheme \"" + u.scheme + "\" is not supported (expected http or https)");
    std::string_view rest = text.substr(sep + 3);
    auto slash = rest.find_first_of("/?");
    std::string_view authority = rest.substr(0, slash);
    std::string_view target = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
    if (auto at = authority.rfind('@'); at != std::string_view::npos)
        return fail("credentials in the URL are not accepted; configure basic auth instead");
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos)
            return fail("unterminated IPv6 address in URL");
        u.host = std::string(authority.substr(1, close - 1));
        if (close + 1 < authority.size() && authority[close + 1] == ':')
            u.port = std::string(authority.substr(close + 2));
    } else {
        auto colon = authority.rfind(':');
        u.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos)
            u.port = std::string(authority.substr(colon + 1));
    }
    if (u.host.empty())
        return fail("URL \"" + std::string(text) + "\" has no host");
    if (u.port.empty())
        u.port = u.tls() ? "443" : "80";
    for (char c : u.port)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return fail("URL port \"" + u.port + "\" is not a number");
    u.target = target.front() == '?' ? "/" + std::string(target) : std::string(target);
    return u;
}

std::string percentEncode(std::string_view s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size() * 3 / 2);
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string buildQuery(const std::vector<std::pair<std::string, std::string>> &params) {
    std::string out;
    for (const auto &[k, v] : params) {
        if (!out.empty())
            out += '&';
        out += percentEncode(k);
        out += '=';
        out += percentEncode(v);
    }
    return out;
}

std::string joinUrl(std::string_view base, std::string_view path) {
    std::string out(base);
    while (!out.empty() && out.back() == '/')
        out.pop_back();
    if (!path.empty() && path.front() != '/')
        out += '/';
    out += path;
    return out;
}

std::string base64Encode(std::string_view in) {
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                     (static_cast<unsigned char>(in[i + 1]) << 8) | static_cast<unsigned char>(in[i + 2]);
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += tbl[(v >> 6) & 63];
        out += tbl[v & 63];
    }
    if (i < in.size()) {
        unsigned v = static_cast<unsigned char>(in[i]) << 16;
        if (i + 1 < in.size())
            v |= static_cast<unsigned char>(in[i + 1]) << 8;
        out += tbl[(v >> 18) & 63];
        out += tbl[(v >> 12) & 63];
        out += i + 1 < in.size() ? tbl[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

} // namespace vigil
