#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include "httpclient.h"

#include "../support/timeutil.h"
#include "../support/url.h"
#include "gzip.h"
#include "iorunner.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <iomanip>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace vigil {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

const char *httpErrorName(HttpError e) {
    switch (e) {
    case HttpError::None:
        return "ok";
    case HttpError::InvalidUrl:
        return "invalid URL";
    case HttpError::Resolve:
        return "name resolution failed";
    case HttpError::Connect:
        return "connection failed";
    case HttpError::Tls:
        return "TLS handshake failed";
    case HttpError::Timeout:
        return "timeout";
    case HttpError::Io:
        return "connection dropped";
    case HttpError::TooLarge:
        return "response too large";
    case HttpError::Decompress:
        return "corrupt compressed body";
    case HttpError::Cancelled:
        return "cancelled";
    case HttpError::Protocol:
        return "not a valid HTTP response";
    }
    return "error";
}

std::string HttpResponse::describe() const {
    if (error != HttpError::None)
        return errorMessage.empty() ? httpErrorName(error) : errorMessage;
    std::string s = "HTTP " + std::to_string(status);
    auto reason = http::obsolete_reason(static_cast<http::status>(status));
    if (!reason.empty())
        s += " " + std::string(reason);
    if (status >= 300 && status < 400)
        // Often a proxy or single-sign-on gateway sending an unauthenticated client to its login page.
        s += location.empty()
                 ? ", a redirect without a Location"
                 : ", redirected to " + location +
                       " (Vigil does not follow redirects: is a login proxy in front of the API?)";
    if (retryAfterMs >= 0)
        s += ", the server asks to retry after " + std::to_string((retryAfterMs + 999) / 1000) + " s";
    return s;
}

std::int64_t parseRetryAfter(std::string_view v, std::int64_t nowMs) {
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ')
        v.remove_suffix(1);
    if (v.empty())
        return -1;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return v.size() > 9 ? std::int64_t(999'999'999) * 1000 : std::stoll(std::string(v)) * 1000;
    // An HTTP-date: "Wed, 21 Oct 2015 07:28:00 GMT".
    std::tm tm{};
    std::istringstream in{std::string(v)};
    in.imbue(std::locale::classic());
    in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
    if (in.fail())
        return -1;
    const std::int64_t at = static_cast<std::int64_t>(timegm(&tm)) * 1000;
    return std::max<std::int64_t>(0, at - nowMs);
}

namespace {

struct Connection {
    std::string origin;
    std::unique_ptr<beast::tcp_stream> plain;
    std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> secure;
    beast::flat_buffer buffer;

    beast::tcp_stream &lowest() { return secure ? beast::get_lowest_layer(*secure) : *plain; }
};

enum class Exchange { Ok, Stale, Failed };

bool isStaleError(const beast::error_code &ec) {
    return ec == http::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

} // namespace

struct HttpClient::Impl {
    Options opts;
    // One SSL context per distinct TLS setting (HttpTls::key), made on the Asio thread when first used.
    std::unordered_map<std::string, std::unique_ptr<ssl::context>> contexts;
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    std::thread thread;
    std::atomic<std::uint64_t> nextId{1};
    std::atomic<std::uint64_t> opened{0};
    std::mutex doneMutex;
    std::condition_variable doneCv;
    bool done = false;
    std::atomic<bool> stopped{false};

    // Asio-thread state.
    struct Bucket {
        int active = 0;
        std::deque<std::function<void()>> waiting;
    };
    struct Active {
        bool cancelled = false;
        Connection *conn = nullptr;
        asio::steady_timer *timer = nullptr;
        tcp::resolver *resolver = nullptr;
    };
    std::unordered_map<std::string, std::vector<std::unique_ptr<Connection>>> idle;
    std::unordered_map<std::string, Bucket> buckets;
    std::unordered_map<std::uint64_t, Active> active;
    std::mt19937_64 rng{std::random_device{}()};
    bool stopping = false;

    void admit(std::uint64_t id, HttpRequest req, Callback cb) {
        if (stopping)
            return;
        active[id];
        auto &b = buckets[req.bucket];
        auto start = [this, id, req = std::move(req), cb = std::move(cb)]() mutable {
            asio::co_spawn(io, run(id, std::move(req), std::move(cb)), asio::detached);
        };
        if (b.active < opts.maxConcurrentPerBucket) {
            ++b.active;
            start();
        } else {
            b.waiting.emplace_back(std::move(start));
        }
    }

