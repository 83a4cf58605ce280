#pragma once
// Presentation over HostTableModel: formatted and translated text, status colours. Filtering and sorting
// are the model's (off the GUI thread for a large fleet); the proxy passes them on.
#include <QIdentityProxyModel>

namespace vigil {

class HostTableModel;

class HostTableProxy final : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit HostTableProxy(QObject *parent = nullptr);

    // The model's label-matcher filter (`region=eu1 role=~db.*`): false and *error (the filter is left
    // unchanged) when the text does not parse.
    bool setFilterText(const QString &text, QString *error);
    [[nodiscard]] QString filterText() const;

    void setSourceModel(QAbstractItemModel *model) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    HostTableModel *m_hosts = nullptr; // the source, when it is one (cast once)
};

} // namespace vigil
