#include "driftmodels.h"

namespace vigil {

namespace {
QString str(const std::string &s) {
    return QString::fromStdString(s);
}
} // namespace

QString DriftClusterModel::origin(const std::string &origin, int holders, int hosts,
                                  const std::string &layer) {
    if (hosts <= 0)
        return str(origin); // a baseline file's line: a place, not words
    return tr("consensus of %L1 of %Ln %2 host(s)", nullptr, hosts).arg(holders).arg(str(layer));
}

// ---- clusters

DriftClusterModel::DriftClusterModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void DriftClusterModel::setClusters(std::shared_ptr<const analysis::DriftSummary> summary,
                                    std::vector<std::vector<std::string>> hostsInFilter) {
    beginResetModel();
    m_summary = std::move(summary);
    m_hosts = std::move(hostsInFilter);
    m_rows.clear();
    const std::size_t n = m_summary ? m_summary->report.clusters.size() : 0;
    m_hosts.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        if (!m_hosts[i].empty())
            m_rows.push_back(static_cast<int>(i));
    endResetModel();
}

const analysis::BaselineCluster *DriftClusterModel::cluster(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_summary->report.clusters[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)])];
}

const std::vector<std::string> &DriftClusterModel::hosts(int row) const {
    static const std::vector<std::string> none;
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return none;
    return m_hosts[static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)])];
}

int DriftClusterModel::rowOfKey(const QString &key) const {
    for (int r = 0; r < rowCount(); ++r)
        if (data(index(r, 0), KeyRole).toString() == key)
            return r;
    return -1;
}

int DriftClusterModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DriftClusterModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DriftClusterModel::data(const QModelIndex &index, int role) const {
    const auto *c = index.isValid() ? cluster(index.row()) : nullptr;
    if (!c)
        return {};
    switch (role) {
    case KeyRole:
        return str(c->layer + "\x1f" + c->fact + "\x1f" + c->actual);
    case SeverityRole:
        return static_cast<int>(c->severity);
    case ClusterHostsRole:
        return static_cast<int>(c->hosts.size());
    case OriginRole:
        return origin(c->origin, c->consensusHolders, c->consensusHosts, c->layer);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case SeverityColumn:
        return QString::fromLatin1(analysis::severityName(c->severity));
    case HostsColumn:
        return static_cast<int>(hosts(index.row()).size());
    case WhereColumn:
        return str(c->layer);
    case FactColumn:
        return str(c->fact);
    case IsColumn:
        return str(c->actual);
    case ExpectedColumn:
        return str(c->expected);
    case FirstSeenColumn:
        return static_cast<qlonglong>(c->firstSeen);
    case NewDayColumn:
        return c->newLastDay;
    case NewSinceColumn:
        return c->newSince;
    default:
        return {};
    }
}

// ---- one fact's values

FactValuesModel::FactValuesModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void FactValuesModel::setValues(std::shared_ptr<const analysis::FactValues> values, bool judged) {
    beginResetModel();
    m_values = std::move(values);
    m_judged = judged;
    endResetModel();
}

void FactValuesModel::clear() {
    setValues(nullptr, false);
}

int FactValuesModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() || !m_values)
        return 0;
    return std::min(static_cast<int>(m_values->values.size()), kShown);
}

int FactValuesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FactValuesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &v = m_values->values[static_cast<std::size_t>(index.row())];
    if (role == AcceptedRole)
        return v.accepted;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ValueColumn:
        return str(v.value);
    case HostsColumn:
        return v.hosts;
    case ShareColumn:
        return m_values->hosts ? static_cast<double>(v.hosts) / m_values->hosts : 0.0;
    case BaselineColumn:
        return m_judged ? QVariant(v.accepted) : QVariant();
    default:
        return {};
    }
}

// ---- a host against its baseline

HostCheckModel::HostCheckModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void HostCheckModel::setChecks(std::shared_ptr<const analysis::Baseline> baseline,
                               std::vector<analysis::FactCheck> checks) {
    beginResetModel();
    m_baseline = std::move(baseline);
    m_checks = std::move(checks);
    endResetModel();
}

int HostCheckModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_checks.size());
}

int HostCheckModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostCheckModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto &c = m_checks[static_cast<std::size_t>(index.row())];
    if (role == CompliesRole)
        return c.complies;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FactColumn:
        return str(c.fact);
    case IsColumn:
        return c.value ? QVariant(str(*c.value)) : QVariant();
    case ExpectedColumn:
        return c.rule ? QVariant(str(c.rule->expected())) : QVariant();
    case RuleColumn:
        return c.rule ? QVariant(DriftClusterModel::origin(c.rule->origin, c.rule->consensusHolders,
                                                           c.rule->consensusHosts, c.rule->layer))
                      : QVariant();
    default:
        return {};
    }
}

} // namespace vigil