    void release(const std::string &bucket) {
        auto &b = buckets[bucket];
        --b.active;
        if (!b.waiting.empty() && !stopping) {
            auto next = std::move(b.waiting.front());
            b.waiting.pop_front();
            ++b.active;
            next();
        }
    }

    bool isCancelled(std::uint64_t id) const {
        auto it = active.find(id);
        return stopping || it == active.end() || it->second.cancelled;
    }

    void cancelOne(std::uint64_t id) {
        auto it = active.find(id);
        if (it == active.end())
            return;
        it->second.cancelled = true;
        if (it->second.conn) {
            beast::error_code ec;
            it->second.conn->lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
            it->second.conn->lowest().cancel();
        }
        if (it->second.timer)
            it->second.timer->cancel();
        if (it->second.resolver)
            it->second.resolver->cancel();
    }

    awaitable<void> run(std::uint64_t id, HttpRequest req, Callback cb) {
        const auto t0 = std::chrono::steady_clock::now();
        HttpResponse resp;
        std::string err;
        auto url = Url::parse(req.url, &err);
        if (!url) {
            resp.error = HttpError::InvalidUrl;
            resp.errorMessage = err;
        } else {
            for (int attempt = 0;; ++attempt) {
                resp = co_await attemptOnce(id, *url, req);
                resp.attempts = attempt + 1;
                if (isCancelled(id)) {
                    resp.error = HttpError::Cancelled;
                    resp.errorMessage = "request cancelled";
                    break;
                }
                const bool transient =
                    resp.error == HttpError::Connect || resp.error == HttpError::Timeout ||
                    resp.error == HttpError::Io || resp.error == HttpError::Resolve ||
                    (resp.error == HttpError::None &&
                     (resp.status == 429 || resp.status == 502 || resp.status == 503 || resp.status == 504));
                if (!transient || !req.idempotent() || attempt >= req.maxRetries)
                    break;
                // Exponential backoff with "equal jitter": half fixed, half random; a server that says
                // when to come back (Retry-After) is asked again then, or not at all when that is later
                // than a poll can wait.
                auto delay = std::min(opts.retryMaxDelay, opts.retryBaseDelay * (1 << std::min(attempt, 16)));
                std::uniform_int_distribution<long> jitter(0, delay.count() / 2);
                auto wait = std::chrono::milliseconds(delay.count() / 2 + jitter(rng));
                if (resp.retryAfterMs >= 0) {
                    if (resp.retryAfterMs > opts.retryAfterMax.count())
                        break;
                    wait = std::chrono::milliseconds(resp.retryAfterMs);
                }
                asio::steady_timer timer(io, wait);
                active[id].timer = &timer;
                beast::error_code ec;
                co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
                active[id].timer = nullptr;
                if (isCancelled(id)) {
                    resp.error = HttpError::Cancelled;
                    resp.errorMessage = "request cancelled";
                    break;
                }
            }
        }
        resp.elapsedMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        const bool wasStopping = stopping;
        active.erase(id);
        release(req.bucket);
        if (!wasStopping && cb) {
            try {
                cb(std::move(resp));
            } catch (...) {
                // A throwing callback must not take the network thread down.
            }
        }
    }

    [[nodiscard]] HttpTls tlsOf(const HttpRequest &req) const {
        if (req.tls)
            return *req.tls;
        HttpTls t;
        t.verify = opts.verifyTls;
        t.caFile = opts.caFile;
        return t;
    }

    ssl::context *contextFor(const HttpTls &tls, std::string &error) {
        const std::string key = tls.key();
        if (auto it = contexts.find(key); it != contexts.end())
            return it->second.get();
        auto ctx = std::make_unique<ssl::context>(ssl::context::tls_client);
        beast::error_code ec;
        ctx->set_default_verify_paths(ec);
        if (!tls.caFile.empty() && (ctx->load_verify_file(tls.caFile, ec), ec)) {
            error = "cannot load the CA file " + tls.caFile + ": " + ec.message();
            return nullptr;
        }
        if (!tls.certFile.empty() && (ctx->use_certificate_chain_file(tls.certFile, ec), ec)) {
            error = "cannot load the client certificate " + tls.certFile + ": " + ec.message();
            return nullptr;
        }
        if (!tls.keyFile.empty() && (ctx->use_private_key_file(tls.keyFile, ssl::context::pem, ec), ec)) {
            error = "cannot load the client key " + tls.keyFile + ": " + ec.message();
            return nullptr;
        }
        ctx->set_verify_mode(tls.verify ? ssl::verify_peer : ssl::verify_none);
        return contexts.emplace(key, std::move(ctx)).first->second.get();
    }

