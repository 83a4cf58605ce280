#pragma once
// A small async HTTP/1.1 server (Boost.Beast) on its own thread, bound to 127.0.0.1. vigil-sim serves
// the fleet APIs through it; tests use it to script failures (delays, dropped connections, garbage).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vigil::sim {

struct ServerRequest {
    std::string method;
    std::string target;                                     // path?query, as sent
    std::string path;                                       // decoded path
    std::vector<std::pair<std::string, std::string>> query; // decoded parameters (also from form bodies)
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    [[nodiscard]] std::string param(const std::string &name, const std::string &fallback = {}) const;
    [[nodiscard]] std::string header(const std::string &name) const;
};

struct ServerReply {
    enum class Action { Respond, Close, TruncateBody, RawBytes, Drip };
    int status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    Action action = Action::Respond;
    int delayMs = 0;
    bool allowGzip = true;

    static ServerReply json(std::string body, int status = 200);
    static ServerReply text(std::string body, int status = 200);
};

class HttpServer final {
public:
    using Handler = std::function<ServerReply(const ServerRequest &)>;

    explicit HttpServer(Handler handler);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds 127.0.0.1:port (0 picks a free port) and serves on a background thread. Returns false and
    // sets *error if the address cannot be bound.
    bool start(const std::string &address, std::uint16_t port, std::string *error);
    void stop();
    [[nodiscard]] std::uint16_t port() const;
    [[nodiscard]] std::uint64_t requestCount() const;
    [[nodiscard]] std::uint64_t connectionCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

std::string urlDecode(std::string_view s, bool plusIsSpace);

} // namespace vigil::sim
