#include "regex.h"

#include <re2/re2.h>

namespace vigil {

std::shared_ptr<const Regex> Regex::compile(const std::string &pattern, std::string *error) {
    constexpr std::size_t kMaxLength = 4096;
    if (pattern.size() > kMaxLength) {
        if (error)
            *error = "longer than " + std::to_string(kMaxLength) + " characters";
        return nullptr;
    }
    RE2::Options options;
    options.set_log_errors(false); // the error goes to the operator, not to stderr
    options.set_max_mem(8 << 20);
    std::shared_ptr<Regex> out(new Regex);
    out->m_re = std::make_unique<re2::RE2>(pattern, options);
    if (!out->m_re->ok()) {
        if (error)
            *error = out->m_re->error();
        return nullptr;
    }
    return out;
}

Regex::~Regex() = default;

bool Regex::fullMatch(std::string_view s) const {
    return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *m_re);
}

} // namespace vigil
