#pragma once
// A regular expression as Prometheus and Alertmanager read them: RE2 syntax, anchored at both ends,
// matched in time linear in the input. std::regex backtracks: a matcher such as `role=~"(a*)*b"` typed
// into a filter took exponential time (found by the fuzzer), and its compiler overflowed an int on a
// repetition count or back-reference with many digits. RE2 refuses those with a message instead.
// Thread-safe: one compiled Regex may be matched from several threads at once.
#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace vigil {

class Regex {
public:
    // nullptr and *error set when the pattern does not compile (or is longer than 4,096 characters).
    static std::shared_ptr<const Regex> compile(const std::string &pattern, std::string *error);
    ~Regex();
    Regex(const Regex &) = delete;
    Regex &operator=(const Regex &) = delete;

    // The whole of s matches (as PromQL's =~).
    [[nodiscard]] bool fullMatch(std::string_view s) const;

private:
    Regex() = default;
    std::unique_ptr<re2::RE2> m_re;
};

} // namespace vigil
