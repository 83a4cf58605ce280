#include "answermemory.h"

#include <functional>

namespace vigil {

bool AnswerMemory::same(const std::string &key, std::string_view body) const {
    auto it = m_answers.find(key);
    return it != m_answers.end() && it->second.size == body.size() &&
           it->second.hash == std::hash<std::string_view>()(body);
}

void AnswerMemory::remember(const std::string &key, std::string_view body,
                            std::vector<std::string> warnings) {
    m_answers[key] = {std::hash<std::string_view>()(body), body.size(), std::move(warnings)};
}

const std::vector<std::string> &AnswerMemory::warnings(const std::string &key) const {
    static const std::vector<std::string> kNone;
    auto it = m_answers.find(key);
    return it == m_answers.end() ? kNone : it->second.warnings;
}

} // namespace vigil
