#pragma once
// What a poller last read from each of its requests: a hash and the size of the answer's bytes, and the
// warnings reading it gave. An answer with the same bytes need not be read again: what it gave is
// already in the fleet's state, and its warnings still hold.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

class AnswerMemory {
public:
    [[nodiscard]] bool same(const std::string &key, std::string_view body) const;
    void remember(const std::string &key, std::string_view body, std::vector<std::string> warnings);
    void forget(const std::string &key) { m_answers.erase(key); }
    // The warnings reading the remembered answer gave (none when nothing is remembered).
    [[nodiscard]] const std::vector<std::string> &warnings(const std::string &key) const;

private:
    struct Answer {
        std::size_t hash = 0;
        std::size_t size = 0;
        std::vector<std::string> warnings;
    };
    std::map<std::string, Answer, std::less<>> m_answers;
};

} // namespace vigil
