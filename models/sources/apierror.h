#pragma once
// Typed failure of one API call, naming the endpoint, for the operator and for tests.
#include <optional>
#include <string>
#include <utility>
#include <variant>

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
