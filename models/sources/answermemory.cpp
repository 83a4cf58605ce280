#include "answermemory.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace vigil {

namespace {
// A piece's hash folded into the hash of the pieces before it, in order.
std::size_t fold(std::size_t hash, std::string_view piece) {
    return (hash ^ std::hash<std::string_view>{}(piece)) * 0x100000001b3ull;
}
} // namespace

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
    for (auto at = body.begin() + static_cast<std::ptrdiff_t>(first); at != body.end();
         at = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), search)) {
        const auto offset = static_cast<std::size_t>(at - body.begin());
        const std::string_view piece = body.substr(from, offset - from);
        hash = fold(hash, piece); // the pieces in order
        size += piece.size();
        from = offset + stamp.size();
    }
    const std::string_view rest = body.substr(from);
    return {fold(hash, rest), size + rest.size()};
}

namespace {

// The index of the quote that closes the JSON string opening at `open`, or npos.
std::size_t stringEnd(std::string_view body, std::size_t open) {
    for (std::size_t at = open + 1;; ++at) {
        at = body.find('"', at);
        if (at == std::string_view::npos)
            return at;
        std::size_t backslashes = 0;
        while (body[at - 1 - backslashes] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return at;
    }
}

std::size_t skipSpace(std::string_view body, std::size_t at) {
    while (at < body.size() && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t'))
        ++at;
    return at;
}

// splitmix64's finaliser: spreads an element's hash before it joins the sum.
std::uint64_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

} // namespace

AnswerMemory::Digest AnswerMemory::alertSetDigest(std::string_view body) {
    // {"status":…,"data":{"alerts":[{…},{…}]}}: the alerts are the objects at depth 4 whose container
    // (depth 3) is an array.
    constexpr int kAlertDepth = 4;
    int depth = 0;
    bool inList = false; // the container at depth 3 is an array
    std::uint64_t outside = 0, element = 0, set = 0;
    std::size_t size = 0, from = 0, elementStart = std::string_view::npos;
    auto piece = [&](std::size_t end, std::uint64_t &into) {
        into = fold(into, body.substr(from, end - from));
        size += end - from;
    };
    for (std::size_t at = 0; at < body.size(); ++at) {
        const char c = body[at];
        if (c == '"') {
            const std::size_t open = at;
            at = stringEnd(body, open);
            if (at == std::string_view::npos)
                return digest(body);
            // An alert's own "value" member: left out, key and string value both.
            if (elementStart != std::string_view::npos && depth == kAlertDepth &&
                body.substr(open, at + 1 - open) == "\"value\"") {
                std::size_t v = skipSpace(body, at + 1);
                if (v < body.size() && body[v] == ':') {
                    v = skipSpace(body, v + 1);
                    if (v < body.size() && body[v] == '"') {
                        const std::size_t end = stringEnd(body, v);
                        if (end == std::string_view::npos)
                            return digest(body);
                        piece(open, element);
                        from = end + 1;
                        at = end;
                    }
                }
            }
        } else if (c == '{' || c == '[') {
            if (++depth == kAlertDepth - 1)
                inList = c == '[';
            if (c == '{' && depth == kAlertDepth && inList) {
                piece(at, outside);
                from = elementStart = at;
                element = 0;
            }
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return digest(body);
            if (depth == kAlertDepth && elementStart != std::string_view::npos) {
                piece(at + 1, element);
                from = at + 1;
                elementStart = std::string_view::npos;
                set += mix(element);
            }
            --depth;
        }
    }
    if (depth != 0 || elementStart != std::string_view::npos)
        return digest(body);
    piece(body.size(), outside);
    return {static_cast<std::size_t>(outside ^ mix(set)), size};
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
