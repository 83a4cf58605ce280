#pragma once
// What a poller last read from each of its requests: a digest of the answer's bytes, and the warnings
// reading it gave. An answer with the same bytes need not be read again: what it gave is already in
// the fleet's state, and its warnings still hold.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

class AnswerMemory {
public:
    struct Digest {
        std::size_t hash = 0;
        std::size_t size = 0;
        bool operator==(const Digest &) const = default;
    };
    [[nodiscard]] static Digest digest(std::string_view body);
    // The digest of a Prometheus instant-vector answer as if it had been evaluated at no time: each
    // sample's `"value":[<time>,` is left out when every sample has the answer's one evaluation time
    // (as Prometheus and the compatible servers send it). Two polls of a series whose labels and values
    // did not change (a fact, an info metric) then have one digest.
    [[nodiscard]] static Digest timelessDigest(std::string_view body);
    // The digest of a Prometheus /api/v1/alerts answer as a set of alerts: each alert hashed alone and
    // the hashes summed, as Prometheus lists a rule's alerts in Go's map order (another order on every
    // request), and each alert's own `"value":"…"` member left out (the expression's value at the last
    // evaluation, which Vigil does not read). The same alerts in the same states then have one digest;
    // a label, an annotation (a templated $value too), a state or an activeAt changed does not. An
    // answer of another shape has the digest of its bytes.
    [[nodiscard]] static Digest alertSetDigest(std::string_view body);

    [[nodiscard]] bool same(const std::string &key, std::string_view body) const {
        return same(key, digest(body));
    }
    [[nodiscard]] bool same(const std::string &key, const Digest &d) const;
    void remember(const std::string &key, std::string_view body, std::vector<std::string> warnings) {
        remember(key, digest(body), std::move(warnings));
    }
    void remember(const std::string &key, const Digest &d, std::vector<std::string> warnings);
    void forget(const std::string &key) { m_answers.erase(key); }
    // The warnings reading the remembered answer gave (none when nothing is remembered).
    [[nodiscard]] const std::vector<std::string> &warnings(const std::string &key) const;

private:
    struct Answer {
        Digest digest;
        std::vector<std::string> warnings;
    };
    std::map<std::string, Answer, std::less<>> m_answers;
};

} // namespace vigil
