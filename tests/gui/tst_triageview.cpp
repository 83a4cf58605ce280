// The triage view, headless: storm layout, keyboard navigation, filter, reselection by key across a
// reset, and the silence/expire actions it hands to its owner.
#include "item/alerttablemodel.h"
#include "item/incidentmodel.h"
#include "triage/alerttimeline.h"
#include "triage/silencedialog.h"
#include "triage/triageview.h"
#include "triagereplay.h"

#include "fleet/silencematch.h"
#include "triage/incidentfilterproxy.h"
#include "triage/incidentnotifier.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>

using namespace vigil;

Q_DECLARE_METATYPE(vigil::Silence)
Q_DECLARE_METATYPE(std::vector<vigil::SilenceMatcher>)

namespace {
// The same snapshot with its incidents in reverse order (a poll where the ranking changed).
FleetSnapshotPtr reversed(const FleetSnapshotPtr &s) {
    auto copy = std::make_shared<FleetSnapshot>(*s);
    auto t = std::make_shared<analysis::TriageResult>(*s->triage);
    std::reverse(t->incidents.begin(), t->incidents.end());
    const int n = static_cast<int>(t->incidents.size());
    for (auto &k : t->incidentOf)
        if (k >= 0)
            k = n - 1 - k;
    copy->triage = t;
    return copy;
}
} // namespace

