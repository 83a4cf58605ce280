#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include "httpserver.h"

#include "net/gzip.h"
#include "net/iorunner.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <thread>

namespace vigil::sim {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string urlDecode(std::string_view s, bool plusIsSpace) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
            i += 2;
        } else if (s[i] == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

namespace {
void parseForm(std::string_view q, std::vector<std::pair<std::string, std::string>> &out) {
    while (!q.empty()) {
        auto amp = q.find('&');
        auto part = q.substr(0, amp);
        auto eq = part.find('=');
        if (!part.empty())
            out.emplace_back(urlDecode(part.substr(0, eq), true), eq == std::string_view::npos
                                                                      ? std::string()
                                                                      : urlDecode(part.substr(eq + 1), true));
        if (amp == std::string_view::npos)
            break;
        q = q.substr(amp + 1);
    }
}
} // namespace

std::string ServerRequest::param(const std::string &name, const std::string &fallback) const {
    for (const auto &[k, v] : query)
        if (k == name)
            return v;
    return fallback;
}

std::string ServerRequest::header(const std::string &name) const {
    for (const auto &[k, v] : headers)
        if (beast::iequals(k, name))
            return v;
    return {};
}

ServerReply ServerReply::json(std::string body, int status) {
    ServerReply r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

ServerReply ServerReply::text(std::string body, int status) {
    ServerReply r;
    r.status = status;
    r.contentType = "text/plain; charset=utf-8";
    r.body = std::move(body);
    return r;
}

struct HttpServer::Impl {
    Handler handler;
    asio::io_context io{1};
    tcp::acceptor acceptor{io};
    std::thread thread;
    std::atomic<std::uint16_t> port{0};
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> connections{0};
    std::atomic<bool> running{false};

    asio::awaitable<void> serve(tcp::socket socket) {
        ++connections;
        beast::tcp_stream stream(std::move(socket));
        beast::flat_buffer buffer;
        beast::error_code ec;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(64 * 1024 * 1024);
            stream.expires_after(std::chrono::seconds(60));
            co_await http::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
            if (ec)
                break;
            auto &req = parser.get();
            ++requests;
            ServerRequest sr;
            sr.method = std::string(req.method_string());
            sr.target = std::string(req.target());
            auto q = sr.target.find('?');
            sr.path = urlDecode(std::string_view(sr.target).substr(0, q), false);
            if (q != std::string::npos)
                parseForm(std::string_view(sr.target).substr(q + 1), sr.query);
            for (const auto &f : req)
                sr.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
            sr.body = req.body();
            if (req[http::field::content_type].starts_with("application/x-www-form-urlencoded"))
                parseForm(sr.body, sr.query);
            ServerReply reply;
            try {
                reply = handler(sr);
            } catch (const std::exception &e) {
                reply = ServerReply::text(std::string("internal error: ") + e.what(), 500);
            }
            if (reply.delayMs > 0) {
                asio::steady_timer t(io, std::chrono::milliseconds(reply.delayMs));
                co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            }
            if (reply.action == ServerReply::Action::Close)
                break;
            if (reply.action == ServerReply::Action::RawBytes) {
                co_await asio::async_write(stream, asio::buffer(reply.body),
                                           asio::redirect_error(asio::use_awaitable, ec));
                break;
            }
            http::response<http::string_body> res{static_cast<http::status>(reply.status), req.version()};
            res.set(http::field::server, "vigil-sim");
            res.set(http::field::content_type, reply.contentType);
            for (const auto &[k, v] : reply.headers)
                res.set(k, v);
            const bool gzip = reply.allowGzip && reply.body.size() > 1024 &&
                              req[http::field::accept_encoding].find("gzip") != beast::string_view::npos;
            res.body() = gzip ? gzipCompress(reply.body) : std::move(reply.body);
            if (gzip)
                res.set(http::field::content_encoding, "gzip");
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            if (reply.action == ServerReply::Action::Drip) {
                // A slow drip: the header, then the body 8 bytes a second (a proxy with a failing upstream).
                http::response_serializer<http::string_body> sz(res);
                co_await http::async_write_header(stream, sz, asio::redirect_error(asio::use_awaitable, ec));
                for (std::size_t at = 0; !ec && at < res.body().size(); at += 8) {
                    asio::steady_timer t(io, std::chrono::milliseconds(1000));
                    co_await t.async_wait(asio::redirect_error(asio::use_awaitable, ec));
                    co_await asio::async_write(stream,
                                               asio::buffer(res.body().data() + at,
                                                            std::min<std::size_t>(8, res.body().size() - at)),
                                               asio::redirect_error(asio::use_awaitable, ec));
                }
                break;
            }
            if (reply.action == ServerReply::Action::TruncateBody) {
                // Promise the whole body, send half, hang up.
                http::response_serializer<http::string_body> sz(res);
                co_await http::async_write_header(stream, sz, asio::redirect_error(asio::use_awaitable, ec));
                const auto half = res.body().size() / 2;
                co_await asio::async_write(stream, asio::buffer(res.body().data(), half),
                                           asio::redirect_error(asio::use_awaitable, ec));
                break;
            }
            co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
            if (ec || !res.keep_alive())
                break;
        }
        stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    }

    asio::awaitable<void> accept() {
        for (;;) {
            beast::error_code ec;
            tcp::socket socket =
                co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                if (!acceptor.is_open())
                    co_return;
                continue;
            }
            asio::co_spawn(io, serve(std::move(socket)), asio::detached);
        }
    }
};

HttpServer::HttpServer(Handler handler)
    : d(std::make_unique<Impl>()) {
    d->handler = std::move(handler);
}

HttpServer::~HttpServer() {
    stop();
}

bool HttpServer::start(const std::string &address, std::uint16_t port, std::string *error) {
    beast::error_code ec;
    auto addr = asio::ip::make_address(address, ec);
    if (ec) {
        if (error)
            *error = "invalid listen address " + address;
        return false;
    }
    tcp::endpoint ep(addr, port);
    d->acceptor.open(ep.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(ep, ec);
    if (!ec)
        d->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        if (error)
            *error = "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message();
        return false;
    }
    d->port = d->acceptor.local_endpoint().port();
    asio::co_spawn(d->io, d->accept(), asio::detached);
    d->running = true;
    d->thread = std::thread([impl = d.get()] { runIoContext(impl->io); });
    return true;
}

void HttpServer::stop() {
    if (!d->running.exchange(false))
        return;
    asio::post(d->io, [impl = d.get()] {
        beast::error_code ec;
        impl->acceptor.close(ec);
    });
    d->io.stop();
    if (d->thread.joinable())
        d->thread.join();
}

std::uint16_t HttpServer::port() const {
    return d->port;
}
std::uint64_t HttpServer::requestCount() const {
    return d->requests;
}
std::uint64_t HttpServer::connectionCount() const {
    return d->connections;
}

} // namespace vigil::sim
