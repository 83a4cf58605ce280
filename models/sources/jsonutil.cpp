#include "jsonutil.h"

namespace vigil::jsonutil {

Result<json> parse(std::string_view body, const std::string &endpoint) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        // Re-run with exceptions only on failure, to name the byte offset for the operator.
        std::string detail;
        try {
            [[maybe_unused]] auto ignored = json::parse(body);
        } catch (const json::exception &e) {
            // Not only parse_error: a number too large for a double ("1e999") is out_of_range, and it
            // escaped here, ending the process (found by the fuzzer).
            detail = std::string(": ") + e.what();
        }
        std::string msg = body.empty()
                              ? "empty response body"
                              : "malformed JSON (" + std::to_string(body.size()) + " bytes)" + detail;
        return ApiError{ApiError::Kind::Parse, endpoint, msg, {}, 0};
    }
    return j;
}

ApiError shapeError(const std::string &endpoint, const std::string &what) {
    return ApiError{ApiError::Kind::Shape, endpoint, "unexpected response shape: " + what, {}, 0};
}

LabelSet labels(const json &obj) {
    std::vector<Label> out;
    if (!obj.is_object())
        return {};
    out.reserve(obj.size());
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (it.value().is_string())
            out.push_back(Label{it.key(), it.value().get<std::string>()});
    return LabelSet(std::move(out));
}

const json &member(const json &obj, const char *key) {
    static const json null;
    if (!obj.is_object())
        return null;
    auto it = obj.find(key);
    return it != obj.end() ? *it : null;
}

bool boolean(const json &obj, const char *key, bool fallback) {
    const json &v = member(obj, key);
    return v.is_boolean() ? v.get<bool>() : fallback;
}

std::string str(const json &obj, const char *key) {
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    return (it != obj.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json &arr) {
    std::vector<std::string> out;
    if (!arr.is_array())
        return out;
    for (const auto &v : arr)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

} // namespace vigil::jsonutil
