#pragma once
// The drift view's lists as tables of raw values, worded and coloured by widgets/drift/driftproxies.h:
// the drift clusters that have hosts in the view's filter, how one fact's values spread over the
// hosts, and one host against its baseline.
#include "../analysis/baseline.h"

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <vector>

namespace vigil {

class DriftClusterModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    // Where a rule comes from, for the operator: a baseline file's line, or the consensus in words.
    static QString origin(const std::string &origin, int holders, int hosts, const std::string &layer);
    enum Column {
        SeverityColumn = 0, // DisplayRole: the severity's name ("critical")
        HostsColumn,        // int: the cluster's hosts in the filter
        WhereColumn,        // the layer
        FactColumn,
        IsColumn,
        ExpectedColumn,
        FirstSeenColumn, // qlonglong: ms since the epoch (0: unknown)
        NewDayColumn,    // int: hosts new in the last 24 h
        NewSinceColumn,  // int: hosts new since the last report
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString: layer, fact and value; names a cluster across reports
        SeverityRole,               // int: analysis::DriftSeverity
        ClusterHostsRole,           // int: all the cluster's hosts, in the filter or not
        OriginRole,                 // QString: the rule's origin ("baseline.yaml:12 (db)")
    };

    explicit DriftClusterModel(QObject *parent = nullptr);

    // hostsInFilter: per cluster of the report, its hosts the filter keeps. Clusters without any are
    // not shown.
    void setClusters(std::shared_ptr<const analysis::DriftSummary> summary,
                     std::vector<std::vector<std::string>> hostsInFilter);
    [[nodiscard]] const analysis::BaselineCluster *cluster(int row) const;
    [[nodiscard]] const std::vector<std::string> &hosts(int row) const;
    [[nodiscard]] int rowOfKey(const QString &key) const; // -1: not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const analysis::DriftSummary> m_summary;
    std::vector<std::vector<std::string>> m_hosts; // per cluster of the report
    std::vector<int> m_rows;                       // shown rows: indexes into the report's clusters
};

class FactValuesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kShown = 200; // the most common values; the rest are counted, not listed
    enum Column {
        ValueColumn = 0,
        HostsColumn,    // int
        ShareColumn,    // double: of the hosts counted, 0..1
        BaselineColumn, // bool: the rule accepts it (no value without a rule)
        ColumnCount
    };
    enum Role { AcceptedRole = Qt::UserRole + 1 }; // bool, on every column

    explicit FactValuesModel(QObject *parent = nullptr);

    // judged: whether a rule said which values it accepts.
    void setValues(std::shared_ptr<const analysis::FactValues> values, bool judged);
    void clear();
    [[nodiscard]] const std::shared_ptr<const analysis::FactValues> &values() const { return m_values; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const analysis::FactValues> m_values;
    bool m_judged = false;
};

class HostCheckModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        FactColumn = 0,
        IsColumn, // no value when the host lacks the fact
        ExpectedColumn,
        RuleColumn, // the rule's origin
        ColumnCount
    };
    enum Role { CompliesRole = Qt::UserRole + 1 }; // bool, on every column

    explicit HostCheckModel(QObject *parent = nullptr);

    // The checks point into the baseline's rules: the model keeps it.
    void setChecks(std::shared_ptr<const analysis::Baseline> baseline,
                   std::vector<analysis::FactCheck> checks);
    [[nodiscard]] const std::vector<analysis::FactCheck> &checks() const { return m_checks; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const analysis::Baseline> m_baseline;
    std::vector<analysis::FactCheck> m_checks;
};

} // namespace vigil
