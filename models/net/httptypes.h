#pragma once
// Value types exchanged with HttpClient. Plain structs: they cross from the Asio thread to workers.
#include "../support/credentials.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil {

enum class HttpError {
    None,
    InvalidUrl,
    Resolve,
    Connect,
    Tls,
    Timeout,
    Io,       // reset or dropped connection, truncated response
    TooLarge, // over the response cap
    Decompress,
    Cancelled,
    Protocol, // not HTTP
};

const char *httpErrorName(HttpError e);
// Retry-After as delay-seconds or an HTTP-date, in ms from nowMs; -1 when absent or unreadable.
std::int64_t parseRetryAfter(std::string_view value, std::int64_t nowMs);

// The credentials a request carries (support/credentials.h).
using HttpAuth = Credentials;

// One source's TLS settings. Each distinct setting gets an SSL context (and a connection pool) of its
// own, so one source's insecure_skip_verify or CA file never affects another.
struct HttpTls {
    bool verify = true;
    std::string caFile;   // extra CA bundle (PEM); the system store is always loaded
    std::string certFile; // client certificate (PEM), with keyFile
    std::string keyFile;
    [[nodiscard]] std::string key() const {
        return std::string(verify ? "v" : "i") + '\x1f' + caFile + '\x1f' + certFile + '\x1f' + keyFile;
    }
};

// The bytes all answers of one poll may hold at once (bodies as inflated), shared by its requests: a
// source that answers every query with a huge body fails that poll with a clear error instead of
// taking the machine's memory. Used on the Asio thread; atomic for the test that reads it.
class ByteBudget {
public:
    explicit ByteBudget(std::size_t total)
        : m_total(total)
        , m_left(total) {}
    [[nodiscard]] std::size_t total() const { return m_total; }
    [[nodiscard]] std::size_t left() const { return m_left.load(); }
    bool take(std::size_t n) {
        auto cur = m_left.load();
        while (cur >= n)
            if (m_left.compare_exchange_weak(cur, cur - n))
                return true;
        return false;
    }

private:
    std::size_t m_total;
    std::atomic<std::size_t> m_left;
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::string contentType;
    std::vector<std::pair<std::string, std::string>> headers;
    HttpAuth auth;
    std::optional<HttpTls> tls;         // absent: the client's defaults (Options::verifyTls, caFile)
    std::shared_ptr<ByteBudget> budget; // shared by one poll's requests; none: the per-answer cap only
    std::string bucket; // requests sharing a bucket share its concurrency limit (one per source)
    std::chrono::milliseconds timeout{15000};
    std::chrono::milliseconds connectTimeout{5000};
    int maxRetries = 2; // only idempotent requests are retried
    bool acceptGzip = true;

    [[nodiscard]] bool idempotent() const {
        return method == "GET" || method == "HEAD" || method == "DELETE";
    }
};

struct HttpResponse {
    HttpError error = HttpError::None;
    std::string errorMessage;
    int status = 0;
    std::string contentType;
    std::string body;            // inflated
    std::uint64_t wireBytes = 0; // as received, before inflating
    double elapsedMs = 0;        // from send() to completion, retries included
    int attempts = 0;
    bool reusedConnection = false;
    std::string location;           // a redirect's target (Vigil does not follow redirects)
    std::int64_t retryAfterMs = -1; // from Retry-After on 429/503, when the server sent it

    [[nodiscard]] bool ok() const { return error == HttpError::None && status >= 200 && status < 300; }
    // One line for the operator: "HTTP 503 Service Unavailable", "timeout after 15000 ms", ...
    [[nodiscard]] std::string describe() const;
};

} // namespace vigil
