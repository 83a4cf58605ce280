// vigil-sim under load: response time for each query of the default profile at 10,000 and 100,000
// hosts over HTTP on loopback, and requests per second with four concurrent clients. BENCH lines.
#include "benchclock.h"
#include "fleet/queryprofile.h"
#include "net/httpclient.h"
#include "simserver.h"
#include "sources/prometheusadapter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

using namespace vigil;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

namespace {
HttpResponse fetch(HttpClient &client, HttpRequest req) {
    std::promise<HttpResponse> p;
    auto f = p.get_future();
    client.send(std::move(req), [&p](HttpResponse r) { p.set_value(std::move(r)); });
    return f.get();
}
} // namespace

int main() {
    for (int hosts : {10000, 100000}) {
        sim::SimOptions o;
        o.hosts = hosts;
        o.scenario = "steady";
        sim::SimServer server(o);
        std::string err;
        if (!server.start(0, &err)) {
            std::fprintf(stderr, "bench_sim: %s\n", err.c_str());
            return 1;
        }
        HttpClient::Options co;
        co.maxConcurrentPerBucket = 4;
        HttpClient client(co);
        const auto profile = QueryProfile::nodeExporterDefault();
        std::vector<std::pair<std::string, std::string>> queries{{"up", profile.upQuery}};
        for (const auto &m : profile.metrics)
            queries.emplace_back(m.key, m.query);
        for (const auto &[key, query] : queries) {
            std::vector<double> times;
            std::uint64_t bytes = 0;
            for (int i = 0; i < 5; ++i) {
                auto t0 = Clock::now();
                auto r = fetch(client, prometheus::queryRequest(server.url(), query));
                times.push_back(ms(t0, Clock::now()));
                if (!r.ok()) {
                    std::fprintf(stderr, "bench_sim: %s: %s\n", key.c_str(), r.describe().c_str());
                    return 1;
                }
                bytes = r.body.size();
            }
            std::sort(times.begin(), times.end());
            std::printf("BENCH sim.query_%s.hosts=%d %.2f ms\n", key.c_str(), hosts, times[times.size() / 2]);
            if (key == "cpu")
                std::printf("BENCH sim.query_cpu.bytes.hosts=%d %.2f MB\n", hosts,
                            static_cast<double>(bytes) / 1e6);
        }
        // Throughput: four clients asking for CPU back to back for two seconds.
        std::atomic<int> done{0};
        std::atomic<bool> stop{false};
        std::vector<std::thread> clients;
        const auto t0 = Clock::now();
        for (int c = 0; c < 4; ++c)
            clients.emplace_back([&] {
                while (!stop) {
                    if (fetch(client, prometheus::queryRequest(server.url(), profile.metrics[0].query)).ok())
                        ++done;
                }
            });
        std::this_thread::sleep_for(std::chrono::seconds(2));
        stop = true;
        for (auto &t : clients)
            t.join();
        std::printf("BENCH sim.rps.query_cpu.hosts=%d %.1f req/s\n", hosts,
                    done * 1000.0 / ms(t0, Clock::now()));
    }
    return 0;
}
