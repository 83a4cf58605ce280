#include "alertfilter.h"

#include "../support/timeutil.h"

#include <algorithm>
#include <cctype>

namespace vigil {

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}
bool containsLower(std::string_view haystack, const std::string &needleLower) {
    if (needleLower.size() > haystack.size())
        return false;
    auto it = std::search(haystack.begin(), haystack.end(), needleLower.begin(), needleLower.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}
} // namespace

std::optional<AlertFilter> AlertFilter::parse(std::string_view text, std::string *error) {
    AlertFilter f;
    std::string rest;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        if (i >= text.size())
            break;
        std::size_t start = i;
        // A token ends at whitespace outside quotes.
        bool quoted = false;
        while (i < text.size() && (quoted || !std::isspace(static_cast<unsigned char>(text[i])))) {
            if (text[i] == '"' && (i == start || text[i - 1] != '\\'))
                quoted = !quoted;
            ++i;
        }
        const std::string_view token = text.substr(start, i - start);
        if (token.empty() || token[0] != '@') {
            rest += std::string(token) + " ";
            continue;
        }
        auto fail = [&](const std::string &msg) {
            if (error)
                *error = msg + " at position " + std::to_string(start + 1);
            return std::nullopt;
        };
        if (token.starts_with("@state")) {
            std::string_view v = token.substr(6);
            bool wanted = true;
            if (v.starts_with("!=")) {
                wanted = false;
                v.remove_prefix(2);
            } else if (v.starts_with("=")) {
                v.remove_prefix(1);
            } else {
                return fail("expected @state=NAME or @state!=NAME");
            }
            static const std::pair<const char *, State> names[] = {
                {"active", State::Active},     {"suppressed", State::Suppressed},
                {"silenced", State::Silenced}, {"inhibited", State::Inhibited},
                {"pending", State::Pending},   {"firing", State::Firing}};
            bool known = false;
            for (const auto &[name, s] : names)
                if (v == name) {
                    f.m_states.emplace_back(s, wanted);
                    known = true;
                }
            if (!known)
                return fail("unknown state \"" + std::string(v) +
                            "\" (active, suppressed, silenced, inhibited, pending, firing)");
        } else if (token.starts_with("@age")) {
            std::string_view v = token.substr(4);
            if (v.empty() || (v[0] != '<' && v[0] != '>'))
                return fail("expected @age>DURATION or @age<DURATION");
            const char op = v[0];
            auto d = parseDurationMs(v.substr(1));
            if (!d)
                return fail("expected a duration such as 10m or 2h after @age" + std::string(1, op));
            (op == '>' ? f.m_minAge : f.m_maxAge) = *d;
        } else {
            return fail("unknown term \"" + std::string(token) + "\" (@state, @age)");
        }
    }
    std::string labelError;
    auto labels = LabelFilter::parse(rest, &labelError);
    if (!labels) {
        if (error)
            *error = labelError;
        return std::nullopt;
    }
    f.m_matchers = labels->matchers();
    for (const auto &w : labels->words())
        f.m_words.push_back(lower(w));
    return f;
}

bool AlertFilter::empty() const {
    return m_matchers.empty() && m_words.empty() && m_states.empty() && !m_minAge && !m_maxAge;
}

bool AlertFilter::inState(const Alert &a, State s) {
    switch (s) {
    case State::Active:
        return (a.state == AlertState::Active || a.state == AlertState::Firing) && !a.isSilenced() &&
               !a.isInhibited();
    case State::Suppressed:
        return a.state == AlertState::Suppressed || a.isSilenced() || a.isInhibited();
    case State::Silenced:
        return a.isSilenced();
    case State::Inhibited:
        return a.isInhibited();
    case State::Pending:
        return a.state == AlertState::Pending;
    case State::Firing:
        return a.state == AlertState::Firing || a.state == AlertState::Active;
    }
    return false;
}

bool AlertFilter::matches(const Alert &a, TimeMs now) const {
    for (const auto &[s, wanted] : m_states)
        if (inState(a, s) != wanted)
            return false;
    if (m_minAge && now - a.startsAt <= *m_minAge)
        return false;
    if (m_maxAge && now - a.startsAt >= *m_maxAge)
        return false;
    if (m_memo.size() != m_matchers.size())
        m_memo.assign(m_matchers.size(), {});
    for (std::size_t i = 0; i < m_matchers.size(); ++i) {
        const auto &m = m_matchers[i];
        if (m.op() == LabelMatcher::Op::Equal || m.op() == LabelMatcher::Op::NotEqual) {
            if (!m.matches(a.labels))
                return false;
            continue;
        }
        auto &memo = m_memo[i];
        const auto value = a.labels.value(m.name());
        if (auto it = memo.find(std::string(value)); it != memo.end()) {
            if (!it->second)
                return false;
            continue;
        }
        const bool ok = m.matches(a.labels);
        if (memo.size() > 50'000)
            memo.clear();
        memo.emplace(std::string(value), ok);
        if (!ok)
            return false;
    }
    for (const auto &w : m_words) {
        bool found = containsLower(a.annotations.value("summary"), w);
        for (const auto &l : a.labels.labels())
            found = found || containsLower(l.value, w);
        if (!found)
            return false;
    }
    return true;
}

} // namespace vigil
