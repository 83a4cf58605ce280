// Triage: accuracy per suite (vigil-sim's storms against their ground truth; storms recorded from the
// real Prometheus and Alertmanager, tests/data/<fleet>/<storm>, against truth written by hand, through
// the real vigil binary; storms vigil-sim does not make, against answers written from each scenario),
// and correlation cost at 100,000 active alerts (full, and an incremental poll
// where 1% of alerts change). Prints BENCH lines.
#include "adversarialstorms.h"
#include "analysis/correlation.h"
#include "benchclock.h"
#include "item/alerttablemodel.h"
#include "item/incidentmodel.h"
#include "recordedstorm.h"
#include "triage/triageview.h"
#include "triagereplay.h"

#include <QApplication>
#include <QDir>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace vigil;
using vigil::timing::Clock;
using vigil::timing::median;
using vigil::timing::ms;

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Accuracy: ten seeds of each storm kind with unrelated background alerts.
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t s = 101; s <= 110; ++s)
        seeds.push_back(s);
    const auto score = test::replay({"rack-failure", "db-failover", "mixed"}, seeds, 2000, 80);
    std::printf("BENCH triage.storms %d storms\n", score.storms);
    std::printf("BENCH triage.root_cause_top1 %.1f %%\n", 100.0 * score.rootCauseTop / score.storms);
    std::printf("BENCH triage.root_cause_top1.simulator %.1f %% (%d storms)\n",
                100.0 * score.rootCauseTop / score.storms, score.storms);
    // Recorded storms, strictly the first incident's cause, one line per storm then the suite.
    {
        const QString data = qEnvironmentVariable("VIGIL_TEST_DATA");
        const QString vigilBin = qEnvironmentVariable("VIGIL_BIN");
        for (const char *suite : {"kube", "node"}) {
            const QDir dir(data + QLatin1Char('/') + QLatin1String(suite));
            int storms = 0, right = 0;
            // Each storm as recorded, then each of its variants (the same answers, Vigil told less).
            for (const QString &storm : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                auto variants = vigil::test::variantsOf(dir.filePath(storm));
                variants.insert(variants.begin(), std::string());
                for (const auto &variant : variants) {
                    const auto run = vigil::test::runRecordedStorm(dir.filePath(storm), vigilBin, variant);
                    const std::string first =
                        run.error.empty() && !run.result.at("incidents").empty()
                            ? run.result.at("incidents").at(0).at("title").get<std::string>()
                            : run.error;
                    const std::string name =
                        storm.toStdString() + (variant.empty() ? std::string() : " (" + variant + ")");
                    std::printf("#   recorded-%s %-12s truth %s %-16s first: %s -> %s\n", suite, name.c_str(),
                                run.truth.value("cause", nlohmann::json::object()).value("kind", "?").c_str(),
                                run.truth.value("cause", nlohmann::json::object()).value("name", "?").c_str(),
                                first.c_str(), run.topCauseRight() ? "right" : "WRONG");
                    ++storms;
                    right += run.topCauseRight() ? 1 : 0;
                }
            }
            if (storms > 0)
                std::printf(
                    "BENCH triage.root_cause_top1.recorded-%s %.1f %% (%d of %d storms and variants)\n",
                    suite, 100.0 * right / storms, right, storms);
            else
                std::printf("# no recorded storms under %s (VIGIL_TEST_DATA)\n", qPrintable(dir.path()));
        }
    }
    // The adversarial suite (tests/support/adversarialstorms.h): storms and fleets vigil-sim does not
    // make, answers written from each scenario.
    {
        int storms = 0, right = 0;
        for (const auto &s : test::adversarial::storms()) {
            const auto o = test::adversarial::judge(s);
            std::printf("#   adversarial %-16s truth %s %-12s first: %s -> %s, recall %.2f, precision %.2f\n",
                        s.name.c_str(), analysis::causeKindName(s.causeKind), s.causeName.c_str(),
                        o.first.c_str(), o.right ? "right" : "WRONG", o.recall, o.precision);
            ++storms;
            right += o.right ? 1 : 0;
        }
        std::printf("BENCH triage.root_cause_top1.adversarial %.1f %% (%d of %d storms)\n",
                    100.0 * right / storms, right, storms);
    }
    std::printf("BENCH triage.compression %.2f %%\n", 100.0 * score.compression);
    std::printf("BENCH triage.alert_placement %.2f %%\n", 100.0 * score.placement);

    // Cost: a rack failure in a 50,000-host fleet plus background alerts, 100,000 alerts in all.
    test::Storm storm = test::makeStorm("rack-failure", 7, 50000, 0);
    std::printf("BENCH triage.storm_alerts.hosts=50000 %zu alerts\n", storm.alerts.size());
    {
        sim::SimOptions o;
        o.hosts = 50000;
        o.seed = 7;
        o.scenario = "steady";
        sim::SimFleet f(o, 1'700'000'000'000);
        std::size_t noise = 0;
        while (storm.alerts.size() < 100000) {
            const auto &h = f.hosts()[(noise * 7919) % f.hosts().size()];
            Alert a;
            a.labels = LabelSet({{"alertname", noise % 2 ? "NtpClockSkew" : "MemoryPressure"},
                                 {"instance", h.instance},
                                 {"n", std::to_string(noise)},
                                 {"service", h.service},
                                 {"severity", "warning"}});
            a.fingerprint = a.labels.fingerprint();
            a.startsAt = storm.t - 3'600'000 - static_cast<TimeMs>(noise % 1000) * 1000;
            storm.alerts.push_back(std::move(a));
            ++noise;
        }
        storm.alerts.resize(100000);
        // As FleetState publishes them: sorted by fingerprint, each stamped with its key.
        std::sort(storm.alerts.begin(), storm.alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
        for (auto &a : storm.alerts)
            a.key = fingerprintKey(a.fingerprint);
    }
    auto graph = analysis::FleetGraph::build(storm.hosts, test::simEdges(), TopologyConfig{});
    std::vector<double> full;
    std::size_t incidents = 0;
    for (int i = 0; i < 5; ++i) {
        analysis::Correlator c;
        auto t0 = Clock::now();
        auto r = c.update(graph, storm.alerts, storm.t);
        full.push_back(ms(t0, Clock::now()));
        incidents = r->incidents.size();
    }
    std::printf("BENCH triage.incidents.alerts=100000 %zu incidents\n", incidents);
    std::printf("BENCH triage.full.alerts=100000 %.2f ms\n", median(full));

    // Incremental: the same correlator, each poll 1% of the alerts replaced by new ones.
    analysis::Correlator c;
    c.update(graph, storm.alerts, storm.t);
    std::vector<double> incr;
    for (int round = 0; round < 7; ++round) {
        for (std::size_t k = 0; k < 1000; ++k) {
            Alert &a = storm.alerts[(k * 97 + static_cast<std::size_t>(round) * 13) % storm.alerts.size()];
            a.labels.set("poll", std::to_string(round));
            a.fingerprint = a.labels.fingerprint();
            a.key = fingerprintKey(a.fingerprint);
        }
        std::sort(storm.alerts.begin(), storm.alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
        auto t0 = Clock::now();
        c.update(graph, storm.alerts, storm.t + (round + 1) * 15'000);
        incr.push_back(ms(t0, Clock::now()));
    }
    std::printf("BENCH triage.incremental.alerts=100000 %.2f ms\n", median(incr));

    // GUI thread: what the triage view does with each published snapshot (model update, headline,
    // the selected incident's detail), with the largest incident selected.
    IncidentModel model;
    TriageView view(&model);
    view.resize(1600, 1000);
    view.show();
    std::vector<double> gui, paint, summaries, modelOnly;
    IncidentModel bare;
    for (int round = 0; round < 8; ++round) {
        for (std::size_t k = 0; k < 1000; ++k) {
            Alert &a = storm.alerts[(k * 89 + static_cast<std::size_t>(round) * 7) % storm.alerts.size()];
            a.labels.set("gui", std::to_string(round));
            a.fingerprint = a.labels.fingerprint();
            a.key = fingerprintKey(a.fingerprint);
        }
        std::sort(storm.alerts.begin(), storm.alerts.end(),
                  [](const Alert &a, const Alert &b) { return a.fingerprint < b.fingerprint; });
        auto snap = std::make_shared<FleetSnapshot>();
        snap->hosts = storm.hosts;
        snap->alerts = storm.alerts;
        snap->graph = graph;
        auto result = c.update(graph, snap->alerts, storm.t + (round + 20) * 15'000);
        auto ts = Clock::now();
        analysis::summarize(*result, snap->alerts);
        summaries.push_back(ms(ts, Clock::now()));
        snap->triage = result;
        auto tm = Clock::now();
        bare.setSnapshot(snap);
        if (round > 0)
            modelOnly.push_back(ms(tm, Clock::now()));
        auto t0 = Clock::now();
        model.setSnapshot(snap);
        auto t1 = Clock::now();
        QCoreApplication::processEvents();
        if (round > 0) {
            gui.push_back(ms(t0, t1));
            paint.push_back(ms(t1, Clock::now()));
        }
    }
    std::printf("BENCH triage.summarize.alerts=100000 %.2f ms\n", median(summaries));
    // The dense table: a new snapshot, then a filter, then a sort, over every alert.
    {
        AlertTableModel table;
        auto snap = std::make_shared<FleetSnapshot>();
        snap->alerts = storm.alerts;
        auto t0 = Clock::now();
        table.setSnapshot(snap);
        const double load = ms(t0, Clock::now());
        QString error;
        t0 = Clock::now();
        table.setFilterText(QStringLiteral("alertname=~\"Upstream.*\" @state=active"), &error);
        const double filter = ms(t0, Clock::now());
        table.setFilterText(QString(), &error);
        t0 = Clock::now();
        table.sort(AlertTableModel::StartedColumn, Qt::DescendingOrder);
        const double sorted = ms(t0, Clock::now());
        std::printf("BENCH triage.alert_table.load.alerts=100000 %.2f ms\n", load);
        std::printf("BENCH triage.alert_table.filter.alerts=100000 %.2f ms\n", filter);
        std::printf("BENCH triage.alert_table.sort.alerts=100000 %.2f ms\n", sorted);
    }
    std::printf("BENCH triage.gui_thread.model_only.alerts=100000 %.2f ms\n", median(modelOnly));
    std::printf("BENCH triage.gui_thread.alerts=100000 %.2f ms\n", median(gui));
    // The whole 1600x1000 window repainted in software (offscreen), while the replaced snapshot is
    // freed on the retire thread.
    std::printf("BENCH triage.gui_repaint.alerts=100000 %.2f ms\n", median(paint));
    return 0;
}
