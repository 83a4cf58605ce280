#pragma once
// CSV as spreadsheets and ticket systems read it (RFC 4180): a field with a comma, quote or line break
// is quoted, quotes doubled. Shared by every export (triage, wear, drift).
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace vigil::csv {

inline std::string field(std::string_view s) {
    if (s.find_first_of(",\"\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

inline QString field(const QString &s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// One line: the fields quoted as needed, joined by commas, ended by a line break.
inline QString row(const QStringList &fields) {
    QStringList out;
    for (const auto &f : fields)
        out << field(f);
    return out.join(QLatin1Char(',')) + QLatin1Char('\n');
}

} // namespace vigil::csv
