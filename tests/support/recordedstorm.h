#pragma once
// A storm as the real servers answered it (tests/data/<fleet>/<storm>/answers.json, recorded by that
// fleet's record.sh) played back by a canned server to the real vigil binary's `vigil triage`, beside
// the storm's hand-written truth.json. Shared by tst_recordedfleets and bench_triage.
#include "httpserver.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace vigil::test {

using nlohmann::json;

inline json readJson(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return json::parse(f.readAll().toStdString(), nullptr, false);
}

using Params = std::vector<std::pair<std::string, std::string>>;

// Parameters that name a moment or a deadline: a replay asks for "now", not the recording's now.
inline bool momentary(const std::string &name) {
    return name == "time" || name == "start" || name == "end" || name == "timeout";
}

// The recorded answers by (path, parameters); a request nobody recorded is answered 404 and noted.
class CannedServer {
public:
    explicit CannedServer(const json &records) {
        for (const auto &r : records) {
            Params q;
            for (const auto &p : r.at("query"))
                q.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
            std::sort(q.begin(), q.end());
            m_answers[{r.at("path").get<std::string>(), q}] = {r.at("status").get<int>(),
                                                               r.at("body").get<std::string>()};
        }
        m_server = std::make_unique<vigil::sim::HttpServer>([this](const vigil::sim::ServerRequest &req) {
            Params q;
            for (const auto &p : req.query)
                if (!momentary(p.first))
                    q.push_back(p);
            std::sort(q.begin(), q.end());
            auto it = m_answers.find({req.path, q});
            if (it == m_answers.end()) {
                std::string what = req.path;
                for (const auto &p : q)
                    what += " " + p.first + "=" + p.second;
                std::lock_guard lock(m_mutex);
                m_missed.insert(what);
                return vigil::sim::ServerReply::json(R"({"status":"error","error":"not recorded"})", 404);
            }
            return vigil::sim::ServerReply::json(it->second.second, it->second.first);
        });
    }
    bool start(std::string *error) { return m_server->start("127.0.0.1", 0, error); }
    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_server->port()); }
    [[nodiscard]] std::set<std::string> missed() const {
        std::lock_guard lock(m_mutex);
        return m_missed;
    }

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, Params>, std::pair<int, std::string>> m_answers;
    std::set<std::string> m_missed;
    std::unique_ptr<vigil::sim::HttpServer> m_server;
};

// The first incident's cause (in `vigil triage --format json`) is the truth's.
inline bool topCauseRight(const json &truth, const json &result) {
    if (!result.is_object() || !result.contains("incidents") || !result.at("incidents").is_array() ||
        result.at("incidents").empty() || !truth.is_object() || !truth.contains("cause"))
        return false;
    const json &c = result.at("incidents").at(0).at("cause");
    return c.at("kind") == truth.at("cause").at("kind") && c.at("name") == truth.at("cause").at("name");
}

struct RecordedRun {
    json records, truth, result;  // answers.json, truth.json, vigil triage --format json
    std::string error;            // empty when vigil ran and printed JSON
    std::set<std::string> missed; // requests nothing was recorded for
    [[nodiscard]] bool topCauseRight() const {
        return error.empty() && vigil::test::topCauseRight(truth, result);
    }
};

// The names of a storm's variants (truth.json's `variants`): the same answers given to Vigil configured
// otherwise (fewer edges than the recording had), the same cause true.
inline std::vector<std::string> variantsOf(const QString &dir) {
    std::vector<std::string> out;
    const json truth = readJson(dir + QStringLiteral("/truth.json"));
    if (truth.is_object() && truth.contains("variants") && truth.at("variants").is_array())
        for (const auto &v : truth.at("variants"))
            out.push_back(v.value("name", std::string()));
    return out;
}

// Runs `vigil triage --format json --limit 0` with the truth's profile, and the sections of config its
// `config` holds (as record.sh gave them) or, for a variant, that variant's `config`, against the storm's
// answers.
inline RecordedRun runRecordedStorm(const QString &dir, const QString &vigilBin,
                                    const std::string &variant = {}) {
    RecordedRun run;
    run.records = readJson(dir + QStringLiteral("/answers.json"));
    run.truth = readJson(dir + QStringLiteral("/truth.json"));
    if (!run.records.is_array() || run.records.empty() || !run.truth.is_object()) {
        run.error = "no answers.json or truth.json in " + dir.toStdString();
        return run;
    }
    std::string config = run.truth.value("config", std::string());
    if (!variant.empty()) {
        const auto &variants = run.truth.value("variants", json::array());
        const auto it = std::find_if(variants.begin(), variants.end(), [&](const json &v) {
            return v.value("name", std::string()) == variant;
        });
        if (it == variants.end()) {
            run.error = "no variant \"" + variant + "\" in " + dir.toStdString() + "/truth.json";
            return run;
        }
        config = it->value("config", std::string());
    }
    CannedServer server(run.records);
    if (!server.start(&run.error))
        return run;
    QTemporaryDir tmp;
    QFile cfg(tmp.filePath(QStringLiteral("vigil.yaml")));
    if (!cfg.open(QIODevice::WriteOnly)) {
        run.error = "cannot write the config";
        return run;
    }
    cfg.write(("sources:\n  - {name: recorded, prometheus: '" + server.url() + "', alertmanagers: ['" +
               server.url() + "']}\nprofile: " + run.truth.at("profile").get<std::string>() +
               "\ncache: {path: '" + tmp.filePath(QStringLiteral("cache.sqlite")).toStdString() + "'}\n" +
               config + "\n")
                  .c_str());
    cfg.close();
    QProcess vigil;
    vigil.start(vigilBin, {QStringLiteral("triage"), QStringLiteral("--config"), cfg.fileName(),
                           QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--limit"),
                           QStringLiteral("0")});
    if (!vigil.waitForFinished(60000) || (vigil.exitCode() != 0 && vigil.exitCode() != 1)) {
        run.error = "vigil triage failed: " + vigil.readAllStandardError().toStdString();
        vigil.kill();
        return run;
    }
    run.missed = server.missed();
    run.result = json::parse(vigil.readAllStandardOutput().toStdString(), nullptr, false);
    if (!run.result.is_object())
        run.error = "vigil triage printed no JSON";
    return run;
}

} // namespace vigil::test
