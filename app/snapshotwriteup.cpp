#include "snapshotwriteup.h"

#include "analysis/correlation.h"
#include "fleetviews.h"
#include "item/postmortem.h"
#include "service/snapshotsource.h"
#include "snapshot/snapshotfile.h"
#include "topology/topologyview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPdfWriter>
#include <QTest>
#include <QTextDocument>

#include <cmath>

namespace vigil {

namespace {

// Means of each affected host's metrics over the 10 minutes before the first alert and during the incident.
void fillMetrics(const snapshot::SnapshotFile &file, Postmortem &pm) {
    const int shown = std::min<int>(8, static_cast<int>(pm.affectedHosts.size()));
    const TimeMs end = pm.resolvedAt ? pm.resolvedAt : file.info().to;
    const auto &metrics = file.settings().profile.metrics;
    for (std::size_t mi = 0; mi < metrics.size() && mi < 3; ++mi) {
        std::map<std::string, int> rowOf;
        for (int i = 0; i < shown; ++i)
            rowOf[pm.affectedHosts.at(i).toStdString()] = i;
        std::vector<double> sumBefore(static_cast<std::size_t>(shown)), sumDuring(sumBefore);
        std::vector<int> nBefore(sumBefore.size()), nDuring(sumBefore.size());
        file.readMetricHistory(
            metrics[mi].key, pm.firstAlert - 10 * 60'000, end,
            [&](const std::string &host) {
                auto it = rowOf.find(host);
                return it == rowOf.end() ? -1 : it->second;
            },
            [&](TimeMs t, const std::vector<int> &rows, const float *vals, std::size_t n) {
                for (std::size_t i = 0; i < n; ++i) {
                    if (rows[i] < 0 || std::isnan(vals[i]))
                        continue;
                    const auto r = static_cast<std::size_t>(rows[i]);
                    if (t < pm.firstAlert) {
                        sumBefore[r] += vals[i];
                        ++nBefore[r];
                    } else {
                        sumDuring[r] += vals[i];
                        ++nDuring[r];
                    }
                }
            });
        for (int i = 0; i < shown; ++i) {
            const auto r = static_cast<std::size_t>(i);
            pm.metrics.push_back({pm.affectedHosts.at(i), QString::fromStdString(metrics[mi].title),
                                  nBefore[r] ? sumBefore[r] / nBefore[r] : std::nan(""),
                                  nDuring[r] ? sumDuring[r] / nDuring[r] : std::nan(""), metrics[mi].unit});
        }
    }
    std::stable_sort(
        pm.metrics.begin(), pm.metrics.end(),
        [](const Postmortem::HostMetric &a, const Postmortem::HostMetric &b) { return a.host < b.host; });
}

// The topology map at the incident's peak, its cause and blast radius marked.
QImage blastRadius(const std::shared_ptr<const snapshot::SnapshotFile> &file, const Postmortem &pm) {
    SnapshotSource source(file, pm.peakAt);
    FleetViews views(&source, {QStringLiteral("topology")});
    TopologyView *map = views.topology();
    map->resize(1400, 820);
    map->setAttribute(Qt::WA_DontShowOnScreen);
    map->show();
    views.setSnapshot(source.current());
    map->setIncident(pm.key);
    const ViewEntry *entry = views.registry().find(QStringLiteral("topology"));
    QElapsedTimer waited;
    waited.start();
    while (entry && entry->ready && !entry->ready() && waited.elapsed() < 20'000)
        QTest::qWait(50);
    map->canvas()->fit(); // the whole fleet: the blast radius in its place
    QTest::qWait(200);
    return map->canvas()->grab().toImage();
}

QByteArray png(const QImage &image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

std::optional<Postmortem> draftPostmortem(const std::shared_ptr<const snapshot::SnapshotFile> &file,
                                          const QString &incident, QString *error) {
    const auto &info = file->info();
    QString key = incident;
    if (key.isEmpty() && !info.incident.empty())
        key = QString::fromStdString(info.incident);
    SnapshotSource source(file, info.to);
    if (key.isEmpty()) { // the top incident at the window's end
        const auto end = source.current();
        if (end && end->triage && !end->triage->incidents.empty())
            key = QString::fromStdString(end->triage->incidents.front().key);
    }
    PostmortemBuilder builder(key, info.from, info.to);
    {
        for (TimeMs t = info.from; t + 30'000 < info.to; t += 60'000)
            builder.add(source.buildAt(t));
        builder.add(source.buildAt(info.to));
    }
    auto pm = builder.finish(QString::fromStdString(info.createdBy), QString::fromStdString(info.redacted));
    if (!pm) {
        if (error)
            *error =
                key.isEmpty()
                    ? QCoreApplication::translate("Snapshot", "the snapshot holds no incident")
                    : QCoreApplication::translate("Snapshot", "the incident %1 never appears in the snapshot")
                          .arg(key);
        return std::nullopt;
    }
    fillMetrics(*file, *pm);
    return pm;
}

bool writePostmortem(const std::shared_ptr<const snapshot::SnapshotFile> &file, const Postmortem &pmRef,
                     const QString &out, QString *error) {
    const Postmortem *pm = &pmRef;
    const QImage map = blastRadius(file, *pm);
    const QString suffix = QFileInfo(out).suffix().toLower();
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (suffix == QLatin1String("pdf")) {
        QTextDocument doc;
        doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("map.png")), map);
        QPdfWriter pdf(out);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setResolution(110);
        pdf.setTitle(QCoreApplication::translate("Snapshot", "Postmortem draft: %1").arg(pm->cause));
        pdf.setCreator(QStringLiteral("Vigil"));
        doc.setPageSize(QSizeF(pdf.width(), pdf.height()));
        // The map as wide as the page's text, not wider (it would be cut at the page's edge).
        const int mapWidth = static_cast<int>(pdf.width() - 2 * doc.documentMargin()) - 24;
        doc.setHtml(postmortemHtml(*pm, QStringLiteral("map.png"), mapWidth));
        doc.print(&pdf);
        return QFileInfo(out).size() > 0 ||
               fail(QCoreApplication::translate("Snapshot", "cannot write %1").arg(out));
    }
    QFile f(out);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(QCoreApplication::translate("Snapshot", "cannot write %1: %2").arg(out, f.errorString()));
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        f.write(postmortemHtml(*pm, QStringLiteral("data:image/png;base64,") +
                                        QString::fromLatin1(png(map).toBase64()))
                    .toUtf8());
    } else {
        const QString mapFile = QFileInfo(out).completeBaseName() + QStringLiteral("-map.png");
        map.save(QFileInfo(out).dir().filePath(mapFile), "PNG");
        f.write(postmortemMarkdown(*pm, mapFile).toUtf8());
    }
    return true;
}

bool writeUp(const std::shared_ptr<const snapshot::SnapshotFile> &file, const QString &incident,
             const QString &out, QString *error) {
    const auto pm = draftPostmortem(file, incident, error);
    return pm && writePostmortem(file, *pm, out, error);
}

} // namespace vigil
