#include "wearmodel.h"

#include <QVariantMap>

namespace vigil {

WearModel::WearModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void WearModel::setReport(std::shared_ptr<const analysis::WearReport> report) {
    beginResetModel();
    m_report = std::move(report);
    endResetModel();
}

int WearModel::replaceSoon() const {
    int n = 0;
    if (m_report)
        for (const auto &h : m_report->ranking)
            n += h.hoursToFailure <= m_options.replaceWithinHours;
    return n;
}

int WearModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() || !m_report ? 0 : static_cast<int>(m_report->ranking.size());
}

int WearModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WearModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || !m_report || index.row() >= rowCount())
        return {};
    const analysis::HostWear &h = m_report->ranking[static_cast<std::size_t>(index.row())];
    switch (role) {
    case HostRole:
        return QString::fromStdString(h.host);
    case HoursRole:
        return h.hoursToFailure;
    case ReplaceSoonRole:
        return h.hoursToFailure <= m_options.replaceWithinHours;
    case TrendsRole: {
        QVariantList trends;
        for (const auto &t : h.trends) {
            const auto k = static_cast<std::size_t>(t.input);
            trends.append(QVariantMap{
                {QStringLiteral("title"),
                 k < m_report->titles.size() ? QString::fromStdString(m_report->titles[k]) : QString()},
                {QStringLiteral("current"), t.current},
                {QStringLiteral("slopePerHour"), t.slopePerHour}});
        }
        return trends;
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return QString::fromStdString(h.host);
        case FailsInColumn:
            return h.hoursToFailure;
        case WhyColumn: {
            QStringList titles;
            for (const auto &t : h.trends)
                if (static_cast<std::size_t>(t.input) < m_report->titles.size())
                    titles << QString::fromStdString(m_report->titles[static_cast<std::size_t>(t.input)]);
            return titles.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    default:
        return {};
    }
}

} // namespace vigil
