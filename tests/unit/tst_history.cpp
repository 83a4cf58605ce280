// History for the heat views (models/analysis/metricgrid, models/service/historyloader) and the hardware
// wear ranking (models/analysis/wear): grids from the store and from query_range, robust trends, and
// the simulator's degrading hosts and hot pools found through the whole pipeline.
#include "analysis/baseline.h"
#include "analysis/imbalance.h"
#include "analysis/metricgrid.h"
#include "analysis/wear.h"
#include "fleetfixtures.h"
#include "net/httpclient.h"
#include "service/fleetservice.h"
#include "service/historyloader.h"
#include "simfleet.h"
#include "simserver.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace vigil;
using namespace vigil::analysis;

namespace {
SourceConfig sourceFor(const std::string &url) {
    SourceConfig s;
    s.name = "sim";
    s.prometheusUrl = url;
    s.alertmanagerUrls = {url};
    s.intervalMs = 1000;
    s.timeoutMs = 5000;
    return s;
}

std::set<std::string> topHosts(const std::vector<HostWear> &r, std::size_t n) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < n && i < r.size(); ++i)
        out.insert(r[i].host);
    return out;
}
} // namespace

class TestHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void accumulatorMeansGapsAndMedian() {
        GridAccumulator acc("cpu", {"a", "b", "c"}, 1'000'000, 60'000, 5);
        QCOMPARE(acc.rowOf("b"), 1);
        QCOMPARE(acc.rowOf("zz"), -1);
        QCOMPARE(acc.bucketOf(999'999), -1);
        QCOMPARE(acc.bucketOf(1'000'000 + 5 * 60'000), -1);
        acc.add(0, 1, 0.2);
        acc.add(0, 1, 0.4);
        acc.add(1, 1, 0.9);
        acc.add(2, 1, std::nan(""));
        acc.add(1, 4, 0.5);
        QCOMPARE(acc.gaps(), (std::vector<std::pair<int, int>>{{0, 0}, {2, 3}}));
        const MetricGrid g = acc.finish();
        QCOMPARE(g.buckets, 5);
        QVERIFY(std::abs(g.at(0, 1) - 0.3F) < 1e-6);
        QVERIFY(std::isnan(g.at(2, 1)));
        QVERIFY(std::isnan(g.at(0, 0)));
        const auto med = g.median();
        QVERIFY(std::abs(med[1] - 0.9F) < 1e-6 || std::abs(med[1] - 0.3F) < 1e-6); // two values: upper middle
        QVERIFY(std::isnan(med[2]));
        QCOMPARE(stepForRange(24 * 3'600'000, 1440), std::int64_t(60'000));
        QCOMPARE(stepForRange(7 * 24 * 3'600'000LL, 2016), std::int64_t(300'000));
        QCOMPARE(stepForRange(3'600'000, 4000), std::int64_t(60'000)); // never below a minute
    }

    void theilSenIgnoresOutliers() {
        std::vector<double> x, y;
        for (int i = 0; i < 10; ++i) {
            x.push_back(i);
            y.push_back(2.0 * i + 1);
        }
        y[3] = 500; // one wild sample
        QCOMPARE(theilSenSlope(x, y), 2.0);
        QVERIFY(std::isnan(theilSenSlope({1}, {1})));
    }

    // A host trending to its limit ranks; a flat noisy one and a one-off spike do not.
    void wearRanksTrendsNotNoise() {
        GridAccumulator acc("realloc", {"flat", "rising", "soon", "spike"}, 0, 600'000, 144);
        for (int b = 0; b < 144; ++b) {
            acc.add(0, b, 20 + ((b * 7919) % 13) - 6.0); // noise around 20
            acc.add(1, b, 100 + 2.0 * b);                // +12 per hour
            acc.add(2, b, 380 + 1.0 * b);                // +6 per hour, past the limit by now
            acc.add(3, b, b == 70 ? 480.0 : 10.0);       // one bad reading
        }
        const MetricGrid g = acc.finish();
        const auto r = rankWear({{&g, "Reallocated sectors", 500}});
        QCOMPARE(r.size(), std::size_t(2));
        QCOMPARE(r[0].host, std::string("soon")); // 524 now: at the limit
        QCOMPARE(r[0].hoursToFailure, 0.0);
        QCOMPARE(r[1].host, std::string("rising")); // 388 now, +12 an hour: about 9 h left
        QVERIFY(std::abs(r[1].trends[0].slopePerHour - 12.0) < 0.5);
        QVERIFY(r[0].hoursToFailure < 24 && r[1].hoursToFailure < 24);
        QCOMPARE(replaceSoon(r).size(), std::size_t(2));
        // Already past the limit: zero hours, full urgency.
        GridAccumulator past("t", {"hot"}, 0, 600'000, 10);
        for (int b = 0; b < 10; ++b)
            past.add(0, b, 90);
        const MetricGrid pg = past.finish();
        const auto pr = rankWear({{&pg, "Temperature", 85}});
        QCOMPARE(pr.size(), std::size_t(1));
        QCOMPARE(pr[0].hoursToFailure, 0.0);
        QCOMPARE(pr[0].score, 1.0);
    }

    // The store's minutes fill their buckets; what it lacks comes from the source's query_range, and
    // both agree with the simulator.
    void historyFromStoreAndRange() {
        QTemporaryDir dir;
        sim::SimOptions o;
        o.hosts = 40;
        o.scenario = "steady";
        sim::SimServer server(o);
        std::string err;
        QVERIFY(server.start(0, &err));
        const TimeMs now = nowMs();
        std::shared_ptr<Store> store =
            Store::open(dir.filePath(QStringLiteral("h.sqlite")).toStdString(), &err);
        QVERIFY2(store, err.c_str());
        // Two stored minutes for two hosts, the last two buckets of the range.
        const auto profile = QueryProfile::nodeExporterDefault();
        const TimeMs to = now / 60'000 * 60'000;
        for (int m = 1; m <= 2; ++m) {
            auto b = std::make_shared<StoreBatch>();
            b->time = to - m * 60'000 + 1000;
            b->metrics = profile.metrics;
            for (const char *name : {"web-00000:9100", "web-00001:9100"}) {
                Host h;
                h.name = name;
                h.labels = LabelSet(std::vector<Label>{{"instance", name}});
                h.up = UpState::Up;
                h.metrics.assign(profile.metrics.size(), 0.5 + m * 0.1);
                b->hostsChanged.push_back(h);
                b->hostSamples.push_back(h);
            }
            store->write(b);
        }
        store->flush();
        auto client = std::make_shared<HttpClient>(HttpClient::Options{});
        HistoryJob job;
        job.metricKey = "cpu";
        job.query = profile.metrics[0].query;
        for (const auto &h : server.fleet().hosts())
            job.hosts.push_back(h.instance);
        std::sort(job.hosts.begin(), job.hosts.end());
        job.stepMs = 60'000;
        job.from = to - 30 * 60'000;
        job.buckets = 30;
        job.sources = {sourceFor(server.url())};
        job.store = store;
        job.client = client;
        job.maxPointsPerRequest = 200; // five buckets per request: the range is fetched in pieces
        const MetricGrid g = loadHistory(job, to);
        QVERIFY2(g.warnings.empty(), g.warnings.empty() ? "" : g.warnings[0].c_str());
        QCOMPARE(g.storeBuckets, 2);
        QCOMPARE(g.rangeBuckets, 28);
        const int row0 = g.row("web-00000:9100");
        QVERIFY(row0 >= 0);
        QVERIFY(std::abs(g.at(static_cast<std::size_t>(row0), 29) - 0.6F) < 1e-6);        // stored minute
        QVERIFY(std::isnan(g.at(static_cast<std::size_t>(g.row("web-00002:9100")), 29))); // not stored
        // Range buckets: the simulator's value at the bucket's middle.
        std::size_t simIndex = 0;
        while (server.fleet().hosts()[simIndex].instance != "web-00002:9100")
            ++simIndex;
        const int row2 = g.row("web-00002:9100");
        for (int b = 0; b < 28; ++b) {
            const double want = server.fleet().metric(simIndex, 0, g.bucketStart(b) + 30'000);
            QVERIFY2(std::abs(g.at(static_cast<std::size_t>(row2), b) - want) < 1e-4,
                     std::to_string(b).c_str());
        }
        // A query the source refuses: a warning naming it, the stored part kept. A minute stored in the
        // middle leaves two gaps; the source that refused the first is not asked for the second, and
        // says so once.
        {
            auto b = std::make_shared<StoreBatch>();
            b->time = to - 20 * 60'000 + 1000;
            b->metrics = profile.metrics;
            Host h;
            h.name = "web-00000:9100";
            h.labels = LabelSet(std::vector<Label>{{"instance", h.name}});
            h.up = UpState::Up;
            h.metrics.assign(profile.metrics.size(), 0.5);
            b->hostsChanged.push_back(h);
            b->hostSamples.push_back(h);
            store->write(b);
            store->flush();
        }
        job.query = "bogus(";
        const MetricGrid bad = loadHistory(job);
        QCOMPARE(bad.storeBuckets, 3);
        QCOMPARE(bad.rangeBuckets, 0);
        QCOMPARE(bad.warnings.size(), std::size_t(1));
        QVERIFY2(bad.warnings[0].find("query_range") != std::string::npos, bad.warnings[0].c_str());

        // A minute later the view asks again. The source fails every range query now: the settled
        // buckets (ended two minutes before the first load) come from the first grid, the two stored
        // minutes from the store, and only the newest minute is asked for.
        QCOMPARE(g.settledBefore, to - 120'000);
        server.setFault({sim::SimServer::FaultKind::ServerError, "/api/v1/query_range", {}, 0});
        HistoryJob later = job;
        later.query = profile.metrics[0].query;
        later.from = to - 29 * 60'000;
        later.previous = std::make_shared<const MetricGrid>(g);
        const MetricGrid next = loadHistory(later, to + 60'000);
        QCOMPARE(next.rangeBuckets, 27);
        QCOMPARE(next.storeBuckets, 2);
        QCOMPARE(next.warnings.size(), std::size_t(1)); // the newest minute, asked and refused
        for (int b = 0; b < 27; ++b)
            QCOMPARE(next.at(static_cast<std::size_t>(row2), b), g.at(static_cast<std::size_t>(row2), b + 1));
        QVERIFY(std::isnan(next.at(static_cast<std::size_t>(row2), 29)));
        QCOMPARE(next.settledBefore, to - 60'000); // the margin; the unanswered minute is after it
        // Another query, or a grid settled only up to its 11th bucket, gives no more than it holds.
        later.query = profile.metrics[0].query + " * 2";
        QCOMPARE(loadHistory(later, to + 60'000).rangeBuckets, 0);
        later.query = profile.metrics[0].query;
        MetricGrid early = g;
        early.settledBefore = g.from + 11 * 60'000;
        later.previous = std::make_shared<const MetricGrid>(early);
        const MetricGrid partly = loadHistory(later, to + 60'000);
        QCOMPARE(partly.rangeBuckets, 10);
        QVERIFY(!std::isnan(partly.at(static_cast<std::size_t>(row2), 9)));
        QVERIFY(std::isnan(partly.at(static_cast<std::size_t>(row2), 10)));
        client->shutdown();
    }

    // Drift's history is exact: with the simulator's drift spreading while Vigil polls, the cache's
    // first-seen of every drifted value lies within one poll interval of the moment the simulator
    // injected it (sim time mapped to real time), and a past moment is rebuilt from the cache.
    void driftFirstSeenWithinOnePoll() {
        QTemporaryDir dir;
        sim::SimOptions o;
        o.hosts = 200;
        o.seed = 5;
        o.scenario = "drift";
        o.speed = 1200; // a real second is 20 simulated minutes: the 2 h spread passes in 6 s
        sim::SimServer server(o);
        std::string err;
        QVERIFY(server.start(0, &err));
        auto &fleet = server.fleet();
        const TimeMs realStart = fleet.phaseStart(0); // the simulation started at this real moment
        Config c;
        c.sources = {sourceFor(server.url())};
        c.sources[0].intervalMs = 300;
        c.sources[0].factsIntervalMs = 0; // asked every poll: first-seen is exact to one poll
        c.sources[0].alertmanagerUrls.clear();
        c.cachePath = dir.filePath(QStringLiteral("d.sqlite")).toStdString();
        FleetService service(c);
        service.start();
        const TimeMs simEnd = realStart + 2 * 3'600'000 + 10 * 60'000;
        // While the drift spreads, the drift report (judged incrementally: only the hosts each poll
        // changed) must equal a full evaluation of the same snapshot.
        int agreed = 0, asked = 0;
        QString disagreement;
        QObject context;
        auto askDrift = [&] {
            ++asked;
            const auto snap = service.current();
            service.loadDrift(0, &context, [&, snap](FleetService::DriftPtr d) {
                const auto full = analysis::evaluateBaseline(*d->baseline, snap->hosts, snap->facts);
                auto keys = [](const analysis::BaselineReport &r) {
                    std::vector<std::string> k;
                    for (const auto &v : r.violations)
                        k.push_back(v.host + " " + v.rule->fact + "=" + v.actual.value_or("-"));
                    return k;
                };
                if (keys(full) == keys(d->report) && full.hostsChecked == d->report.hostsChecked)
                    ++agreed;
                else
                    disagreement = QStringLiteral("%1 violations incrementally, %2 in full")
                                       .arg(d->report.violations.size())
                                       .arg(full.violations.size());
            });
        };
        TimeMs nextAsk = 0;
        QVERIFY(test::waitForSnapshot(
            service,
            [&](const FleetSnapshot &) {
                if (nowMs() >= nextAsk && !service.current()->facts.empty()) {
                    askDrift();
                    nextAsk = nowMs() + 1200;
                }
                return fleet.now() >= simEnd;
            },
            200));
        // A poll that started after the spread ended must have landed (on a slow build, under the address
        // sanitizer, one poll can take a simulated hour).
        const TimeMs spreadEnded = nowMs();
        QVERIFY(test::waitForSnapshot(
            service,
            [&](const FleetSnapshot &s) {
                return !s.sources.empty() &&
                       std::all_of(s.sources.begin(), s.sources.end(), [&](const auto &src) {
                           return src.lastAttempt > spreadEnded && src.lastSuccess >= src.lastAttempt;
                       });
            },
            200));
        askDrift();
        QTRY_VERIFY_WITH_TIMEOUT(agreed >= 3 || !disagreement.isEmpty(), 20000);
        QVERIFY2(disagreement.isEmpty(), qPrintable(disagreement));
        const auto store = service.store();
        QVERIFY(store);
        store->flush();
        const TimeMs now = nowMs();
        const auto history = store->factsAt(now);
        auto toReal = [&](TimeMs simT) {
            return realStart + static_cast<TimeMs>((simT - realStart) / o.speed);
        };
        int checked = 0;
        for (std::size_t i = 0; i < fleet.hosts().size(); ++i) {
            const auto finalFacts = fleet.facts(i, fleet.now());
            const auto startFacts = fleet.facts(i, realStart);
            for (std::size_t k = 0; k < finalFacts.size(); ++k) {
                if (finalFacts[k].value == startFacts[k].value || finalFacts[k].value == "absent")
                    continue; // not injected while Vigil watched
                // The injection: the first simulated moment the drifted value is there (it stays).
                TimeMs lo = realStart, hi = fleet.now();
                while (hi - lo > 1000) {
                    const TimeMs mid = lo + (hi - lo) / 2;
                    (fleet.facts(i, mid)[k].value == finalFacts[k].value ? hi : lo) = mid;
                }
                const std::string name = finalFacts[k].family + "." + finalFacts[k].key;
                auto it = history.firstSeen.find({fleet.hosts()[i].instance, name, finalFacts[k].value});
                QVERIFY2(it != history.firstSeen.end(), (fleet.hosts()[i].instance + " " + name).c_str());
                const TimeMs delta = it->second - toReal(hi);
                // Within one poll interval (300 ms), give or take the round's own latency on a busy machine
                // (several times longer under the address sanitizer).
#if defined(__SANITIZE_ADDRESS__)
                constexpr TimeMs kRoundLatency = 3000;
#else
                constexpr TimeMs kRoundLatency = 700;
#endif
                QVERIFY2(delta >= -500 && delta <= 300 + kRoundLatency,
                         (name + " on " + fleet.hosts()[i].instance + ": first seen " +
                          std::to_string(delta) + " ms after the injection")
                             .c_str());
                ++checked;
            }
        }
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
        // Point lookups (what the drift view asks for its violations) agree with the full read.
        std::vector<Fact> some(history.facts.begin(),
                               history.facts.begin() + std::min<std::ptrdiff_t>(300, history.facts.size()));
        const auto points = store->firstSeenOf(some, now);
        QCOMPARE(points.size(), some.size());
        for (const auto &[key, t] : points)
            QCOMPARE(t, history.firstSeen.at(key));
        // A past moment is rebuilt from the cache: early on fewer hosts ran the old openssl than now.
        auto oldOpenssl = [](const std::vector<Fact> &facts) {
            return std::count_if(facts.begin(), facts.end(),
                                 [](const Fact &f) { return f.value == "3.0.9"; });
        };
        const auto early = store->factsAt(realStart + 1500);
        QVERIFY(!early.facts.empty());
        QVERIFY2(oldOpenssl(early.facts) < oldOpenssl(history.facts),
                 qPrintable(QStringLiteral("%1 then, %2 now")
                                .arg(oldOpenssl(early.facts))
                                .arg(oldOpenssl(history.facts))));
        // "New since the last report", with the last report early on: the drift only spread (the
        // simulator never reverts one), so nothing was fixed and what is new is the difference.
        const TimeMs lastReport = realStart + 1500;
        FleetService::DriftPtr since;
        service.loadDrift(lastReport, &context, [&](FleetService::DriftPtr d) { since = std::move(d); });
        QTRY_VERIFY_WITH_TIMEOUT(since != nullptr, 20000);
        QCOMPARE(since->since, lastReport);
        const auto then = analysis::evaluateBaseline(*since->baseline, service.current()->hosts, early.facts);
        QCOMPARE(since->fixedSince, 0);
        QVERIFY(since->newSince > 0);
        QCOMPARE(since->newSince, static_cast<int>(since->report.violations.size() - then.violations.size()));
        int perCluster = 0;
        for (const auto &c : since->report.clusters)
            perCluster += c.newSince;
        QCOMPARE(perCluster, since->newSince);
        service.stop();
    }

    // The Done-when of the heatmaps issue, through the whole pipeline: with the simulator's
    // disk-degradation scenario the degrading hosts rank first by wear, and in hotspots the pools with
    // redlining hosts rank first by imbalance (against /sim/truth's lists).
    void simulatorTruthRanksFirst_data() {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("disk-degradation") << "disk-degradation";
        QTest::newRow("hotspots") << "hotspots";
    }
    void simulatorTruthRanksFirst() {
        QFETCH(QString, scenario);
        QTemporaryDir dir;
        sim::SimOptions o;
        o.hosts = 600;
        o.seed = 7;
        o.scenario = scenario.toStdString();
        sim::SimServer server(o);
        std::string err;
        QVERIFY(server.start(0, &err));
        Config c;
        c.sources = {sourceFor(server.url())};
        c.cachePath = dir.filePath(QStringLiteral("c.sqlite")).toStdString();
        FleetService service(c);
        service.start();
        QVERIFY(test::waitForSnapshot(
            service, [](const FleetSnapshot &s) { return s.hosts.size() == 600 && !s.fromCache; }));
        const auto truth = server.fleet().truth(server.fleet().now());
        if (scenario == QLatin1String("hotspots")) {
            QVERIFY(!truth.hotHosts.empty());
            std::set<std::string> pools;
            for (const auto &h : service.current()->hosts)
                if (std::find(truth.hotHosts.begin(), truth.hotHosts.end(), h.name) != truth.hotHosts.end())
                    pools.insert(std::string(h.labels.value("service")));
            const auto snap = service.current();
            QVERIFY(snap->imbalance && snap->imbalance->size() > pools.size());
            for (std::size_t k = 0; k < pools.size(); ++k)
                QVERIFY2(pools.count((*snap->imbalance)[k].group), (*snap->imbalance)[k].group.c_str());
            // And their redlining hosts are the simulator's hot ones, plus any the time of day pushed over
            // the line too (the simulator's load follows a daily curve: at 08:30 UTC busy hosts of the
            // inference pool reach 0.85): every simulator-hot host of those pools is flagged, every
            // flagged host is at or over the threshold, and most of them are the simulator's.
            const int li = snap->metricIndexOf(snap->load.metric);
            QVERIFY(li >= 0);
            std::set<std::string> flagged;
            int fromTruth = 0;
            for (std::size_t k = 0; k < pools.size(); ++k)
                for (int hi : (*snap->imbalance)[k].hot) {
                    const Host &h = snap->hosts[static_cast<std::size_t>(hi)];
                    flagged.insert(h.name);
                    const bool simHot = std::find(truth.hotHosts.begin(), truth.hotHosts.end(), h.name) !=
                                        truth.hotHosts.end();
                    fromTruth += simHot;
                    QVERIFY2(simHot || h.metrics[static_cast<std::size_t>(li)] >= (*snap->imbalance)[k].hotAt,
                             h.name.c_str());
                }
            for (const auto &name : truth.hotHosts)
                QVERIFY2(flagged.count(name), name.c_str());
            QVERIFY2(fromTruth * 2 > static_cast<int>(flagged.size()),
                     qPrintable(QStringLiteral("%1 of %2").arg(fromTruth).arg(flagged.size())));
            service.stop();
            return;
        }
        QVERIFY(truth.degradingHosts.size() >= 5);
        FleetService::WearPtr report;
        service.loadWear(24, this, [&](FleetService::WearPtr r) { report = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(report != nullptr, 30000);
        QVERIFY2(report->warnings.empty(), report->warnings.empty() ? "" : report->warnings[0].c_str());
        QCOMPARE(report->hostsJudged, std::size_t(600));
        const std::set<std::string> want(truth.degradingHosts.begin(), truth.degradingHosts.end());
        QCOMPARE(topHosts(report->ranking, want.size()), want);
        // Each is projected to fail within the replace-soon horizon, and the fit names a real trend.
        for (std::size_t k = 0; k < want.size(); ++k) {
            QVERIFY(report->ranking[k].hoursToFailure < 14 * 24);
            QVERIFY(!report->ranking[k].trends.empty());
        }
        service.stop();
    }
};

// (Drift history lives in the same store; its truth test sits here with the other pipeline tests.)
QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
