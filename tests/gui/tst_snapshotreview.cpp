// The incident snapshot in the GUI: exported from a live fleet through the dialog (progress, cancel),
// then reviewed in the main window with the replay bar: the title says what it is, the keyboard moves
// the cursor and every view follows, nothing can be changed, and the heatmap shows the window.
#include "analysis/correlation.h"
#include "common/timelinescrubber.h"
#include "config/config.h"
#include "mainwindow.h"
#include "service/fleetservice.h"
#include "service/snapshotsource.h"
#include "simserver.h"
#include "snapshot/snapshotfile.h"
#include "snapshotexportdialog.h"
#include "snapshotreview.h"
#include "snapshotwriteup.h"
#include "triage/triageview.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace vigil;

class TestSnapshotReview : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;
    std::string m_rack;

private Q_SLOTS:
    // A live fleet whose rack fails, exported through the dialog.
    void initTestCase() {
        sim::SimOptions so;
        so.hosts = 400;
        so.scenario = "rack-failure";
        sim::SimServer simServer(so);
        std::string err;
        QVERIFY2(simServer.start(0, &err), err.c_str());
        Config c;
        SourceConfig s;
        s.name = "demo";
        s.prometheusUrl = simServer.url();
        s.alertmanagerUrls = {simServer.url()};
        s.intervalMs = 1000;
        c.sources = {s};
        c.cachePath = m_dir.filePath(QStringLiteral("live.sqlite")).toStdString();
        FleetService service(c);
        const TimeMs started = nowMs();
        service.start();
        QString key;
        auto rackIncident = [&] {
            const auto snap = service.current();
            if (snap && snap->triage)
                for (const auto &i : snap->triage->incidents)
                    if (i.key.rfind("group:", 0) == 0) {
                        key = QString::fromStdString(i.key);
                        return true;
                    }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rackIncident(), 20000);
        QTest::qWait(2500); // a few more polls in the cache
        m_rack = simServer.fleet().truth(simServer.fleet().now()).failedRack;

        // Cancelled: no file (or, if the export won the race, a whole one).
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.vigil"));
        {
            SnapshotExportDialog dialog(&service, started - 5 * 60'000, nowMs(), QString(), QString());
            dialog.setOutPath(cancelled);
            dialog.start();
            QVERIFY(dialog.running());
            for (auto *b : dialog.findChildren<QPushButton *>())
                if (b->text() == QStringLiteral("Cancel"))
                    b->click();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.running(), 30000);
            QVERIFY(!QFile::exists(cancelled + QStringLiteral(".partial")));
            qInfo("cancel: %s", qPrintable(dialog.message()));
            if (dialog.message().startsWith(QStringLiteral("Cancelled")))
                QVERIFY(!QFile::exists(cancelled));
        }
        // The rack's own file, from its incident's context menu in triage: the window runs from 30
        // minutes before the incident's first alert to now.
        m_file = m_dir.filePath(QStringLiteral("rack.vigil"));
        MainWindow window(&service, &service);
        TimeMs askedFrom = 0, askedTo = 0;
        QString askedKey, askedTitle;
        window.setSnapshotExporter(
            [&](TimeMs from, TimeMs to, const QString &incident, const QString &title) {
                askedFrom = from;
                askedTo = to;
                askedKey = incident;
                askedTitle = title;
                auto *dialog = new SnapshotExportDialog(&service, from, to, incident, title, &window);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
            });
        window.show();
        QVERIFY(window.showView(QStringLiteral("triage")));
        QTRY_VERIFY_WITH_TIMEOUT(window.triageView()->selectIncident(key), 5000);
        QWidget *incidents = window.triageView()->incidents();
        bool offered = false;
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *a : menu->actions())
                if (a->text().startsWith(QStringLiteral("Export snapshot of this incident"))) {
                    offered = true;
                    menu->close();
                    a->trigger();
                    return;
                }
            menu->close();
        });
        Q_EMIT incidents->customContextMenuRequested(QPoint(5, 5));
        QTRY_VERIFY_WITH_TIMEOUT(offered, 5000);
        auto *dialog = window.findChild<SnapshotExportDialog *>();
        QVERIFY(dialog);
        QCOMPARE(askedKey, key);
        QCOMPARE(askedTitle, QString::fromStdString("rack " + m_rack));
        TimeMs firstAlert = 0;
        for (const auto &i : service.current()->triage->incidents)
            if (QString::fromStdString(i.key) == key)
                firstAlert = i.startsAt;
        QCOMPARE(askedFrom, firstAlert - 30 * 60'000);
        QVERIFY(askedTo >= firstAlert && askedTo <= nowMs());
        QVERIFY(dialog->windowTitle().contains(QString::fromStdString(m_rack)));
        dialog->setOutPath(m_file);
        QSignalSpy finished(dialog, &SnapshotExportDialog::finished);
        dialog->start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.front().at(0).toBool(), qPrintable(dialog->message()));
        QVERIFY(dialog->message().startsWith(QStringLiteral("Wrote")));
        service.stop();
    }

    void reviewWindowSaysWhatItIs() {
        std::string err;
        auto file = snapshot::SnapshotFile::open(m_file.toStdString(), &err);
        QVERIFY2(file, err.c_str());
        SnapshotReview review(file, 0);
        QVERIFY(review.window()->windowTitle().contains(QStringLiteral("snapshot")));
        QVERIFY(review.window()->windowTitle().contains(QString::fromStdString(m_rack)));
        QVERIFY(!review.source()->isLive());
        review.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(review.window()));
        // Read-only: silencing from triage says so instead of doing anything.
        review.window()->showView(QStringLiteral("triage"));
        Q_EMIT review.window()->triageView()->silenceRequested(QStringLiteral("demo"), Silence{});
        QVERIFY(review.window()->statusBar()->currentMessage().contains(QStringLiteral("Read-only")));
    }

    // The replay bar stops where triage saw the rack's incident start, and a dropped .vigil file asks
    // for another window.
    void incidentEventsAndDrops() {
        std::string err;
        auto file = snapshot::SnapshotFile::open(m_file.toStdString(), &err);
        QVERIFY2(file, err.c_str());
        SnapshotReview review(file, 0);
        QSignalSpy found(&review, &SnapshotReview::incidentEventsFound);
        QVERIFY(found.wait(30000));
        QVERIFY(found.front().at(0).toInt() > 0);
        const QString starts = QStringLiteral("incident starts: rack %1").arg(QString::fromStdString(m_rack));
        TimeMs rackStarts = 0;
        for (const auto &e : review.scrubber()->events())
            if (e.text.startsWith(starts))
                rackStarts = e.time;
        QVERIFY2(rackStarts > file->info().from, qPrintable(starts));
        // N from the window's start stops at the first event, never after the rack's start.
        QTest::keyClick(review.scrubber(), Qt::Key_Home);
        QTest::keyClick(review.scrubber(), Qt::Key_N);
        QVERIFY(review.scrubber()->cursor() <= rackStarts);

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_file), QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
        QSignalSpy open(review.window(), &MainWindow::openSnapshotRequested);
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(review.window(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(review.window(), &drop);
        QCOMPARE(open.count(), 1); // the .vigil file only
        QCOMPARE(open.front().at(0).toString(), m_file);
    }

    // The keyboard moves the cursor; the fleet shown follows: quiet before the storm, the rack at the
    // end.
    void keyboardScrubsTheStorm() {
        std::string err;
        auto file = snapshot::SnapshotFile::open(m_file.toStdString(), &err);
        QVERIFY2(file, err.c_str());
        SnapshotReview review(file, 0);
        review.window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(review.window()));
        TimelineScrubber *bar = review.scrubber();
        QSignalSpy ready(review.source(), &FleetSource::snapshotReady);
        auto rackCause = [&] {
            const auto s = review.source()->current();
            return s && s->triage && !s->triage->incidents.empty() &&
                   s->triage->incidents.front().causeName == m_rack;
        };
        QVERIFY(rackCause()); // opens at the end: the storm at its fullest
        QTest::keyClick(bar, Qt::Key_Home);
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, file->info().from, 5000);
        QVERIFY(!rackCause());
        QCOMPARE(review.source()->current()->summary.hostsDown, 0);
        // The next event is the storm's first alerts.
        QTest::keyClick(bar, Qt::Key_N);
        const TimeMs firstEvent = file->events().front().time;
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, firstEvent, 5000);
        QTest::keyClick(bar, Qt::Key_End);
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, file->info().to, 5000);
        QVERIFY(rackCause());
        QCOMPARE(review.source()->current()->summary.hostsDown, 40);
        // Left a minute, then back with Right.
        QTest::keyClick(bar, Qt::Key_Left);
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, file->info().to - 60'000, 5000);
        // Play at 600x runs to the end and stops there.
        QTest::keyClick(bar, Qt::Key_Home);
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, file->info().from, 5000);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(bar, Qt::Key_Plus);
        QCOMPARE(bar->speed(), 600);
        QTest::keyClick(bar, Qt::Key_Space);
        QVERIFY(bar->playing());
        QTRY_VERIFY_WITH_TIMEOUT(!bar->playing(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(review.source()->current()->asOf, file->info().to, 5000);
    }

    // The postmortem draft of the rack's incident, from the review window (Markdown, with the map beside
    // it) and headless (HTML with the map inside, PDF).
    void writeUpDraftsTheIncident() {
        std::string err;
        auto file = snapshot::SnapshotFile::open(m_file.toStdString(), &err);
        QVERIFY2(file, err.c_str());
        SnapshotReview review(file, 0);
        QSignalSpy written(&review, &SnapshotReview::writtenUp);
        const QString md = m_dir.filePath(QStringLiteral("draft.md"));
        review.writeUp(md);
        QVERIFY(written.wait(60000));
        QVERIFY2(written.front().at(0).toBool(), qPrintable(written.front().at(1).toString()));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const QString rack = QString::fromStdString(m_rack);
        QVERIFY2(text.contains(QStringLiteral("# Postmortem draft: rack %1").arg(rack)),
                 qPrintable(text.left(300)));
        QVERIFY(text.contains(QStringLiteral("40 of 40 hosts in rack %1").arg(rack)));
        QVERIFY(text.contains(QStringLiteral("First alert of the incident.")));
        QVERIFY(text.contains(QStringLiteral("Vigil names the probable cause: rack %1").arg(rack)));
        QVERIFY(text.contains(QStringLiteral("| host | metric | before | during |")));
        QVERIFY(QImage(m_dir.filePath(QStringLiteral("draft-map.png"))).width() > 400);
        QString why;
        const QString html = m_dir.filePath(QStringLiteral("draft.html"));
        QVERIFY2(writeUp(file, QString(), html, &why), qPrintable(why));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll().contains("<img src=\"data:image/png;base64,"));
        const QString pdf = m_dir.filePath(QStringLiteral("draft.pdf"));
        QVERIFY2(writeUp(file, QString(), pdf, &why), qPrintable(why));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        const QByteArray bytes = p.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QVERIFY(bytes.size() > 20'000);
        // An incident the file does not hold: a message, no file.
        QVERIFY(
            !writeUp(file, QStringLiteral("host:nowhere"), m_dir.filePath(QStringLiteral("none.md")), &why));
        QVERIFY(why.contains(QStringLiteral("never appears")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.md"))));
    }
};

QTEST_MAIN(TestSnapshotReview)
#include "tst_snapshotreview.moc"
