#include "simstatus.h"

#include <nlohmann/json.hpp>

namespace vigil::sim {

using json = nlohmann::json;

ServerReply promBuildInfo() {
    return ServerReply::json(json{{"status", "success"},
                                  {"data",
                                   {{"version", "2.42.0"},
                                    {"revision", "vigil-sim"},
                                    {"branch", "HEAD"},
                                    {"buildUser", "vigil-sim"},
                                    {"buildDate", "20260101-00:00:00"},
                                    {"goVersion", "go1.19"}}}}
                                 .dump());
}

ServerReply promStatusConfig(const std::string &externalLabels) {
    const std::string yaml = "global:\n"
                             "  scrape_interval: 15s\n"
                             "  scrape_timeout: 10s\n"
                             "  evaluation_interval: 15s\n"
                             "  external_labels: " +
                             externalLabels +
                             "\n"
                             "alerting:\n"
                             "  alertmanagers:\n"
                             "  - static_configs:\n"
                             "    - targets: [127.0.0.1:9093]\n"
                             "scrape_configs:\n"
                             "- job_name: sim\n"
                             "  honor_labels: true\n"
                             "  static_configs:\n"
                             "  - targets: [127.0.0.1:9090]\n";
    return ServerReply::json(json{{"status", "success"}, {"data", {{"yaml", yaml}}}}.dump());
}

} // namespace vigil::sim
