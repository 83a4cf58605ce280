#pragma once
// Typed failure of one API call, naming the endpoint, for the operator and for tests.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vigil {

struct ApiError {
    enum class Kind { Transport, Http, ContentType, Parse, Shape, Api };
    Kind kind = Kind::Parse;
    std::string endpoint;  // "/api/v1/query"
    std::string message;   // operator-facing, complete sentence fragment
    std::string errorType; // Prometheus errorType ("bad_data", "timeout", ...) when the server said so
    int httpStatus = 0;

    [[nodiscard]] std::string describe() const { return endpoint + ": " + message; }
};

// Elements of an answer that had the wrong shape and were left out, counted by kind with the first
// reason, so the source panel can say "3 alerts skipped: wrong shape (alert without "labels")" while
// the rest of the answer is used.
class Skipped {
public:
    void add(const std::string &noun, std::string reason) {
        if (const std::string_view prefix = "unexpected response shape: "; reason.starts_with(prefix))
            reason.erase(0, prefix.size());
        for (auto &e : m_entries)
            if (e.noun == noun) {
                ++e.count;
                return;
            }
        m_entries.push_back({noun, 1, std::move(reason)});
    }
    [[nodiscard]] bool empty() const { return m_entries.empty(); }
    [[nodiscard]] int count() const {
        int n = 0;
        for (const auto &e : m_entries)
            n += e.count;
        return n;
    }
    // One line per kind: "/api/v2/alerts: 3 alerts skipped: wrong shape (alert without "labels")".
    [[nodiscard]] std::vector<std::string> describe(const std::string &endpoint) const {
        std::vector<std::string> out;
        for (const auto &e : m_entries)
            out.push_back(endpoint + ": " + std::to_string(e.count) + " " + e.noun +
                          " skipped: wrong shape (" + (e.count > 1 ? "first: " : "") + e.reason + ")");
        return out;
    }

private:
    struct Entry {
        std::string noun;
        int count = 0;
        std::string reason;
    };
    std::vector<Entry> m_entries;
};

// std::expected arrives with C++23; this is the small part Vigil needs.
template <class T> class Result {
public:
    Result(T value)
        : m_v(std::move(value)) {} // NOLINT(google-explicit-constructor)
    Result(ApiError error)
        : m_v(std::move(error)) {} // NOLINT(google-explicit-constructor)
    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<0>(m_v); }
    const T &value() const { return std::get<0>(m_v); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    [[nodiscard]] const ApiError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, ApiError> m_v;
};

} // namespace vigil
