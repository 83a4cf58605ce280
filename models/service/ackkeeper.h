#pragma once
// Acknowledgements: a short silence per acknowledged incident that Vigil extends while the incident is
// still there, lets run out once it is gone, and never extends past the policy's cap. Runs on the GUI
// thread; what it does to Alertmanager and to the fleet state goes through the actions it is given.
#include "../fleet/fleetsnapshot.h"
#include "../fleet/silence.h"
#include "../sources/apierror.h"

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigil {

class AckKeeper {
public:
    struct Policy {
        TimeMs duration = 30 * 60'000;     // each silence (and each extension) runs this long
        TimeMs extendBefore = 10 * 60'000; // extend when less than this is left
        TimeMs maxTotal = 12 * 3600'000;   // never extended past this long after it was given
    };
    using Done = std::function<void(Result<std::string>)>;
    struct Actions {
        std::function<void(const std::string &source, const Silence &, Done)> createSilence;
        std::function<void(const std::string &source, const std::string &id, Done)> expireSilence;
        std::function<void(const Acknowledgement &)> setAck;
        std::function<void(const std::string &incident)> clearAck;
    };

    explicit AckKeeper(Actions actions)
        : m_actions(std::move(actions)) {}
    void setPolicy(Policy policy) { m_policy = policy; }
    [[nodiscard]] const Policy &policy() const { return m_policy; }

    void acknowledge(const std::string &incident, const std::string &sourceName,
                     std::vector<SilenceMatcher> matchers, const std::string &author, Done done);
    // Expires the acknowledgement's silence now and forgets it.
    void unacknowledge(const FleetSnapshot *current, const std::string &incident, Done done);
    // Each new snapshot: extends what is due, lets go of what is over.
    void keep(const FleetSnapshot &snap);

private:
    void extend(const Acknowledgement &ack, const Silence &silence, TimeMs now);

    Actions m_actions;
    Policy m_policy;
    std::set<std::string> m_extending;          // incidents whose silence extension is in flight
    std::set<std::string> m_released;           // acknowledgements taken back (late extensions are undone)
    std::map<std::string, TimeMs> m_extendedTo; // the end each acknowledgement was last extended to
};

} // namespace vigil
