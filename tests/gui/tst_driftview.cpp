// The drift view, headless: clusters from a report, a host's diff, hand-off as hosts / matcher /
// Ansible group, exports (HTML, CSV, JSON, PDF) and the consensus written as a baseline that loads back.
#include "config/baselineloader.h"
#include "driftview.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vigil;
using namespace vigil::analysis;

namespace {
Host host(const std::string &name, const std::string &role) {
    Host h;
    h.name = name;
    h.labels = LabelSet(std::vector<Label>{{"instance", name}, {"role", role}});
    h.up = UpState::Up;
    return h;
}
} // namespace

class TestDriftView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reportHandoffAndExports() {
        auto snap = std::make_shared<FleetSnapshot>();
        for (int i = 0; i < 6; ++i)
            snap->hosts.push_back(host("api-0" + std::to_string(i) + ":9100", "api"));
        for (int i = 0; i < 6; ++i) {
            const std::string h = "api-0" + std::to_string(i) + ":9100";
            snap->facts.push_back({h, "package.openssl", i < 2 ? "3.0.9" : "3.0.11"});
            snap->facts.push_back({h, "sysctl.vm.swappiness", "10"});
        }
        DriftView view([snap](QObject *context, std::function<void(DriftPtr)> done) {
            auto s = std::make_shared<DriftSummary>();
            s->at = 1'700'000'000'000;
            s->consensus = consensusDrift(snap->hosts, snap->facts).baseline;
            s->baseline = std::make_shared<const Baseline>(consensusBaseline(s->consensus, "role"));
            s->against = "the consensus by role";
            s->report = evaluateBaseline(*s->baseline, snap->hosts, snap->facts, {}, s->at);
            s->byRole["api"] = {4, 6};
            s->history = {{s->at - 3'600'000, 1.0}};
            QMetaObject::invokeMethod(
                context, [done, s] { done(s); }, Qt::QueuedConnection);
        });
        view.resize(1200, 800);
        QSignalSpy ready(&view, &DriftView::ready);
        view.setSnapshot(snap);
        QVERIFY(ready.wait(3000));
        QCOMPARE(view.clusters()->topLevelItemCount(), 1);
        auto *row = view.clusters()->topLevelItem(0);
        QCOMPARE(row->text(1), QStringLiteral("2"));
        QCOMPARE(row->text(2), QStringLiteral("api"));
        QCOMPARE(row->text(4), QStringLiteral("3.0.9"));
        QCOMPARE(row->text(5), QStringLiteral("= 3.0.11"));
        QCOMPARE(view.hostsText(), QStringLiteral("api-00:9100\napi-01:9100"));
        QCOMPARE(view.matcherText(), QStringLiteral("instance=~\"api-00:9100|api-01:9100\""));
        QVERIFY2(
            view.ansibleText().startsWith(QStringLiteral("[drift_package_openssl_3_0_9]\napi-00\napi-01\n")),
            qPrintable(view.ansibleText()));
        QTemporaryDir dir;
        dir.setAutoRemove(qEnvironmentVariableIsEmpty("VIGIL_KEEP_TEST_OUTPUT")); // to look at the exports
        if (!dir.autoRemove())
            qInfo("exports kept in %s", qPrintable(dir.path()));
        QString err;
        for (const char *name : {"r.html", "r.csv", "r.json", "r.pdf"}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QVERIFY2(view.exportTo(path, &err), qPrintable(err));
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            QVERIFY(data.size() > 100);
            if (path.endsWith(QLatin1String(".pdf")))
                QVERIFY(data.startsWith("%PDF"));
            if (path.endsWith(QLatin1String(".csv")))
                QVERIFY(data.contains("api-00:9100,package.openssl,3.0.9,= 3.0.11,warning,"));
            if (path.endsWith(QLatin1String(".html")))
                QVERIFY(data.contains("<td>3.0.9</td>"));
        }
        QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("no/dir/r.csv")), &err));
        const QString yaml = dir.filePath(QStringLiteral("baseline.yaml"));
        QVERIFY2(view.writeConsensus(yaml, &err), qPrintable(err));
        ConfigError cerr;
        const auto back = BaselineLoader::loadFile(yaml.toStdString(), &cerr);
        QVERIFY2(back, cerr.toString().c_str());
        QCOMPARE(evaluateBaseline(*back, snap->hosts, snap->facts).violations.size(), std::size_t(2));
    }
};

QTEST_MAIN(TestDriftView)
#include "tst_driftview.moc"
