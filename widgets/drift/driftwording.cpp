#include "drift/driftwording.h"

#include <QStringList>

namespace vigil {

QString DriftWording::note(const analysis::DriftNote &n) {
    using Kind = analysis::DriftNote::Kind;
    const QString fact = QString::fromStdString(n.fact);
    switch (n.kind) {
    case Kind::NoMajority:
        return tr("%1 has no majority value among the %n %2 host(s) (%3 distinct values); not judged",
                  nullptr, n.hosts)
            .arg(fact, QString::fromStdString(n.role))
            .arg(n.distinct);
    case Kind::NotVersions:
        return tr("%1: some values are not versions; compared as strings").arg(fact);
    case Kind::HostsDown:
        return tr("%n host(s) are down and were not judged", nullptr, n.hosts);
    case Kind::HostsWithoutFacts:
        return tr("%n host(s) reported no facts (down, or not exporting them) and were not judged", nullptr,
                  n.hosts);
    case Kind::HostsWithoutRules:
        return tr("%n host(s) match no baseline layer and were not judged", nullptr, n.hosts);
    }
    return {};
}

QString DriftWording::nothingJudged(const analysis::BaselineReport &r, const QString &roleLabel) {
    QStringList parts;
    if (r.hostsWithoutRules)
        parts << (roleLabel.isEmpty()
                      ? tr("%n host(s) match no baseline layer", nullptr, r.hostsWithoutRules)
                      : tr("%n host(s) have no \"%1\" label to compare by", nullptr, r.hostsWithoutRules)
                            .arg(roleLabel));
    if (r.hostsWithoutFacts)
        parts << tr("%n host(s) report no fact series (profile.facts)", nullptr, r.hostsWithoutFacts);
    if (r.hostsDown)
        parts << tr("%n host(s) are down", nullptr, r.hostsDown);
    if (parts.isEmpty())
        return tr("the sources reported no hosts");
    return parts.join(tr(", "));
}

QString DriftWording::against(const analysis::DriftSummary &summary, const QString &roleLabel) {
    return summary.againstFile.empty() ? tr("the consensus by %1").arg(roleLabel)
                                       : QString::fromStdString(summary.againstFile);
}

} // namespace vigil
