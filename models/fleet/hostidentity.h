#pragma once
// Who a host is, whatever scrapes it: the labels that name a machine, tried in order (a Kubernetes
// fleet names it by `node` on kube-state-metrics series and by `instance` on node_exporter's), and
// whether `host:port` names the machine without its port. Every sample, fact and alert goes through
// the same resolver, so one machine is one host in every view, silence and count.
#include "alert.h"
#include "labelset.h"

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

struct HostIdentity {
    std::vector<std::string> labels{"instance"}; // the first one set names the host
    bool stripPort = false; // "10.0.0.5:9100", "[fe80::1]:9100" and "web-1:9256" name the machine

    // The host the labels put it on (a view into them); empty when none of the labels is set.
    [[nodiscard]] std::string_view hostOf(const LabelSet &labels) const;
    // The same for an alert: its own labels, then those a join placed it by (identity order first).
    [[nodiscard]] std::string_view hostOf(const Alert &alert) const;
    // The label that named it; empty when none did.
    [[nodiscard]] std::string_view labelOf(const LabelSet &labels) const;
    // "web-1:9100" -> "web-1", "[fe80::1]:9100" -> "fe80::1"; anything else unchanged.
    [[nodiscard]] static std::string_view withoutPort(std::string_view value);
    // The label list as the config writes it: "instance", "node, instance (port stripped)".
    [[nodiscard]] std::string describe() const;

    bool operator==(const HostIdentity &) const = default;
};

} // namespace vigil
