// vigil-sim: a synthetic fleet behind the Prometheus v1 and Alertmanager v2 APIs, on 127.0.0.1.
#include "simserver.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

namespace {
volatile std::sig_atomic_t g_stop = 0;
void onSignal(int) {
    g_stop = 1;
}

void usage() {
    std::cout
        << "usage: vigil-sim [options]\n"
           "  --hosts N        number of hosts (default 2000)\n"
           "  --seed N         random seed; the fleet is deterministic from it (default 1)\n"
           "  --scenario NAME  steady | hotspots | rack-failure | db-failover | disk-degradation | drift | "
           "demo (default demo)\n"
           "  --speed X        simulated seconds per real second (default 1)\n"
           "  --port N         port on 127.0.0.1; 0 picks a free one (default 0)\n"
           "  --help           this text\n"
           "The first line on stdout is always: listening on http://127.0.0.1:PORT\n";
}
} // namespace

int main(int argc, char **argv) {
    vigil::sim::SimOptions opt;
    int port = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "vigil-sim: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        try {
            if (a == "--hosts")
                opt.hosts = std::stoi(next());
            else if (a == "--seed")
                opt.seed = std::stoull(next());
            else if (a == "--scenario")
                opt.scenario = next();
            else if (a == "--speed")
                opt.speed = std::stod(next());
            else if (a == "--port")
                port = std::stoi(next());
            else if (a == "--help" || a == "-h") {
                usage();
                return 0;
            } else {
                std::cerr << "vigil-sim: unknown option " << a << "\n";
                usage();
                return 2;
            }
        } catch (const std::exception &) {
            std::cerr << "vigil-sim: invalid value for " << a << "\n";
            return 2;
        }
    }
    if (opt.hosts < 1 || opt.hosts > 1'000'000 || port < 0 || port > 65535 || opt.speed <= 0) {
        std::cerr << "vigil-sim: --hosts must be 1..1000000, --port 0..65535, --speed positive\n";
        return 2;
    }
    if (!vigil::sim::SimFleet::isScenario(opt.scenario)) {
        std::string list;
        for (const auto &name : vigil::sim::SimFleet::scenarios())
            list += (list.empty() ? "" : ", ") + name;
        std::cerr << "vigil-sim: unknown scenario \"" << opt.scenario << "\" (" << list << ")\n";
        return 2;
    }
    vigil::sim::SimServer server(opt);
    std::string error;
    if (!server.start(static_cast<std::uint16_t>(port), &error)) {
        std::cerr << "vigil-sim: " << error << "\n";
        return 1;
    }
    std::cout << "listening on " << server.url() << std::endl;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return 0;
}
