#include "answermemory.h"

#include <algorithm>
#include <functional>

namespace vigil {

AnswerMemory::Digest AnswerMemory::digest(std::string_view body) {
    return {std::hash<std::string_view>()(body), body.size()};
}

AnswerMemory::Digest AnswerMemory::timelessDigest(std::string_view body) {
    constexpr std::string_view kValue = "\"value\":[";
    const auto first = body.find(kValue);
    const auto comma = first == std::string_view::npos ? first : body.find(',', first + kValue.size());
    if (comma == std::string_view::npos)
        return digest(body);
    // `"value":[1733580000.123,` as the first sample has it: every other sample's time is the same.
    const std::string_view stamp = body.substr(first, comma + 1 - first);
    // Boyer-Moore-Horspool: string_view::find looks at every '"', of which JSON is full.
    const std::boyer_moore_horspool_searcher search(stamp.begin(), stamp.end());
    std::size_t hash = 0, size = 0, from = 0;
    const std::hash<std::string_view> h;
    for (auto at = body.begin() + static_cast<std::ptrdiff_t>(first); at != body.end();
         at = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), search)) {
        const auto offset = static_cast<std::size_t>(at - body.begin());
        const std::string_view piece = body.substr(from, offset - from);
        hash = (hash ^ h(piece)) * 0x100000001b3ull; // the pieces in order
        size += piece.size();
        from = offset + stamp.size();
    }
    const std::string_view rest = body.substr(from);
    return {(hash ^ h(rest)) * 0x100000001b3ull, size + rest.size()};
}

bool AnswerMemory::same(const std::string &key, const Digest &d) const {
    auto it = m_answers.find(key);
    return it != m_answers.end() && it->second.digest == d;
}

void AnswerMemory::remember(const std::string &key, const Digest &d, std::vector<std::string> warnings) {
    m_answers[key] = {d, std::move(warnings)};
}

const std::vector<std::string> &AnswerMemory::warnings(const std::string &key) const {
    static const std::vector<std::string> kNone;
    auto it = m_answers.find(key);
    return it == m_answers.end() ? kNone : it->second.warnings;
}

} // namespace vigil
