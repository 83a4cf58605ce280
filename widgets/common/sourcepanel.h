#pragma once
// Per-endpoint health for the operator: status, last success, latency, bytes, version, last error.
#include <QWidget>

class QTableView;

namespace vigil {

class SourceHealthModel;

class SourcePanel final : public QWidget {
    Q_OBJECT
public:
    explicit SourcePanel(SourceHealthModel *model, QWidget *parent = nullptr);
    [[nodiscard]] QTableView *table() const { return m_table; }

private:
    QTableView *m_table;
};

} // namespace vigil
