// One poll of 10,000 hosts (the node_exporter profile: up, 8 metrics, 5 fact queries; 14 queries) from
// vigil-sim over loopback, stage by stage. Prints BENCH lines; never fails on timing. poll.pipeline is
// the median (min, max) of five polls through the real FleetService.
#include "benchclock.h"
#include "hosts/hosttableview.h"
#include "item/hosttablemodel.h"
#include "net/gzip.h"
#include "net/httpclient.h"
#include "service/fleetservice.h"
#include "service/fleetstate.h"
#include "simserver.h"
#include "sources/alertmanageradapter.h"
#include "sources/answermemory.h"
#include "sources/fastalerts.h"
#include "sources/poller.h"
#include "sources/prometheusadapter.h"
#include "sources/promfastquery.h"
#include "store/store.h"
#include "support/stallwatchdog.h"

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <future>
#include <malloc.h>

using namespace vigil;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

Q_DECLARE_METATYPE(std::shared_ptr<const vigil::PollData>)

namespace {
void bench(const std::string &name, double value, const char *unit) {
    std::printf("BENCH %s %.2f %s\n", name.c_str(), value, unit);
    std::fflush(stdout);
}

long peakRssKb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

// Linux: writing 5 to clear_refs resets VmHWM to the present RSS, after glibc has given back what the
// comparisons above freed.
void resetPeakRss() {
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
}

std::shared_ptr<const PollData> poll(Poller &p) {
    QSignalSpy spy(&p, &Poller::polled);
    p.pollNow();
    if (!spy.wait(120000)) {
        std::fprintf(stderr, "poll did not finish\n");
        std::exit(1);
    }
    return spy.takeFirst().at(0).value<std::shared_ptr<const PollData>>();
}
} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    qRegisterMetaType<std::shared_ptr<const vigil::PollData>>();
    const int hosts = argc > 1 ? std::atoi(argv[1]) : 10000;
    const std::string tag = ".hosts=" + std::to_string(hosts);
    sim::SimOptions so;
    so.hosts = hosts;
    so.scenario = "steady";
    sim::SimServer server(so);
    std::string err;
    if (!server.start(0, &err)) {
        std::fprintf(stderr, "%s\n", err.c_str());
        return 1;
    }
    const QueryProfile profile = QueryProfile::nodeExporterDefault();
    SourceConfig src;
    src.name = "bench";
    src.prometheusUrl = server.url();
    src.timeoutMs = 60000;
    auto client = std::make_shared<HttpClient>();

    // The raw bodies of the round's 8 queries, for the parse-only reference.
    std::vector<std::string> queries{profile.upQuery};
    for (const auto &m : profile.metrics)
        queries.push_back(m.query);
    for (const auto &f : profile.facts)
        queries.push_back(f.query);
    std::vector<std::string> bodies;
    std::uint64_t wire = 0, inflated = 0;
    for (const auto &q : queries) {
        std::promise<HttpResponse> p;
        auto f = p.get_future();
        auto req = prometheus::queryRequest(server.url(), q);
        req.timeout = std::chrono::seconds(60);
        client->send(req, [&p](HttpResponse r) { p.set_value(std::move(r)); });
        auto r = f.get();
        wire += r.wireBytes;
        inflated += r.body.size();
        bodies.push_back(std::move(r.body));
    }
    bench("poll.bytes.wire" + tag, static_cast<double>(wire) / 1e6, "MB");
    bench("poll.bytes.json" + tag, static_cast<double>(inflated) / 1e6, "MB");
    // The round's answers read three ways, each the median of 5 runs (min and max after it): a plain
    // nlohmann document (the reference), nlohmann's document read into samples (the path for odd
    // answers) and the simdjson reader into samples (the hot path). The two readers must agree.
    auto timed = [&](const std::string &name, const std::function<std::size_t(const std::string &)> &read) {
        std::vector<double> runs;
        std::size_t n = 0;
        for (int rep = 0; rep < 5; ++rep) {
            auto t0 = Clock::now();
            n = 0;
            for (const auto &b : bodies)
                n += read(b);
            runs.push_back(ms(t0, Clock::now()));
        }
        std::printf("BENCH %s%s %.2f ms  # min %.2f max %.2f, %zu items\n", name.c_str(), tag.c_str(),
                    median(runs), *std::min_element(runs.begin(), runs.end()),
                    *std::max_element(runs.begin(), runs.end()), n);
        std::fflush(stdout);
        return median(runs);
    };
    const double parseOnly =
        timed("poll.parse_only", [](const std::string &b) { return nlohmann::json::parse(b).size(); });
    const double viaDocument = timed("poll.parse.nlohmann_document", [](const std::string &b) {
        auto r = prometheus::parseQueryDocument(b, "/q");
        return r ? r->vector.size() : std::size_t(0);
    });
    const double viaSimd = timed("poll.parse.simdjson", [](const std::string &b) {
        PromQueryResult r;
        Skipped s;
        return prometheus::parseQueryFast(b, r, s) ? r.vector.size() : std::size_t(0);
    });
    bench("poll.parse.nlohmann_over_simdjson" + tag, viaDocument / viaSimd, "x");
    // Inflating the round's answers as Prometheus sends them when asked (gzip).
    {
        std::vector<std::string> zipped;
        for (const auto &b : bodies)
            zipped.push_back(gzipCompress(b));
        std::swap(zipped, bodies);
        timed("poll.gunzip", [](const std::string &b) {
            std::string out;
            return static_cast<std::size_t>(gunzip(b, std::size_t(1) << 31, out) == InflateResult::Ok);
        });
        std::swap(zipped, bodies);
    }
    // What telling an unchanged answer costs (the facts are skipped when their digests hold).
    timed("poll.digest.timeless", [](const std::string &b) {
        return static_cast<std::size_t>(AnswerMemory::timelessDigest(b).size > 0);
    });
    for (const auto &b : bodies) {
        PromQueryResult c;
        Skipped s2;
        const auto document = prometheus::parseQueryDocument(b, "/q");
        if (!document || !prometheus::parseQueryFast(b, c, s2) ||
            document->vector.size() != c.vector.size()) {
            std::fprintf(stderr, "the two readers disagree on an answer\n");
            return 1;
        }
        const PromQueryResult &a = *document;
        for (std::size_t i = 0; i < a.vector.size(); ++i)
            if (!(a.vector[i].metric == c.vector[i].metric) || a.vector[i].time != c.vector[i].time ||
                !(a.vector[i].value == c.vector[i].value ||
                  (std::isnan(a.vector[i].value) && std::isnan(c.vector[i].value)))) {
                std::fprintf(stderr, "the two readers disagree on a sample\n");
                return 1;
            }
    }

    // Alertmanager's two large answers, read by the document reader and by the simdjson reader.
    for (const bool groups : {false, true}) {
        std::promise<HttpResponse> p;
        auto f = p.get_future();
        auto req =
            groups ? alertmanager::groupsRequest(server.url()) : alertmanager::alertsRequest(server.url());
        req.timeout = std::chrono::seconds(60);
        client->send(req, [&p](HttpResponse r) { p.set_value(std::move(r)); });
        bodies = {f.get().body};
        const std::string what = groups ? "groups" : "alerts";
        const double document =
            timed("poll.parse.am_" + what + ".nlohmann_document", [groups](const std::string &b) {
                return groups ? alertmanager::parseGroupsDocument(b)->size()
                              : alertmanager::parseAlertsDocument(b)->size();
            });
        const double simd = timed("poll.parse.am_" + what + ".simdjson", [groups](const std::string &b) {
            std::vector<Alert> alerts;
            std::vector<AlertGroup> list;
            return groups ? (alertmanager::parseGroupsFast(b, list) ? list.size() : 0)
                          : (alertmanager::parseAlertsFast(b, alerts) ? alerts.size() : 0);
        });
        bench("poll.parse.am_" + what + ".nlohmann_over_simdjson" + tag, document / simd, "x");
    }

    {
        // Prometheus' own alerts, read the same two ways.
        std::promise<HttpResponse> p;
        auto f = p.get_future();
        auto req = prometheus::getRequest(server.url(), "/api/v1/alerts");
        req.timeout = std::chrono::seconds(60);
        client->send(req, [&p](HttpResponse r) { p.set_value(std::move(r)); });
        bodies = {f.get().body};
        const double document = timed("poll.parse.prom_alerts.nlohmann_document", [](const std::string &b) {
            return prometheus::parseAlertsDocument(b)->size();
        });
        const double simd = timed("poll.parse.prom_alerts.simdjson", [](const std::string &b) {
            std::vector<PromRuleAlert> alerts;
            return prometheus::parseAlertsFast(b, alerts) ? alerts.size() : 0;
        });
        bench("poll.parse.prom_alerts.nlohmann_over_simdjson" + tag, document / simd, "x");
    }

    // Stages of a real Poller round (the second round: connections warm).
    Poller poller(client, src, SourceKind::Prometheus, server.url(), 0, profile);
    poll(poller);
    auto data = poll(poller);
    if (!data->health.lastError.empty() || data->hosts.size() != static_cast<std::size_t>(hosts)) {
        std::fprintf(stderr, "bad poll: %s (%zu hosts)\n", data->health.lastError.c_str(),
                     data->hosts.size());
        return 1;
    }
    bench("poll.http_receive" + tag, data->timings.receiveMs, "ms");
    bench("poll.parse" + tag, data->timings.parseMs, "ms");
    bench("poll.normalize" + tag, data->timings.normalizeMs, "ms");

    FleetState state(profile.metrics, profile.host);
    auto t0 = Clock::now();
    auto first = state.apply(*data);
    bench("poll.snapshot_build.first" + tag, ms(t0, Clock::now()), "ms");
    auto data2 = poll(poller);
    t0 = Clock::now();
    auto second = state.apply(*data2);
    bench("poll.snapshot_build" + tag, ms(t0, Clock::now()), "ms");

    QTemporaryDir dir;
    std::unique_ptr<Store> store =
        Store::open(dir.filePath(QStringLiteral("bench.sqlite")).toStdString(), &err);
    t0 = Clock::now();
    store->write(first.batch);
    store->flush();
    bench("poll.store_write.first" + tag, ms(t0, Clock::now()), "ms");
    t0 = Clock::now();
    store->write(second.batch);
    store->flush();
    bench("poll.store_write" + tag, ms(t0, Clock::now()), "ms");

    // GUI-thread work per poll: the host table (model + sorting/filtering proxy + view) takes a snapshot
    // in which every value moved.
    {
        HostTableModel bare;
        bare.setSnapshot(first.snapshot);
        QElapsedTimer t;
        t.start();
        bare.setSnapshot(second.snapshot);
        bench("poll.gui_thread.model_only" + tag, static_cast<double>(t.nsecsElapsed()) / 1e6, "ms");
    }
    HostTableModel model;
    HostTableView view(&model);
    view.resize(1600, 900);
    view.show();
    model.setSnapshot(first.snapshot);
    QElapsedTimer gui;
    gui.start();
    model.setSnapshot(second.snapshot);
    bench("poll.gui_thread" + tag, static_cast<double>(gui.nsecsElapsed()) / 1e6, "ms");

    // Pipeline: last response received → snapshot published on the GUI thread, through the real
    // FleetService (poller thread, parse, normalize, FleetState, store enqueue, queued signal).
    Config cfg;
    src.intervalMs = 3600'000;
    src.factsIntervalMs = 0; // every poll asks all 14 queries, facts included: the whole poll
    cfg.sources = {src};
    cfg.cachePath = dir.filePath(QStringLiteral("svc.sqlite")).toStdString();
    FleetService service(cfg);
    std::vector<double> pipeline;
    int published = 0;
    QObject::connect(&service, &FleetService::snapshotReady, &service, [&](const FleetSnapshotPtr &s) {
        if (s->pollReceivedNs == 0)
            return;
        const auto now =
            std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
        if (++published > 1) // the first includes opening the cache and every host being new
            pipeline.push_back(static_cast<double>(now - s->pollReceivedNs) / 1e6);
    });
    // The window takes every snapshot, as in the app; the watchdog reports the worst GUI-thread stall.
    QObject::connect(&service, &FleetService::snapshotReady, &model,
                     [&model](const FleetSnapshotPtr &s) { model.setSnapshot(s); });
    StallWatchdog dog(&view, std::chrono::milliseconds(16));
    dog.start();
    // The peak from here on: the service's polls, not the nlohmann documents compared above (the
    // in-process simulator's answers still count; the Vigil process's own peak is bench_pollcpu's).
    resetPeakRss();
    service.start();
    for (int i = 0; i < 6; ++i) {
        QSignalSpy spy(&service, &FleetService::snapshotReady);
        const int before = published;
        if (i > 0)
            service.refresh();
        while (published == before && spy.wait(60000)) {
        }
    }
    dog.stop();
    if (pipeline.empty())
        pipeline.push_back(0);
    const double pipelineMs = vigil::timing::median(pipeline);
    std::printf("BENCH poll.pipeline%s %.2f ms  # median of %zu, min %.2f max %.2f\n", tag.c_str(),
                pipelineMs, pipeline.size(), *std::min_element(pipeline.begin(), pipeline.end()),
                *std::max_element(pipeline.begin(), pipeline.end()));
    bench("poll.gui_worst_stall" + tag, dog.worstMs(), "ms");
    bench("poll.pipeline_over_parse_only" + tag, pipelineMs / parseOnly, "x");
    service.stop();
    std::printf("BENCH poll.peak_rss.bench_process%s %.2f MiB  # this process during the service's polls, "
                "the in-process simulator included\n",
                tag.c_str(), static_cast<double>(peakRssKb()) / 1024.0);
    return 0;
}
