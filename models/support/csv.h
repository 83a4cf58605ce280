#pragma once
// CSV as spreadsheets and ticket systems read it (RFC 4180): a field with a comma, quote or line break
// is quoted, quotes doubled. Shared by every export (triage, wear, drift).
// Label values and annotations come from the wire: a cell that begins with =, +, -, @ (or a tab or
// carriage return) would run as a formula in a spreadsheet (CSV injection), so it is prefixed with an
// apostrophe, the usual neutraliser; plain numbers such as -1.5 are left as they are.
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>

namespace vigil::csv {

inline bool looksLikeFormula(std::string_view s) {
    if (s.empty() || std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos)
        return false;
    // A plain number ("-1.5", "+3e2") is data, not a formula.
    std::size_t i = 1, digits = 0;
    bool dot = false, exp = false;
    if (s.front() != '-' && s.front() != '+')
        return true;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c == '.' && !dot && !exp)
            dot = true;
        else if ((c == 'e' || c == 'E') && digits && !exp && i + 1 < s.size()) {
            exp = true;
            if (s[i + 1] == '-' || s[i + 1] == '+')
                ++i;
        } else
            return true;
    }
    return digits == 0;
}

inline std::string field(std::string_view in) {
    std::string s = looksLikeFormula(in) ? "'" + std::string(in) : std::string(in);
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

inline QString field(const QString &in) {
    const QByteArray utf8 = in.toUtf8();
    const QString s =
        looksLikeFormula(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())))
            ? QLatin1Char('\'') + in
            : in;
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
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