    awaitable<std::unique_ptr<Connection>> connect(std::uint64_t id, const Url &url, const HttpRequest &req,
                                                   HttpResponse &r) {
        auto conn = std::make_unique<Connection>();
        conn->origin = url.origin();
        // Name resolution runs on getaddrinfo, which has no timeout of its own: a timer cancels it
        // after the connect timeout, and cancel() reaches it through the request's entry.
        // The timer's handler may run after this frame is gone: what it touches is shared.
        struct Resolving {
            explicit Resolving(asio::io_context &io)
                : resolver(io) {}
            tcp::resolver resolver;
            bool timedOut = false;
        };
        auto resolving = std::make_shared<Resolving>(io);
        asio::steady_timer resolveTimer(io, req.connectTimeout);
        resolveTimer.async_wait([resolving](const beast::error_code &tec) {
            if (!tec) {
                resolving->timedOut = true;
                resolving->resolver.cancel();
            }
        });
        active[id].resolver = &resolving->resolver;
        beast::error_code ec;
        auto results = co_await resolving->resolver.async_resolve(url.host, url.port,
                                                                  asio::redirect_error(use_awaitable, ec));
        active[id].resolver = nullptr;
        resolveTimer.cancel();
        if (ec) {
            r.error = resolving->timedOut ? HttpError::Timeout : HttpError::Resolve;
            r.errorMessage = resolving->timedOut ? "resolving " + url.host + " took longer than " +
                                                       std::to_string(req.connectTimeout.count()) + " ms"
                                                 : "cannot resolve " + url.host + ": " + ec.message();
            co_return nullptr;
        }
        const HttpTls tls = tlsOf(req);
        if (url.tls()) {
            std::string error;
            ssl::context *ctx = contextFor(tls, error);
            if (!ctx) {
                r.error = HttpError::Tls;
                r.errorMessage = error;
                co_return nullptr;
            }
            conn->secure = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(io, *ctx);
        } else
            conn->plain = std::make_unique<beast::tcp_stream>(io);
        conn->lowest().expires_after(req.connectTimeout);
        co_await conn->lowest().async_connect(results, asio::redirect_error(use_awaitable, ec));
        if (ec) {
            r.error = ec == beast::error::timeout ? HttpError::Timeout : HttpError::Connect;
            r.errorMessage = (ec == beast::error::timeout
                                  ? "connect to " + url.host + ":" + url.port + " timed out after " +
                                        std::to_string(req.connectTimeout.count()) + " ms"
                                  : "cannot connect to " + url.host + ":" + url.port + ": " + ec.message());
            co_return nullptr;
        }
        ++opened;
        if (conn->secure) {
            if (!SSL_set_tlsext_host_name(conn->secure->native_handle(), url.host.c_str())) {
                r.error = HttpError::Tls;
                r.errorMessage = "cannot set TLS server name";
                co_return nullptr;
            }
            if (tls.verify)
                conn->secure->set_verify_callback(ssl::host_name_verification(url.host));
            co_await conn->secure->async_handshake(ssl::stream_base::client,
                                                   asio::redirect_error(use_awaitable, ec));
            if (ec) {
                r.error = ec == beast::error::timeout ? HttpError::Timeout : HttpError::Tls;
                r.errorMessage = "TLS handshake with " + url.host + " failed: " + ec.message();
                co_return nullptr;
            }
        }
        co_return conn;
    }

