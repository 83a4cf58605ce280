#pragma once
// Label matchers as operators type them: `region=eu1 role=~db.* env!=dev`, anchored regexes as in
// PromQL and Alertmanager. Shared by the host filter bar, silences and every view's filter.
#include "labelset.h"
#include "regex.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

class LabelMatcher {
public:
    enum class Op { Equal, NotEqual, Regex, NotRegex };

    static std::optional<LabelMatcher> create(std::string name, Op op, std::string value, std::string *error);

    [[nodiscard]] bool matches(const LabelSet &labels) const;
    [[nodiscard]] bool matchesValue(std::string_view value) const;
    [[nodiscard]] const std::string &name() const { return m_name; }
    [[nodiscard]] const std::string &value() const { return m_value; }
    [[nodiscard]] Op op() const { return m_op; }
    [[nodiscard]] std::string toString() const;

private:
    std::string m_name;
    std::string m_value;
    Op m_op = Op::Equal;
    std::shared_ptr<const Regex> m_regex;
};

// A whitespace- or comma-separated list of matchers, all of which must hold. Bare words (no operator)
// match as a case-insensitive substring of the host name, so typing a host name just works.
class LabelFilter {
public:
    // Returns std::nullopt and sets *error on a syntax error or an invalid regex.
    static std::optional<LabelFilter> parse(std::string_view text, std::string *error);

    [[nodiscard]] bool matches(const LabelSet &labels, std::string_view name) const;
    [[nodiscard]] bool empty() const { return m_matchers.empty() && m_words.empty(); }
    [[nodiscard]] const std::vector<LabelMatcher> &matchers() const { return m_matchers; }
    [[nodiscard]] const std::vector<std::string> &words() const { return m_words; }

private:
    std::vector<LabelMatcher> m_matchers;
    std::vector<std::string> m_words;
};

} // namespace vigil