class TestTriageView : public QObject {
    Q_OBJECT
    QTemporaryDir m_settings;
private Q_SLOTS:
    // The incident filter proxy alone, under the model tester: filtering by the allowed rows, the tint
    // of incidents on marked hosts, and a new snapshot under an active filter.
    void incidentFilterProxy() {
        auto snap = test::stormSnapshot("rack-failure", 9, 400);
        IncidentModel model;
        IncidentFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        model.setSnapshot(snap);
        const int n = model.rowCount();
        QVERIFY(n >= 2);
        QCOMPARE(proxy.rowCount(), n);
        std::vector<char> allowed(static_cast<std::size_t>(n), 0);
        allowed[1] = 1;
        proxy.setAllowed(allowed, true);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), 1);
        proxy.setAllowed({}, true); // nothing allowed (a filter matching no alert)
        QCOMPARE(proxy.rowCount(), 0);
        model.setSnapshot(reversed(snap));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setAllowed({}, false);
        QCOMPARE(proxy.rowCount(), n);
        // Incidents with an alert on a marked host are tinted; the others are not.
        const Alert &first = snap->alerts[snap->triage->incidents.front().alerts.front()];
        model.setMarkedHosts({std::string(first.labels.value("instance"))}, HostIdentity{});
        int tinted = 0;
        for (int r = 0; r < proxy.rowCount(); ++r) {
            const bool marked = proxy.index(r, 0).data(IncidentModel::MarkedRole).toBool();
            const QVariant bg = proxy.index(r, 0).data(Qt::BackgroundRole);
            QCOMPARE(bg.isValid() && bg.value<QColor>() == QColor(0xff, 0xe4, 0xa8), marked);
            tinted += marked;
        }
        QVERIFY(tinted >= 1);
    }

    void initTestCase() {
        qRegisterMetaType<std::vector<vigil::SilenceMatcher>>();
        // Saved filters go to the user's settings: a temporary home for the test.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("vigil-test"));
    }

    void timelineCountsWholeAlerts() {
        // One alert a minute read 0, 0, 0, 1 on the axis; 57 at most reads in whole steps to 60.
        AlertTimeline timeline;
        analysis::Incident inc;
        inc.timeline = {{nowMs() - 120'000, {0, 1, 0}}, {nowMs() - 60'000, {0, 0, 1}}};
        timeline.setIncident(&inc);
        QCOMPARE(timeline.axisTop(), 1.0);
        QCOMPARE(timeline.tickStep(), 1.0);
        inc.timeline = {{nowMs() - 60'000, {2, 50, 5}}};
        timeline.setIncident(&inc);
        QCOMPARE(timeline.tickStep(), 20.0);
        QCOMPARE(timeline.axisTop(), 60.0);
    }

    // Two hours of minutes are summed into bars of three minutes on boundaries fixed in time (about 40
    // bars, each wide enough to point at): no alert lost, the axis says the bar's width.
    void longIncidentsSumMinutesIntoFewerBars() {
        AlertTimeline timeline;
        analysis::Incident inc;
        const TimeMs hour = 3'600'000;
        const TimeMs t0 = (nowMs() / hour) * hour; // on the hour: bars of 3 minutes start at :00
        int total = 0;
        for (int i = 0; i < 120; ++i) {
            inc.timeline.push_back({t0 + i * 60'000LL, {i % 2, 10, i == 7 ? 4 : 0}});
            total += i % 2 + 10 + (i == 7 ? 4 : 0);
        }
        timeline.setIncident(&inc);
        QCOMPARE(timeline.buckets(), 40);
        double sum = 0;
        for (int s = 0; s < 3; ++s)
            for (int k = 0; k < timeline.buckets(); ++k)
                sum += timeline.barValue(s, k);
        QCOMPARE(sum, double(total));
        QCOMPARE(timeline.barValue(2, 2), 4.0); // minute 7 is in the third bar (minutes 6-8)
        QCOMPARE(timeline.barValue(1, 0), 30.0);
        QCOMPARE(timeline.barLabel(1),
                 QDateTime::fromMSecsSinceEpoch(t0 + 180'000).toString(QStringLiteral("HH:mm")));
        QCOMPARE(timeline.axisTitle(), QStringLiteral("alerts/3 min"));
        // A poll adding to the last minute changes that bar; a short incident is per minute again.
        inc.timeline.back().bySeverity[0] += 5;
        timeline.setIncident(&inc);
        QCOMPARE(timeline.barValue(0, 39), 1.0 + 0 + 1 + 5); // minutes 117-119: 1, 0, 1 (+5)
        inc.timeline.resize(3);
        timeline.setIncident(&inc);
        QCOMPARE(timeline.buckets(), 3);
        QCOMPARE(timeline.axisTitle(), QStringLiteral("alerts/min"));
    }

    // What is painted: each severity's share of a bar in its colour, stacked from the axis up, in
    // proportion to the counts; a bar's tooltip names its minute and its counts by severity.
    void timelinePaintsStackedBarsAndNamesThem() {
        AlertTimeline timeline;
        timeline.resize(400, 200);
        analysis::Incident inc;
        const TimeMs minute = (nowMs() / 60'000) * 60'000;
        inc.timeline = {{minute - 60'000, {0, 0, 0}}, {minute, {0, 30, 10}}}; // 10 critical on 30 warning
        timeline.setIncident(&inc);
        QCOMPARE(timeline.axisTop(), 40.0);
        const QImage image = timeline.grab().toImage();
        // Walk up the middle of the second bar: warning colour, then critical, then the plot's ground.
        const int x = 400 * 3 / 4;
        int warning = 0, critical = 0, firstCritical = -1, lastWarning = -1;
        for (int y = image.height() - 1; y >= 0; --y) {
            const QRgb c = image.pixel(x, y) & 0xffffff;
            if (c == 0xe08a00) {
                ++warning;
                lastWarning = y;
            } else if (c == 0xc03030) {
                ++critical;
                if (firstCritical < 0)
                    firstCritical = y;
            }
        }
        QVERIFY2(warning > 20 && critical > 5,
                 qPrintable(QStringLiteral("%1 %2").arg(warning).arg(critical)));
        QVERIFY(std::abs(warning - 3 * critical) <= 3); // 30 to 10, to a pixel's rounding on each end
        QVERIFY(firstCritical < lastWarning);           // critical sits on top of warning
        // The first bar is empty: nothing but the ground on its column.
        for (int y = 0; y < image.height(); ++y) {
            const QRgb c = image.pixel(400 / 4 + 10, y) & 0xffffff;
            QVERIFY(c != 0xe08a00 && c != 0xc03030);
        }
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        QHelpEvent help(QEvent::ToolTip, QPoint(x, 100), timeline.mapToGlobal(QPoint(x, 100)));
        QApplication::sendEvent(&timeline, &help);
        const QString tip = QToolTip::text();
        QVERIFY2(tip.startsWith(QDateTime::fromMSecsSinceEpoch(minute).toString(QStringLiteral("HH:mm"))),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("10 critical")) && tip.contains(QStringLiteral("30 warning")) &&
                     tip.contains(QStringLiteral("0 info")),
                 qPrintable(tip));
    }

    void savedFiltersAndNotifications() {
        IncidentModel model;
        TriageView view(&model);
        QSignalSpy changed(&view, &TriageView::savedFiltersChanged);
        view.saveFilter({QStringLiteral("database"), QStringLiteral("alertname=DbPrimaryDown"), true, true});
        view.saveFilter({QStringLiteral("racks"), QStringLiteral("alertname=SwitchDown"), false, false});
        view.saveFilter(
            {QStringLiteral("database"), QStringLiteral("alertname=~\"Db.*\""), true, true}); // replaces
        QCOMPARE(changed.count(), 3);
        const auto filters = IncidentNotifier::loadFilters();
        QCOMPARE(filters.size(), std::size_t(2));
        QCOMPARE(filters[0].text, QStringLiteral("alertname=~\"Db.*\""));
        QVERIFY(view.applySavedFilter(QStringLiteral("racks")));
        QCOMPARE(view.findChild<QLineEdit *>()->text(), QStringLiteral("alertname=SwitchDown"));
        QVERIFY(!view.applySavedFilter(QStringLiteral("nope")));

        // Notifications: the first snapshot is the baseline; a new incident matching a "notify"
        // filter is announced once.
        IncidentNotifier notifier;
        QCOMPARE(notifier.filters().size(), std::size_t(2));
        QSignalSpy spy(&notifier, &IncidentNotifier::notify);
        auto rack = test::stormSnapshot("rack-failure", 9, 400);
        notifier.onSnapshot(rack);
        QCOMPARE(spy.count(), 0);
        auto mixed = test::stormSnapshot("mixed", 9, 400);
        notifier.onSnapshot(mixed);
        // The failed database host, and the replica promotion Vigil keeps apart.
        QCOMPARE(spy.count(), 2);
        QVERIFY2(spy.at(0).at(0).toString().startsWith(QStringLiteral("New incident: host db-")),
                 qPrintable(spy.at(0).at(0).toString()));
        QVERIFY(spy.at(0).at(1).toString().contains(QStringLiteral("saved filter \"database\"")));
        QCOMPARE(spy.at(0).at(2).toBool(), true);
        notifier.onSnapshot(mixed);
        QCOMPARE(spy.count(), 2); // nothing new
    }

    // An empty list says "quiet" only while something watches, and follows each new snapshot: a
    // Prometheus without alerting rules and no Alertmanager is "nothing is watching".
    void emptyStateSaysWhetherAnythingWatches() {
        IncidentModel model;
        TriageView view(&model);
        auto hasText = [&](const QString &text) {
            const auto labels = view.findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(),
                               [&](QLabel *l) { return l->text().contains(text); });
        };
        auto snapshot = [](bool alertmanager) {
            auto s = std::make_shared<FleetSnapshot>();
            SourceHealth prom;
            prom.id = "lab/prometheus";
            prom.lastSuccess = 1000;
            s->sources = {prom};
            if (alertmanager) {
                SourceHealth am = prom;
                am.id = "lab/alertmanager#0";
                am.kind = SourceKind::Alertmanager;
                s->sources.push_back(am);
            }
            summarize(*s);
            s->triage = std::make_shared<analysis::TriageResult>();
            return s;
        };
        model.setSnapshot(snapshot(true));
        QVERIFY(hasText(QStringLiteral("The fleet is quiet")));
        model.setSnapshot(snapshot(false));
        QVERIFY(hasText(QStringLiteral("nothing is watching")));
        QVERIFY(hasText(QStringLiteral("no Alertmanager is configured")));
        QVERIFY(!hasText(QStringLiteral("The fleet is quiet")));
    }

    void stormLayoutAndKeyboard() {
        IncidentModel model;
        TriageView view(&model);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto snap = test::stormSnapshot("mixed", 2, 400);
        model.setSnapshot(snap);
        QVERIFY(view.stormLayout());
        QVERIFY(view.headline()->text().startsWith(QStringLiteral("ALERT STORM")));
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents[0].key));
        QVERIFY(view.timeline()->buckets() > 0);
        // Until the operator picks one, the selection follows the top incident as polls re-rank them (a
        // storm's cause may come first only once every source has answered).
        model.setSnapshot(reversed(snap));
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents.back().key));
        QCOMPARE(view.incidents()->currentIndex().row(), 0);
        model.setSnapshot(snap);
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents[0].key));
        view.incidents()->setFocus();
        QTest::keyClick(view.incidents(), Qt::Key_J);
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents[1].key));
        QTest::keyClick(view.incidents(), Qt::Key_J);
        QTest::keyClick(view.incidents(), Qt::Key_K);
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents[1].key));
        // A new ranking resets the model; the operator stays on the same incident.
        model.setSnapshot(reversed(snap));
        QCOMPARE(view.selectedKey(), QString::fromStdString(snap->triage->incidents[1].key));
        QCOMPARE(view.incidents()->currentIndex().row(), int(snap->triage->incidents.size()) - 2);
        // Enter opens the members: the first alert at the cause is current.
        QTest::keyClick(view.incidents(), Qt::Key_Return);
        QVERIFY(view.members()->currentIndex().isValid());
        QVERIFY(view.members()->currentIndex().parent().isValid());
        const auto matchers = view.silenceMatchers();
        QCOMPARE(matchers.size(), std::size_t(2));
        QCOMPARE(matchers[0].name, std::string("alertname"));
        // `/` focuses the filter; typing narrows the list.
        QTest::keyClick(view.members(), Qt::Key_Escape);
        QTest::keyClick(view.incidents(), Qt::Key_Slash);
        auto *filter = view.findChild<QLineEdit *>();
        QVERIFY(filter && filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("DiskAlmostFull"));
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view.incidents()->model());
        QTRY_VERIFY(proxy->rowCount() >= 1 && proxy->rowCount() < model.rowCount()); // once typing pauses
        QVERIFY2(proxy->rowCount() >= 1 && proxy->rowCount() < model.rowCount(),
                 qPrintable(QStringLiteral("%1 of %2 %3")
                                .arg(proxy->rowCount())
                                .arg(model.rowCount())
                                .arg(view.filterError() + QLatin1Char(' ') + filter->text() +
                                     QLatin1Char(' ') + QString::number(view.alertModel()->rowCount()))));
        filter->clear();
        QCOMPARE(proxy->rowCount(), model.rowCount());
        // A filter that does not parse is shown and leaves the list as it was.
        filter->setText(QStringLiteral("@state=sleeping"));
        QVERIFY(view.filterError().contains(QStringLiteral("unknown state")));
        QCOMPARE(proxy->rowCount(), model.rowCount());
        filter->setText(QStringLiteral("alertname=UpstreamErrors"));
        QCOMPARE(proxy->rowCount(), 1); // only the rack's incident holds them
        filter->clear();

        // t: every alert in one table; Enter on an alert opens its incident with the alert selected.
        view.incidents()->setFocus();
        QTest::keyClick(view.incidents(), Qt::Key_T);
        QVERIFY(view.alertTableMode());
        QCOMPARE(view.alertModel()->rowCount(), int(snap->alerts.size()));
        view.alertTable()->setCurrentIndex(view.alertModel()->index(5, 0));
        const Alert *picked = view.alertModel()->alertAt(5);
        QTest::keyClick(view.alertTable(), Qt::Key_Return);
        QVERIFY(!view.alertTableMode());
        const int k = snap->triage->incidentOf[static_cast<std::size_t>(view.alertModel()->alertIndex(5))];
        QCOMPARE(view.selectedKey(),
                 QString::fromStdString(snap->triage->incidents[static_cast<std::size_t>(k)].key));
        QVERIFY(view.members()->currentIndex().isValid());
        QCOMPARE(view.silenceMatchers()[0].value, std::string(picked->name()));
    }

    void acknowledgeAndNotes() {
        IncidentModel model;
        TriageView view(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        auto snap = test::stormSnapshot("rack-failure", 8, 400);
        model.setSnapshot(snap);
        const auto &top = snap->triage->incidents[0];
        QSignalSpy ack(&view, &TriageView::acknowledgeRequested);
        QSignalSpy unack(&view, &TriageView::unacknowledgeRequested);
        QSignalSpy note(&view, &TriageView::noteRequested);
        // `a` first says what it will silence and asks; `a` again confirms.
        QTest::keyClick(view.incidents(), Qt::Key_A);
        QCOMPARE(ack.count(), 0);
        const QString question = view.acknowledgeQuestion()->text();
        QVERIFY2(question.contains(QStringLiteral("rack=\"") + QString::fromStdString(top.causeName)),
                 qPrintable(question));
        const int live = countActiveMatches(snap->alerts, {{"rack", top.causeName, false, true}});
        QVERIFY(live > 0);
        QVERIFY2(question.contains(QStringLiteral("Silences %1 alert").arg(live)), qPrintable(question));
        QVERIFY(question.contains(QStringLiteral("at most 12 h")));
        QTest::keyClick(view.incidents(), Qt::Key_A);
        QCOMPARE(ack.count(), 1);
        QVERIFY(!view.acknowledgeQuestion()->isVisible());
        QCOMPARE(ack.at(0).at(0).toString(), QString::fromStdString(top.key));
        QCOMPARE(ack.at(0).at(1).toString(), QStringLiteral("sim"));
        const auto matchers = ack.at(0).at(2).value<std::vector<SilenceMatcher>>();
        QCOMPARE(matchers.size(), std::size_t(1));
        QCOMPARE(matchers[0].name, std::string("rack"));
        // Once acknowledged, the list says by whom, the detail shows notes, and `a` takes it back.
        auto acked = std::make_shared<FleetSnapshot>(*snap);
        acked->acks = {{top.key, "sim", "sil-1", "ana", snap->builtAt - 120'000, snap->builtAt + 1'680'000}};
        acked->notes = {{top.key, "bo", "vendor on site", snap->builtAt - 60'000}};
        model.setSnapshot(acked);
        const QString status = model.data(model.index(0, IncidentModel::StatusColumn)).toString();
        QVERIFY2(status.startsWith(QStringLiteral("acknowledged by ana 2 min ago")), qPrintable(status));
        bool shown = false;
        for (auto *label : view.findChildren<QLabel *>())
            shown = shown || label->text().contains(QStringLiteral("vendor on site"));
        QVERIFY(shown);
        QTest::keyClick(view.incidents(), Qt::Key_A);
        QCOMPARE(unack.count(), 1);
        view.addNote(QStringLiteral("  swapped the switch  "));
        QCOMPARE(note.count(), 1);
        QCOMPARE(note.at(0).at(1).toString(), QStringLiteral("swapped the switch"));
        view.addNote(QStringLiteral("   "));
        QCOMPARE(note.count(), 1);
    }

    void quietFleetIsNotAStorm() {
        IncidentModel model;
        TriageView view(&model);
        auto s = std::make_shared<FleetSnapshot>();
        s->graph = analysis::FleetGraph::build({}, {}, TopologyConfig{});
        s->triage = analysis::Correlator().update(s->graph, {}, nowMs());
        model.setSnapshot(s);
        QVERIFY(!view.stormLayout());
        QCOMPARE(view.headline()->text(), QStringLiteral("0 alerts → 0 incident(s)"));
        QVERIFY(view.silenceMatchers().empty());
    }

    void silenceFromTheIncident() {
        qRegisterMetaType<vigil::Silence>();
        IncidentModel model;
        TriageView view(&model);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto snap = test::stormSnapshot("rack-failure", 6, 400);
        model.setSnapshot(snap);
        const auto &top = snap->triage->incidents[0];
        QSignalSpy spy(&view, &TriageView::silenceRequested);
        QString prefilled, preview;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SilenceDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            prefilled = dialog->matchersEdit()->text();
            preview = dialog->preview()->text();
            dialog->commentEdit()->setText(QStringLiteral("switch replaced"));
            dialog->accept();
        });
        QTest::keyClick(view.incidents(), Qt::Key_S);
        QCOMPARE(prefilled, QStringLiteral("rack=\"%1\"").arg(QString::fromStdString(top.causeName)));
        // The rack's host alerts are inhibited by the switch alert: only unsuppressed ones count.
        int expected = 0;
        for (const auto &a : snap->alerts)
            expected +=
                a.labels.value("rack") == top.causeName && a.inhibitedBy.empty() && a.silencedBy.empty();
        QVERIFY(expected >= 1 && expected < int(top.causeAlertCount));
        QVERIFY2(preview.contains(QStringLiteral("will match %1 active alert").arg(expected)),
                 qPrintable(preview));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("sim"));
        const auto s = spy.at(0).at(1).value<vigil::Silence>();
        QCOMPARE(s.matchers.size(), std::size_t(1));
        QCOMPARE(s.matchers[0].value, top.causeName);
        QCOMPARE(s.comment, std::string("switch replaced"));
        QVERIFY(s.endsAt - s.startsAt == 2 * 3'600'000);

        // `s` on a silenced alert edits its silence: same id, its matchers and comment prefilled.
        {
            auto withSilence = std::make_shared<FleetSnapshot>(*snap);
            Silence existing;
            existing.id = "s-9";
            existing.matchers = {{"alertname", "SwitchDown", false, true}};
            existing.comment = "vendor ticket 42";
            existing.createdBy = "ana";
            existing.state = "active";
            withSilence->silences = {existing};
            withSilence->alerts.edit()[top.alerts[0]].silencedBy = {"s-9"};
            model.setSnapshot(withSilence);
            view.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&view));
            QTest::keyClick(view.incidents(), Qt::Key_Return); // onto the first alert at the cause
            QVERIFY(view.members()->currentIndex().isValid());
            QString matchersText, comment;
            bool editing = false;
            QTimer::singleShot(0, this, [&] {
                auto *dialog = qobject_cast<SilenceDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                editing = dialog->editing();
                matchersText = dialog->matchersEdit()->text();
                comment = dialog->commentEdit()->text();
                dialog->accept();
            });
            view.openSilenceDialog();
            QVERIFY(editing);
            QCOMPARE(matchersText, QStringLiteral("alertname=\"SwitchDown\""));
            QCOMPARE(comment, QStringLiteral("vendor ticket 42"));
            QCOMPARE(spy.count(), 2);
            QCOMPARE(spy.at(1).at(1).value<vigil::Silence>().id, std::string("s-9"));
            view.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&view));
            QTest::keyClick(view.members(), Qt::Key_Escape); // back to the whole incident
            QVERIFY(!view.members()->currentIndex().isValid());
        }

        // `e` expires every silence holding the incident's alerts.
        auto silenced = std::make_shared<FleetSnapshot>(*snap);
        silenced->alerts.edit()[top.alerts[0]].silencedBy = {"s-1"};
        silenced->alerts.edit()[top.alerts[1]].silencedBy = {"s-1", "s-2"};
        model.setSnapshot(silenced);
        QSignalSpy expire(&view, &TriageView::expireRequested);
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTest::keyClick(view.incidents(), Qt::Key_E);
        QCOMPARE(expire.count(), 2);
        QCOMPARE(expire.at(0).at(1).toString(), QStringLiteral("s-1"));
        QCOMPARE(expire.at(1).at(1).toString(), QStringLiteral("s-2"));
    }
};

QTEST_MAIN(TestTriageView)
#include "tst_triageview.moc"