    template <class Stream>
    awaitable<Exchange> exchangeOn(Stream &stream, Connection &conn, const Url &url, const HttpRequest &req,
                                   bool reused, HttpResponse &r, bool &keepAlive) {
        http::request<http::string_body> hreq;
        hreq.method(http::string_to_verb(req.method));
        hreq.target(url.target);
        hreq.version(11);
        hreq.set(http::field::host, url.host + (url.port == "80" || url.port == "443" ? "" : ":" + url.port));
        hreq.set(http::field::user_agent, "vigil/" VIGIL_VERSION);
        hreq.set(http::field::accept, "application/json");
        if (req.acceptGzip)
            hreq.set(http::field::accept_encoding, "gzip");
        if (auto a = req.auth.header(); !a.empty())
            hreq.set(http::field::authorization, a);
        for (const auto &[k, v] : req.headers)
            hreq.set(k, v);
        if (!req.body.empty() || req.method == "POST" || req.method == "PUT") {
            hreq.set(http::field::content_type,
                     req.contentType.empty() ? "application/json" : req.contentType);
            hreq.body() = req.body;
            hreq.prepare_payload();
        }
        hreq.keep_alive(true);

        conn.lowest().expires_after(req.timeout);
        beast::error_code ec;
        co_await http::async_write(stream, hreq, asio::redirect_error(use_awaitable, ec));
        if (ec) {
            if (reused && isStaleError(ec))
                co_return Exchange::Stale;
            r.error = ec == beast::error::timeout ? HttpError::Timeout : HttpError::Io;
            r.errorMessage = "sending request failed: " + ec.message();
            co_return Exchange::Failed;
        }
        // The answer's cap: the client's per-answer limit, or what is left of its poll's budget.
        const std::size_t cap = req.budget ? std::min<std::size_t>(opts.maxResponseBytes, req.budget->left())
                                           : opts.maxResponseBytes;
        auto tooLarge = [&](const char *what) {
            r.error = HttpError::TooLarge;
            r.errorMessage =
                req.budget && cap < opts.maxResponseBytes
                    ? std::string(what) + " does not fit what is left of this poll's memory budget (" +
                          std::to_string(req.budget->left() >> 20) + " of " +
                          std::to_string(req.budget->total() >> 20) +
                          " MiB across all its answers; http.max_poll_bytes)"
                    : std::string(what) + " larger than the cap of " + std::to_string(cap) + " bytes";
        };
        http::response_parser<http::string_body> parser;
        parser.body_limit(cap);
        parser.header_limit(64 * 1024);
        // Read the header first and refuse an announced oversize body before reading any of it (Beast
        // 1.74's body_limit alone did not stop a Content-Length body read through async_read).
        co_await http::async_read_header(stream, conn.buffer, parser,
                                         asio::redirect_error(use_awaitable, ec));
        if (!ec && parser.content_length() && *parser.content_length() > cap)
            ec = http::error::body_limit;
        if (!ec)
            co_await http::async_read(stream, conn.buffer, parser, asio::redirect_error(use_awaitable, ec));
        if (!ec && parser.get().body().size() > cap)
            ec = http::error::body_limit;
        if (ec) {
            if (reused && isStaleError(ec) && !parser.got_some())
                co_return Exchange::Stale;
            if (ec == http::error::body_limit) {
                tooLarge("response");
            } else if (ec == beast::error::timeout) {
                r.error = HttpError::Timeout;
                r.errorMessage = "no complete response within " + std::to_string(req.timeout.count()) + " ms";
            } else if (ec.category() == beast::error_code(http::error::bad_version).category() &&
                       ec != http::error::partial_message && ec != http::error::end_of_stream) {
                r.error = HttpError::Protocol;
                r.errorMessage = "invalid HTTP response: " + ec.message();
            } else {
                r.error = HttpError::Io;
                r.errorMessage = "connection dropped while reading the response: " + ec.message();
            }
            co_return Exchange::Failed;
        }
        auto &res = parser.get();
        r.status = static_cast<int>(res.result_int());
        r.contentType = std::string(res[http::field::content_type]);
        if (r.status >= 300 && r.status < 400)
            r.location = std::string(res[http::field::location]).substr(0, 512);
        if (r.status == 429 || r.status == 503)
            r.retryAfterMs = parseRetryAfter(res[http::field::retry_after], nowMs());
        r.wireBytes = res.body().size();
        keepAlive = res.keep_alive();
        if (beast::iequals(res[http::field::content_encoding], "gzip")) {
            std::string inflated;
            switch (gunzip(res.body(), cap, inflated)) {
            case InflateResult::Ok:
                r.body = std::move(inflated);
                break;
            case InflateResult::TooLarge:
                tooLarge("inflated response");
                co_return Exchange::Failed;
            case InflateResult::Corrupt:
                r.error = HttpError::Decompress;
                r.errorMessage = "response claims gzip but does not inflate";
                co_return Exchange::Failed;
            }
        } else {
            r.body = std::move(res.body());
        }
        if (req.budget && !req.budget->take(r.body.size())) {
            tooLarge("the response"); // other answers of the poll took the rest meanwhile
            r.body = std::string();
            co_return Exchange::Failed;
        }
        co_return Exchange::Ok;
    }

