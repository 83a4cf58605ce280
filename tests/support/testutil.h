#pragma once
// Shared helpers for Vigil's tests.
#include <QFile>
#include <QString>
#include <QTest>

#include <string>

namespace vigil::test {

inline std::string fixture(const char *name) {
    QFile f(QStringLiteral(VIGIL_TEST_DATA_DIR "/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll().toStdString();
}

} // namespace vigil::test
