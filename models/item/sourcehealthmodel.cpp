#include "sourcehealthmodel.h"

namespace vigil {

SourceHealthModel::SourceHealthModel(QObject *parent)
    : QAbstractTableModel(parent) {}

const SourceHealth *SourceHealthModel::sourceAt(int row) const {
    return row >= 0 && row < static_cast<int>(m_sources.size()) ? &m_sources[static_cast<std::size_t>(row)]
                                                                : nullptr;
}

void SourceHealthModel::setSnapshot(const FleetSnapshotPtr &snapshot) {
    if (!snapshot)
        return;
    m_asOf = snapshot->asOf;
    const auto &next = snapshot->sources;
    const bool sameIds =
        next.size() == m_sources.size() &&
        std::equal(next.begin(), next.end(), m_sources.begin(),
                   [](const SourceHealth &a, const SourceHealth &b) { return a.id == b.id; });
    if (!sameIds) {
        beginResetModel();
        m_sources = next;
        endResetModel();
        return;
    }
    m_sources = next;
    if (!m_sources.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int SourceHealthModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

int SourceHealthModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceHealthModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceHealth &s = m_sources[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case IdColumn:
            return QString::fromStdString(s.id);
        case UrlColumn:
            return QString::fromStdString(s.url);
        case StatusColumn:
            return s.healthy();
        case LastSuccessColumn:
            return static_cast<qint64>(s.lastSuccess);
        case LatencyColumn:
            return s.lastLatencyMs;
        case BytesColumn:
            return static_cast<qulonglong>(s.lastBytes);
        case VersionColumn:
            return QString::fromStdString(s.version);
        case ErrorColumn: {
            QString text = QString::fromStdString(s.lastError);
            for (const auto &w : s.warnings)
                text += (text.isEmpty() ? QString() : QStringLiteral("; ")) + QString::fromStdString(w);
            return text;
        }
        default:
            return {};
        }
    case HealthyRole:
        return s.healthy();
    case StaleRole:
        return s.isStale(m_asOf ? m_asOf : nowMs());
    case NowRole:
        return static_cast<qlonglong>(m_asOf ? m_asOf : nowMs());
    case KindRole:
        return static_cast<int>(s.kind);
    default:
        return {};
    }
}

QVariant SourceHealthModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char *names[] = {"source",  "url",   "status",  "last success",
                                  "latency", "bytes", "version", "error"};
    return QString::fromLatin1(names[section]);
}

} // namespace vigil
