// Heavy ingest into a cache for tst_killnine: batches of host samples, alerts and one note carrying a
// sequence number; after each batch is committed it prints "committed N". The parent kills it with
// SIGKILL at a random moment and checks the cache.  Usage: stress_ingest CACHE FIRST_SEQ
#include "store/store.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace vigil;

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: stress_ingest CACHE FIRST_SEQ\n");
        return 2;
    }
    std::string err;
    auto store = Store::open(argv[1], &err);
    if (!store || store->readOnly()) {
        std::fprintf(stderr, "stress_ingest: %s\n", store ? store->readOnlyReason().c_str() : err.c_str());
        return 1;
    }
    const std::vector<MetricQuery> metrics{{"cpu", "CPU", MetricUnit::Ratio, "q"},
                                           {"mem", "Memory", MetricUnit::Ratio, "q"}};
    for (long seq = std::atol(argv[2]);; ++seq) {
        auto b = std::make_shared<StoreBatch>();
        b->time = 1'795'481'722'044 + seq * 15'000;
        b->metrics = metrics;
        for (int i = 0; i < 400; ++i) {
            Host h;
            h.name = "host-" + std::to_string(i) + ":9100";
            h.labels = LabelSet({{"instance", h.name}, {"rack", "r" + std::to_string(i % 20)}});
            h.up = UpState::Up;
            h.metrics = {double((seq + i) % 100) / 100, 0.5};
            h.lastSeen = b->time;
            b->hostSamples.push_back(h);
            if (seq % 7 == 0)
                b->hostsChanged.push_back(std::move(h));
        }
        for (int i = 0; i < 50; ++i) {
            Alert a;
            a.fingerprint = "fp" + std::to_string(seq % 13) + "-" + std::to_string(i);
            a.labels =
                LabelSet({{"alertname", "HighLoad"}, {"instance", "host-" + std::to_string(i) + ":9100"}});
            a.startsAt = b->time;
            b->alertsChanged.push_back(std::move(a));
        }
        b->notesAdded = {{"stress", "stress_ingest", "seq " + std::to_string(seq), b->time}};
        store->write(b);
        store->flush();
        if (!store->lastWriteError().empty()) {
            std::fprintf(stderr, "stress_ingest: %s\n", store->lastWriteError().c_str());
            return 1;
        }
        std::printf("committed %ld\n", seq);
        std::fflush(stdout);
    }
}
