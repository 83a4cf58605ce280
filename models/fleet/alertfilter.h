#pragma once
// The alert filter language of the triage view:
//   label matchers   alertname="HostDown" rack=~"eu1-a-.*" severity!=info instance!~"db-.*"
//   state            @state=active | suppressed | silenced | inhibited | pending | firing (also !=)
//   age              @age>10m  @age<2h   (since the alert started)
//   free text        anything else: a case-insensitive substring of the alert name, a label value or
//                    the summary
// All terms must hold. Parsing reports the first error with its position.
#include "alert.h"
#include "labelmatcher.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil {

class AlertFilter {
public:
    static std::optional<AlertFilter> parse(std::string_view text, std::string *error);

    [[nodiscard]] bool matches(const Alert &alert, TimeMs now) const;
    [[nodiscard]] bool empty() const;

private:
    enum class State { Active, Suppressed, Silenced, Inhibited, Pending, Firing };
    static bool inState(const Alert &a, State s);

    std::vector<LabelMatcher> m_matchers;
    // Regex matchers remember their answer per label value: alert names and racks repeat across
    // 100,000 alerts, and a regex costs more than a lookup. Used from one thread at a time.
    mutable std::vector<std::unordered_map<std::string, bool>> m_memo;
    std::vector<std::string> m_words;             // lower case
    std::vector<std::pair<State, bool>> m_states; // (state, wanted)
    std::optional<TimeMs> m_minAge, m_maxAge;
};

} // namespace vigil
