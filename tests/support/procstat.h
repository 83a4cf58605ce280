#pragma once
// Another process's CPU time and memory, read from /proc (benchmarks that run real processes).
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

#include <unistd.h>

namespace vigil::bench {

struct ProcUsage {
    double cpuSeconds = 0; // user + system, since the process started
    double rssMiB = 0;
    double pssMiB = 0;     // proportional set size (shared pages split between their users)
    double peakRssMiB = 0; // the most resident memory the process has had (VmHWM)
};

inline bool readProc(qint64 pid, ProcUsage *out) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!stat.open(QIODevice::ReadOnly) || !status.open(QIODevice::ReadOnly))
        return false;
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th of them.
    const QByteArray s = stat.readAll();
    const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
    if (f.size() < 13)
        return false;
    out->cpuSeconds = static_cast<double>(f[11].toLongLong() + f[12].toLongLong()) /
                      static_cast<double>(sysconf(_SC_CLK_TCK));
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            out->rssMiB = line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
        else if (line.startsWith("VmHWM:"))
            out->peakRssMiB = line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    QFile rollup(QStringLiteral("/proc/%1/smaps_rollup").arg(pid));
    if (rollup.open(QIODevice::ReadOnly))
        for (const QByteArray &line : rollup.readAll().split('\n'))
            if (line.startsWith("Pss:"))
                out->pssMiB = line.mid(4).trimmed().split(' ').front().toDouble() / 1024.0;
    return true;
}

} // namespace vigil::bench
