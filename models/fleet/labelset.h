#pragma once
// A Prometheus-style label set: small, sorted by name, cheap to compare and hash.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil {

struct Label {
    std::string name;
    std::string value;
    bool operator==(const Label &) const = default;
    auto operator<=>(const Label &) const = default;
};

// Sorts labels by name, checking first: Prometheus and Alertmanager send them sorted (Go marshals label
// sets as maps), and libstdc++'s insertion sort moves every label out and back in even then (3.8 % of a
// 5,000-host poll's CPU).
void sortByName(std::vector<Label> &labels);

class LabelSet {
public:
    LabelSet() = default;
    explicit LabelSet(std::vector<Label> labels);

    // Inserts or replaces; keeps the set sorted by name.
    void set(std::string name, std::string value);
    void remove(std::string_view name);
    // Empty string when absent, as PromQL treats a missing label.
    [[nodiscard]] std::string_view value(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const;
    [[nodiscard]] const std::vector<Label> &labels() const { return m_labels; }
    [[nodiscard]] bool empty() const { return m_labels.empty(); }
    [[nodiscard]] std::size_t size() const { return m_labels.size(); }
    // "{a="1", b="2"}" in PromQL notation.
    [[nodiscard]] std::string toString() const;
    // Alertmanager's fingerprint: FNV-1a 64 over sorted "name\xffvalue\xff", as 16 hex digits.
    [[nodiscard]] std::string fingerprint() const;

    bool operator==(const LabelSet &) const = default;

private:
    std::vector<Label> m_labels;
};

} // namespace vigil
