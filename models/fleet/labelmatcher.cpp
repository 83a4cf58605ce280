#include "labelmatcher.h"

#include <algorithm>
#include <cctype>

namespace vigil {

std::optional<LabelMatcher> LabelMatcher::create(std::string name, Op op, std::string value,
                                                 std::string *error) {
    LabelMatcher m;
    m.m_name = std::move(name);
    m.m_op = op;
    m.m_value = std::move(value);
    if (m.m_name.empty()) {
        if (error)
            *error = "matcher has an empty label name";
        return std::nullopt;
    }
    if (op == Op::Regex || op == Op::NotRegex) {
        std::string why;
        m.m_regex = Regex::compile(m.m_value, &why);
        if (!m.m_regex) {
            if (error)
                *error =
                    "invalid regular expression \"" + m.m_value + "\" for label " + m.m_name + ": " + why;
            return std::nullopt;
        }
    }
    return m;
}

bool LabelMatcher::matchesValue(std::string_view v) const {
    switch (m_op) {
    case Op::Equal:
        return v == m_value;
    case Op::NotEqual:
        return v != m_value;
    case Op::Regex:
        return m_regex->fullMatch(v);
    case Op::NotRegex:
        return !m_regex->fullMatch(v);
    }
    return false;
}

bool LabelMatcher::matches(const LabelSet &labels) const {
    return matchesValue(labels.value(m_name));
}

std::string LabelMatcher::toString() const {
    static const char *ops[] = {"=", "!=", "=~", "!~"};
    return m_name + ops[static_cast<int>(m_op)] + "\"" + m_value + "\"";
}

namespace {
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
} // namespace

std::optional<LabelFilter> LabelFilter::parse(std::string_view text, std::string *error) {
    LabelFilter f;
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto skipSeparators = [&] {
        while (i < n && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == ',' ||
                         text[i] == '{' || text[i] == '}'))
            ++i;
    };
    for (skipSeparators(); i < n; skipSeparators()) {
        std::size_t start = i;
        while (i < n && isNameChar(text[i]))
            ++i;
        std::string name(text.substr(start, i - start));
        std::optional<LabelMatcher::Op> op;
        if (i < n && text[i] == '=') {
            op = (i + 1 < n && text[i + 1] == '~') ? LabelMatcher::Op::Regex : LabelMatcher::Op::Equal;
        } else if (i + 1 < n && text[i] == '!' && text[i + 1] == '=') {
            op = LabelMatcher::Op::NotEqual;
        } else if (i + 1 < n && text[i] == '!' && text[i + 1] == '~') {
            op = LabelMatcher::Op::NotRegex;
        }
        if (!op) {
            // A bare word: everything up to the next separator.
            while (i < n && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ',')
                ++i;
            std::string word(text.substr(start, i - start));
            std::transform(word.begin(), word.end(), word.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            f.m_words.push_back(std::move(word));
            continue;
        }
        if (name.empty()) {
            if (error)
                *error = "expected a label name before the operator at position " + std::to_string(start + 1);
            return std::nullopt;
        }
        i += (*op == LabelMatcher::Op::Equal) ? 1 : 2;
        std::string value;
        if (i < n && (text[i] == '"' || text[i] == '\'')) {
            const char quote = text[i++];
            bool closed = false;
            while (i < n) {
                char c = text[i++];
                if (c == '\\' && i < n) {
                    value += text[i++];
                } else if (c == quote) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                if (error)
                    *error = "unterminated quote in the value of label " + name;
                return std::nullopt;
            }
        } else {
            std::size_t vs = i;
            while (i < n && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ',' &&
                   text[i] != '}')
                ++i;
            value = std::string(text.substr(vs, i - vs));
        }
        auto m = LabelMatcher::create(std::move(name), *op, std::move(value), error);
        if (!m)
            return std::nullopt;
        f.m_matchers.push_back(std::move(*m));
    }
    return f;
}

bool LabelFilter::matches(const LabelSet &labels, std::string_view name) const {
    for (const auto &m : m_matchers)
        if (!m.matches(labels))
            return false;
    if (m_words.empty())
        return true;
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const auto &w : m_words)
        if (lower.find(w) == std::string::npos)
            return false;
    return true;
}

} // namespace vigil
