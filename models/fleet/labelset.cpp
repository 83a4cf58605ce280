#include "labelset.h"

#include <algorithm>
#include <cstdio>

namespace vigil {

void sortByName(std::vector<Label> &labels) {
    auto byName = [](const Label &a, const Label &b) { return a.name < b.name; };
    if (!std::is_sorted(labels.begin(), labels.end(), byName))
        std::sort(labels.begin(), labels.end(), byName);
}

LabelSet::LabelSet(std::vector<Label> labels)
    : m_labels(std::move(labels)) {
    sortByName(m_labels);
    m_labels.erase(std::unique(m_labels.begin(), m_labels.end(),
                               [](const Label &a, const Label &b) { return a.name == b.name; }),
                   m_labels.end());
}

void LabelSet::set(std::string name, std::string value) {
    auto it = std::lower_bound(m_labels.begin(), m_labels.end(), name,
                               [](const Label &l, const std::string &n) { return l.name < n; });
    if (it != m_labels.end() && it->name == name)
        it->value = std::move(value);
    else
        m_labels.insert(it, Label{std::move(name), std::move(value)});
}

void LabelSet::remove(std::string_view name) {
    std::erase_if(m_labels, [name](const Label &l) { return l.name == name; });
}

std::string_view LabelSet::value(std::string_view name) const {
    auto it = std::lower_bound(m_labels.begin(), m_labels.end(), name,
                               [](const Label &l, std::string_view n) { return l.name < n; });
    if (it != m_labels.end() && it->name == name)
        return it->value;
    return {};
}

bool LabelSet::has(std::string_view name) const {
    return std::any_of(m_labels.begin(), m_labels.end(), [name](const Label &l) { return l.name == name; });
}

std::string LabelSet::toString() const {
    std::string out = "{";
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        if (i)
            out += ", ";
        out += m_labels[i].name;
        out += "=\"";
        for (char c : m_labels[i].value) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return out;
}

std::string LabelSet::fingerprint() const {
    std::uint64_t h = 14695981039346656037ull;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ull;
        }
        h ^= 0xffu;
        h *= 1099511628211ull;
    };
    for (const auto &l : m_labels) {
        mix(l.name);
        mix(l.value);
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

} // namespace vigil
