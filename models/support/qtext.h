#pragma once
// std::string_view (UTF-8, as label values and names are kept) to QString, without a temporary
// std::string. Shared by the models and views that show fleet text.
#include <QString>

#include <string_view>

namespace vigil {

inline QString toQString(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace vigil