    awaitable<HttpResponse> attemptOnce(std::uint64_t id, const Url &url, const HttpRequest &req) {
        HttpResponse r;
        // Connections are pooled per origin and TLS setting: a connection verified under one source's
        // settings is never lent to a source with stricter ones.
        const std::string origin = url.tls() ? url.origin() + '\x1e' + tlsOf(req).key() : url.origin();
        std::unique_ptr<Connection> conn;
        if (auto it = idle.find(origin); it != idle.end() && !it->second.empty()) {
            conn = std::move(it->second.back());
            it->second.pop_back();
        }
        for (int pass = 0; pass < 2; ++pass) {
            const bool reused = conn != nullptr;
            if (!conn) {
                conn = co_await connect(id, url, req, r);
                if (!conn || isCancelled(id))
                    co_return r;
            }
            r.reusedConnection = reused;
            bool keepAlive = false;
            active[id].conn = conn.get();
            Exchange ex = conn->secure
                              ? co_await exchangeOn(*conn->secure, *conn, url, req, reused, r, keepAlive)
                              : co_await exchangeOn(*conn->plain, *conn, url, req, reused, r, keepAlive);
            active[id].conn = nullptr;
            if (ex == Exchange::Stale) {
                // The server closed an idle keep-alive connection; that is not a failed attempt.
                conn.reset();
                r = HttpResponse{};
                continue;
            }
            if (ex == Exchange::Ok && keepAlive && !stopping) {
                auto &pool = idle[origin];
                conn->lowest().expires_never();
                if (pool.size() < opts.maxIdlePerOrigin)
                    pool.push_back(std::move(conn));
            }
            co_return r;
        }
        co_return r;
    }
};

HttpClient::HttpClient()
    : HttpClient(Options{}) {}

HttpClient::HttpClient(Options options)
    : d(std::make_unique<Impl>()) {
    d->opts = std::move(options);
    d->thread = std::thread([impl = d.get()] {
        runIoContext(impl->io);
        std::lock_guard lock(impl->doneMutex);
        impl->done = true;
        impl->doneCv.notify_all();
    });
}

HttpClient::~HttpClient() {
    shutdown();
}

std::uint64_t HttpClient::send(HttpRequest request, Callback callback) {
    const std::uint64_t id = d->nextId++;
    if (d->stopped)
        return id;
    asio::post(d->io, [impl = d.get(), id, req = std::move(request), cb = std::move(callback)]() mutable {
        impl->admit(id, std::move(req), std::move(cb));
    });
    return id;
}

void HttpClient::cancel(std::uint64_t id) {
    if (d->stopped)
        return;
    asio::post(d->io, [impl = d.get(), id] { impl->cancelOne(id); });
}

void HttpClient::shutdown() {
    if (d->stopped.exchange(true))
        return;
    asio::post(d->io, [impl = d.get()] {
        impl->stopping = true;
        for (auto &[id, a] : impl->active)
            impl->cancelOne(id);
        for (auto &[name, b] : impl->buckets)
            b.waiting.clear();
        impl->idle.clear();
    });
    d->work.reset();
    {
        // Give cancelled coroutines a moment to unwind cleanly, then stop whatever is left (a resolver).
        std::unique_lock lock(d->doneMutex);
        d->doneCv.wait_for(lock, std::chrono::seconds(2), [this] { return d->done; });
    }
    d->io.stop();
    if (d->thread.joinable())
        d->thread.join();
}

std::uint64_t HttpClient::connectionsOpened() const {
    return d->opened;
}

} // namespace vigil
