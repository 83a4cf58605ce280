#pragma once
// Shared helpers for Vigil's tests.
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QTest>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace vigil::test {

inline std::string fixture(const char *name) {
    QFile f(QStringLiteral(VIGIL_TEST_DATA_DIR "/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll().toStdString();
}

// The bodies of the answers to `path` recorded from real servers (tests/data/{kube,node}/*/answers.json),
// each with the file it came from.
inline std::vector<std::pair<std::string, std::string>> recordedAnswers(const std::string &path) {
    std::vector<std::pair<std::string, std::string>> out;
    QDirIterator it(QStringLiteral(VIGIL_TEST_DATA_DIR), {QStringLiteral("answers.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const auto list = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
        for (const auto &e : list)
            if (e.is_object() && e.value("path", "") == path)
                out.emplace_back(file.toStdString(), e.value("body", ""));
    }
    return out;
}

} // namespace vigil::test
