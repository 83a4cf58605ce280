#pragma once
// The "hosts" view: every host with status, alerts, the profile's figures and labels; sortable, filtered
// with label matchers; updated in place each poll without losing selection or scroll position.
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace vigil {

class HostTableModel;
class HostTableProxy;

class HostTableView final : public QWidget {
    Q_OBJECT
public:
    explicit HostTableView(HostTableModel *model, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] HostTableProxy *proxy() const { return m_proxy; }

Q_SIGNALS:
    void hostActivated(const QString &host);

protected:
    void changeEvent(QEvent *event) override; // rows follow the type (a wall display scales it)

private:
    void applyFilter();
    void updateCount();

    HostTableModel *m_model;
    HostTableProxy *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_filterError;
    QLabel *m_count;
    QTableView *m_table;
    int m_sizedColumns = -1; // the column count the widths were fitted to
};

} // namespace vigil
