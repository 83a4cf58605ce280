#pragma once
// Views register under a stable name ("hosts", later "triage", "heatmap", "topology", "drift") so the
// command line (--view, --screenshot), the wall-display playlist and the menus address them alike.
#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

namespace vigil {

struct ViewEntry {
    QString name;  // stable id used on the command line
    QString title; // translated, for tabs and menus
    QWidget *widget = nullptr;
    // Whether the view has what it needs on screen (history loaded...); screenshots wait for it.
    std::function<bool()> ready;
};

class ViewRegistry final {
public:
    void add(const QString &name, const QString &title, QWidget *widget, std::function<bool()> ready = {});
    [[nodiscard]] const ViewEntry *find(const QString &name) const;
    [[nodiscard]] const std::vector<ViewEntry> &views() const { return m_views; }
    [[nodiscard]] QStringList names() const;

private:
    std::vector<ViewEntry> m_views;
};

} // namespace vigil
