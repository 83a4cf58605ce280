#pragma once
// Every reader of untrusted input, by name: the adapter entry points (wireentries.h) and the config,
// baseline and edges readers, the label-matcher and alert-filter languages, the facts' digest and gzip
// inflation. The fuzz
// binary (tests/fuzz) drives one of them per run; tst_fuzzregressions replays every seed and every input
// a fuzzer once crashed on through the same table in the ordinary build.
#include "wireentries.h"

#include "analysis/baselineloader.h"
#include "config/config.h"
#include "fleet/alert.h"
#include "fleet/alertfilter.h"
#include "fleet/labelmatcher.h"
#include "net/gzip.h"
#include "snapshot/snapshotfile.h"
#include "sources/answermemory.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <string>
#include <string_view>
#include <vector>

namespace vigil::test {

using Reader = void (*)(std::string_view input);

struct FuzzTarget {
    std::string name;
    const WireEntry *wire = nullptr; // an adapter entry point, or
    Reader read = nullptr;           // another reader
};

// Reads one input with the named target; aborts when a wire error says nothing (a typed error must).
inline void readWith(const FuzzTarget &t, std::string_view in) {
    if (t.wire) {
        const auto o = t.wire->parse(in);
        if (!o.ok && o.error.message.empty())
            std::abort();
    } else {
        t.read(in);
    }
}

inline const std::vector<FuzzTarget> &fuzzTargets() {
    static const std::vector<FuzzTarget> all = [] {
        std::vector<FuzzTarget> t;
        for (const auto &e : wireEntries())
            t.push_back({e.name, &e, nullptr});
        t.push_back({"config", nullptr, [](std::string_view in) {
                         ConfigError err;
                         auto c = ConfigLoader::loadString(std::string(in), "fuzz.yaml", &err);
                         if (c)
                             ConfigLoader::validate(*c, &err);
                     }});
        t.push_back({"baseline", nullptr, [](std::string_view in) {
                         ConfigError err;
                         auto b = BaselineLoader::loadString(std::string(in), "baseline.yaml", &err);
                         (void)b;
                     }});
        t.push_back({"edges", nullptr, [](std::string_view in) {
                         ConfigError err;
                         auto e = ConfigLoader::loadEdgesString(std::string(in), "edges.yaml", &err);
                         (void)e;
                     }});
        t.push_back({"labelfilter", nullptr, [](std::string_view in) {
                         std::string err;
                         if (auto f = LabelFilter::parse(in, &err)) {
                             const LabelSet labels(std::vector<Label>{
                                 {"instance", "web-1:9100"}, {"role", "db"}, {"region", "eu1"}});
                             (void)f->matches(labels, "web-1");
                         }
                     }});
        t.push_back({"alertfilter", nullptr, [](std::string_view in) {
                         std::string err;
                         if (auto f = AlertFilter::parse(in, &err)) {
                             Alert a;
                             a.labels = LabelSet(
                                 std::vector<Label>{{"alertname", "HostDown"}, {"severity", "critical"}});
                             a.annotations = LabelSet(std::vector<Label>{{"summary", "host web-1 is down"}});
                             (void)f->matches(a, 1'700'000'000'000);
                         }
                     }});
        // An incident snapshot file: opened (and, when it opens, replayed) from a file of this process.
        t.push_back({"snapshot", nullptr, [](std::string_view in) {
                         static const std::string path =
                             (std::filesystem::temp_directory_path() /
                              ("vigil-fuzz-" + std::to_string(::getpid()) + ".vigil"))
                                 .string();
                         {
                             std::ofstream out(path, std::ios::binary | std::ios::trunc);
                             out.write(in.data(), static_cast<std::streamsize>(in.size()));
                         }
                         std::string err;
                         if (const auto f = snapshot::SnapshotFile::open(path, &err)) {
                             const TimeMs mid = f->info().from / 2 + f->info().to / 2;
                             for (TimeMs t : {f->info().from, mid, f->info().to})
                                 (void)f->stateAt(t);
                             (void)f->activeAlertsPerMinute();
                             (void)f->factsAt(mid);
                         } else if (err.empty()) {
                             std::abort(); // a refusal always says why
                         }
                     }});
        // The facts' and the rule alerts' digests walk any answer's bytes (seeded with the recorded
        // answers, as prom.*).
        t.push_back({"prom.digest", nullptr, [](std::string_view in) {
                         if (AnswerMemory::timelessDigest(in).size > in.size() ||
                             AnswerMemory::alertSetDigest(in).size > in.size())
                             std::abort();
                     }});
        t.push_back({"gunzip", nullptr, [](std::string_view in) {
                         std::string out;
                         (void)gunzip(in, 1 << 20, out);
                     }});
        return t;
    }();
    return all;
}

} // namespace vigil::test
