#include "common/format.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace vigil::format {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Format)
};
} // namespace

QString metric(double v, MetricUnit unit) {
    if (std::isnan(v))
        return QStringLiteral("–");
    switch (unit) {
    case MetricUnit::Ratio:
        return QLocale().toString(v * 100.0, 'f', 1) + QStringLiteral(" %");
    case MetricUnit::BytesPerSecond:
        return bytes(v) + QStringLiteral("/s");
    case MetricUnit::Number:
        // A count (errors, sectors, restarts) reads "2", never "2.00".
        return QLocale().toString(v, 'f', std::abs(v) < 1e15 && v == std::round(v) ? 0 : 2);
    }
    return QLocale().toString(v);
}

QString bytes(double b) {
    static const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    int u = 0;
    while (std::abs(b) >= 1000.0 && u < 4) {
        b /= 1000.0;
        ++u;
    }
    return QLocale().toString(b, 'f', u == 0 ? 0 : 1) + QLatin1Char(' ') + QLatin1String(units[u]);
}

QString age(TimeMs then, TimeMs now) {
    if (then <= 0)
        return Tr::tr("never");
    const qint64 s = std::max<qint64>(0, (now - then) / 1000);
    if (s < 60)
        return Tr::tr("%1 s ago").arg(s);
    if (s < 3600)
        return Tr::tr("%1 min ago").arg(s / 60);
    if (s < 86400)
        return Tr::tr("%1 h ago").arg(s / 3600);
    return Tr::tr("%1 d ago").arg(s / 86400);
}

QString duration(double ms) {
    if (ms < 1000)
        return Tr::tr("%1 ms").arg(qRound(ms));
    return Tr::tr("%L1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace vigil::format
