#pragma once
// vigil-sim's Prometheus status endpoints: what a real Prometheus 2.42 answers on
// /api/v1/status/buildinfo and /api/v1/status/config.
#include "httpserver.h"

#include <string>

namespace vigil::sim {

ServerReply promBuildInfo();
// The configuration as YAML inside JSON; `externalLabels` is YAML for global.external_labels
// ("{}" for none), as a fleet's Prometheus declares them.
ServerReply promStatusConfig(const std::string &externalLabels);

} // namespace vigil::sim
