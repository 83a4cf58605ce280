#include "common/viewregistry.h"

namespace vigil {

void ViewRegistry::add(const QString &name, const QString &title, QWidget *widget,
                       std::function<bool()> ready) {
    m_views.push_back({name, title, widget, std::move(ready)});
}

const ViewEntry *ViewRegistry::find(const QString &name) const {
    for (const auto &v : m_views)
        if (v.name == name)
            return &v;
    return nullptr;
}

QStringList ViewRegistry::names() const {
    QStringList out;
    for (const auto &v : m_views)
        out << v.name;
    return out;
}

} // namespace vigil
