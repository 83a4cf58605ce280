#include "silencematch.h"

#include "labelmatcher.h"

namespace vigil {

namespace {
std::optional<LabelMatcher> toMatcher(const SilenceMatcher &m) {
    const auto op = m.isRegex ? (m.isEqual ? LabelMatcher::Op::Regex : LabelMatcher::Op::NotRegex)
                              : (m.isEqual ? LabelMatcher::Op::Equal : LabelMatcher::Op::NotEqual);
    return LabelMatcher::create(m.name, op, m.value, nullptr);
}
} // namespace

bool silenceMatches(const std::vector<SilenceMatcher> &matchers, const LabelSet &labels) {
    if (matchers.empty())
        return false;
    for (const auto &m : matchers) {
        auto lm = toMatcher(m);
        if (!lm || !lm->matches(labels))
            return false;
    }
    return true;
}

int countActiveMatches(const std::vector<Alert> &alerts, const std::vector<SilenceMatcher> &matchers) {
    std::vector<LabelMatcher> compiled;
    for (const auto &m : matchers) {
        auto lm = toMatcher(m);
        if (!lm)
            return 0;
        compiled.push_back(std::move(*lm));
    }
    if (compiled.empty())
        return 0;
    int n = 0;
    for (const auto &a : alerts) {
        if (a.state == AlertState::Resolved || a.isSilenced() || a.isInhibited() ||
            a.state == AlertState::Suppressed)
            continue;
        bool all = true;
        for (const auto &m : compiled)
            all = all && m.matches(a.labels);
        n += all;
    }
    return n;
}

std::string formatMatchers(const std::vector<SilenceMatcher> &matchers) {
    std::string out;
    for (const auto &m : matchers) {
        if (!out.empty())
            out += ' ';
        out += m.name;
        out += m.isEqual ? (m.isRegex ? "=~" : "=") : (m.isRegex ? "!~" : "!=");
        out += '"';
        for (char c : m.value) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    return out;
}

bool parseMatchers(const std::string &text, std::vector<SilenceMatcher> *out, std::string *error) {
    auto filter = LabelFilter::parse(text, error);
    if (!filter)
        return false;
    out->clear();
    for (const auto &m : filter->matchers()) {
        SilenceMatcher s;
        s.name = m.name();
        s.value = m.value();
        s.isRegex = m.op() == LabelMatcher::Op::Regex || m.op() == LabelMatcher::Op::NotRegex;
        s.isEqual = m.op() == LabelMatcher::Op::Equal || m.op() == LabelMatcher::Op::Regex;
        out->push_back(std::move(s));
    }
    if (!filter->words().empty()) {
        *error = "\"" + filter->words().front() + "\" is not a matcher (write name=\"value\")";
        return false;
    }
    if (out->empty()) {
        *error = "a silence needs at least one matcher such as alertname=\"HostDown\"";
        return false;
    }
    return true;
}

std::string alertmanagerSourceOf(const Alert &a) {
    for (const auto &s : a.seenBy)
        if (auto p = s.find("/alertmanager"); p != std::string::npos)
            return s.substr(0, p);
    return {};
}

} // namespace vigil
