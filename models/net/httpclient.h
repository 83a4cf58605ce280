#pragma once
// Async HTTP/1.1 client (Boost.Beast) on its own Asio thread: keep-alive connection reuse, timeouts,
// response size cap, gzip, bounded concurrency per bucket, retries with exponential backoff and jitter,
// TLS with certificate verification. Callbacks run on the Asio thread: hand results on, never block.
#include "httptypes.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace vigil {

class HttpClient final {
public:
    struct Options {
        std::size_t maxResponseBytes = 256u * 1024 * 1024;
        int maxConcurrentPerBucket = 4;
        bool verifyTls = true;
        std::string caFile; // extra CA bundle; the system store is always loaded
        std::size_t maxIdlePerOrigin = 8;
        std::chrono::milliseconds retryBaseDelay{250};
        std::chrono::milliseconds retryMaxDelay{5000};
        // A 429/503 with Retry-After is retried after the time the server asks for, when that is no
        // longer than this; a longer wait is not retried and is reported with the server's figure.
        std::chrono::milliseconds retryAfterMax{10000};
    };
    using Callback = std::function<void(HttpResponse)>;

    HttpClient();
    explicit HttpClient(Options options);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Thread-safe. Returns an id for cancel(). The callback runs exactly once on the Asio thread, unless
    // the client is shut down first.
    std::uint64_t send(HttpRequest request, Callback callback);
    // Thread-safe. The request completes with HttpError::Cancelled.
    void cancel(std::uint64_t id);
    // Cancels everything in flight and joins the Asio thread. Idempotent; the destructor calls it.
    void shutdown();

    // Counters for tests and the benchmark (read from any thread).
    [[nodiscard]] std::uint64_t connectionsOpened() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace vigil
