#pragma once
// Drift baselines as operators write them (YAML), with errors naming file, line and key:
//
//   layers:
//     - name: everyone                    # a base for every host (no match)
//       facts:
//         os.version_id: "12"             # shorthand for {equals: "12"}
//         package.openssl: {version: ">= 3.0.11", severity: critical}
//     - name: db
//       match: 'role="db"'                # label matchers, all must hold
//       facts:
//         sysctl.vm.swappiness: {one_of: ["1"]}
//         uname.release: {regex: '6\.1\..*'}
//         package.telnetd: {absent: true}
//
// Later layers override earlier ones for the facts they name.
#include "../config/config.h"
#include "baseline.h"
#include "drift.h"

#include <optional>
#include <string>

namespace vigil {

class BaselineLoader {
public:
    static std::optional<analysis::Baseline> loadFile(const std::string &path, ConfigError *error);
    static std::optional<analysis::Baseline> loadString(const std::string &text, const std::string &fileName,
                                                        ConfigError *error);
    // The consensus (majority value per role and fact) written as a baseline to review and commit.
    static std::string fromConsensus(const analysis::DriftReport &consensus, const std::string &roleLabel);
};

} // namespace vigil
