#pragma once
// Presentation over HostTableModel: label-matcher filtering (`region=eu1 role=~db.*`), numeric sorting,
// formatted and translated text, status colours.
#include "fleet/labelmatcher.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace vigil {

class HostTableModel;

class HostTableProxy final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit HostTableProxy(QObject *parent = nullptr);

    // Returns false and sets *error (the filter is left unchanged) when the text does not parse.
    bool setFilterText(const QString &text, QString *error);
    [[nodiscard]] QString filterText() const { return m_text; }

    void setSourceModel(QAbstractItemModel *model) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    const HostTableModel *m_hosts = nullptr; // the source, when it is one (cast once, not per compare)
    std::optional<LabelFilter> m_filter;
    QString m_text;
};

} // namespace vigil
