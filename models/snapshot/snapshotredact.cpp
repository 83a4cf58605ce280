#include "snapshotredact.h"

#include "fleet/regex.h"
#include "store/sqlitestmt.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace vigil::snapshot {

using namespace sqlite;

namespace {

bool tokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == ':';
}

class Redactor {
public:
    explicit Redactor(std::string prefix)
        : m_prefix(std::move(prefix)) {
        if (RAND_bytes(m_key.data(), static_cast<int>(m_key.size())) != 1)
            throw std::runtime_error("no random key for the redaction");
    }

    // Hides `value` everywhere: as a whole, and each of its words (a value with '/' or spaces).
    void add(const std::string &value) {
        if (value.empty() || m_map.count(value))
            return;
        m_map.emplace(value, hashOf(value));
        std::size_t i = 0;
        while (i < value.size()) {
            while (i < value.size() && !tokenChar(value[i]))
                ++i;
            std::size_t j = i;
            while (j < value.size() && tokenChar(value[j]))
                ++j;
            if (j > i && j - i < value.size())
                add(value.substr(i, j - i));
            i = j;
        }
    }
    [[nodiscard]] bool empty() const { return m_map.empty(); }
    [[nodiscard]] const std::string *find(const std::string &v) const {
        auto it = m_map.find(v);
        return it == m_map.end() ? nullptr : &it->second;
    }
    // Every word of `text` that is a hidden value (or one with a ":port") replaced by its hash.
    [[nodiscard]] std::string rewrite(const std::string &text) const {
        std::string out;
        out.reserve(text.size());
        std::size_t i = 0;
        while (i < text.size()) {
            if (!tokenChar(text[i])) {
                out += text[i++];
                continue;
            }
            std::size_t j = i;
            while (j < text.size() && tokenChar(text[j]))
                ++j;
            out += rewriteWord(text.substr(i, j - i));
            i = j;
        }
        return out;
    }

private:
    [[nodiscard]] std::string rewriteWord(const std::string &word) const {
        if (const auto *h = find(word))
            return *h;
        // "web-1:9100", "host.example.com." and the like: the hidden part, the rest kept.
        for (char sep : {':', '.'}) {
            const auto at = word.find(sep);
            if (at != std::string::npos && at > 0) {
                const std::string head = word.substr(0, at);
                if (const auto *h = find(head))
                    return *h + rewriteWord(word.substr(at));
            }
        }
        return word;
    }
    [[nodiscard]] std::string hashOf(const std::string &value) const {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        HMAC(EVP_sha256(), m_key.data(), static_cast<int>(m_key.size()),
             reinterpret_cast<const unsigned char *>(value.data()), value.size(), md, &len);
        std::string out = m_prefix;
        char buf[3];
        for (unsigned int k = 0; k < 6 && k < len; ++k) {
            std::snprintf(buf, sizeof buf, "%02x", md[k]);
            out += buf;
        }
        return out;
    }

    std::string m_prefix;
    std::array<unsigned char, 32> m_key{};
    std::unordered_map<std::string, std::string> m_map;
};

std::shared_ptr<const Regex> compileOrThrow(const std::string &pattern, const char *what) {
    if (pattern.empty())
        return nullptr;
    std::string err;
    auto re = Regex::compile(pattern, &err);
    if (!re)
        throw std::runtime_error(std::string("redaction: ") + what + ": " + err);
    return re;
}

// Applies f to every (rowid, text) of a column and writes back what changed.
template <class F> void rewriteColumn(sqlite3 *db, const std::string &table, const std::string &column, F f) {
    std::vector<std::pair<std::int64_t, std::string>> changed;
    {
        Stmt s(db, ("SELECT rowid, \"" + column + "\" FROM \"" + table + "\" WHERE \"" + column +
                    "\" IS NOT NULL")
                       .c_str());
        while (s.step()) {
            const std::string before = s.text(1);
            std::string after = f(before);
            if (after != before)
                changed.emplace_back(s.i64(0), std::move(after));
        }
    }
    Stmt put(db, ("UPDATE \"" + table + "\" SET \"" + column + "\" = ? WHERE rowid = ?").c_str());
    for (const auto &[rowid, text] : changed)
        put.bind(1, text).bind(2, rowid).exec();
}

// Dropped labels leave the label sets first; their joined values go, and runs_on rows naming one of them
// as a service (when the service label is dropped, its workloads).
void dropLabels(sqlite3 *db, const std::function<bool(const std::string &)> &chosenName) {
    auto drop = [&](const std::string &json) {
        auto labels = labelsFromJson(json);
        std::vector<std::string> gone;
        for (const auto &l : labels.labels())
            if (chosenName(l.name))
                gone.push_back(l.name);
        for (const auto &g : gone)
            labels.remove(g);
        return labelsToJson(labels).dump();
    };
    rewriteColumn(db, "host_events", "labels", drop);
    rewriteColumn(db, "alerts", "labels", drop);
    rewriteColumn(db, "alerts", "placement", drop);
    std::vector<std::int64_t> gone;
    std::vector<std::string> goneValues;
    {
        Stmt s(db, "SELECT rowid, label, value FROM joined");
        while (s.step())
            if (chosenName(s.text(1))) {
                gone.push_back(s.i64(0));
                goneValues.push_back(s.text(2));
            }
    }
    Stmt del(db, "DELETE FROM joined WHERE rowid = ?");
    for (const auto rowid : gone)
        del.bind(1, rowid).exec();
    Stmt delRuns(db, "DELETE FROM runs_on WHERE service = ?");
    for (const auto &v : goneValues)
        delRuns.bind(1, v).exec();
}

// Fingerprints are hashes of the labels, and so a way back to them: replaced consistently too.
void rekeyFingerprints(sqlite3 *db) {
    Redactor prints("f-");
    Stmt s(db, "SELECT fingerprint FROM alerts");
    std::vector<std::string> all;
    while (s.step())
        all.push_back(s.text(0));
    for (const auto &fp : all)
        prints.add(fp);
    auto rekey = [&](const std::string &text) { return prints.rewrite(text); };
    rewriteColumn(db, "alerts", "fingerprint", rekey);
    rewriteColumn(db, "alert_events", "fingerprint", rekey);
    rewriteColumn(db, "alerts", "inhibited_by", rekey);
}

// Every hidden value out of every text column of every table: JSON (labels, lists, the settings) by its
// string values, so its syntax and keys stay; other text word by word.
void hideEverywhere(sqlite3 *db, const Redactor &hide) {
    std::function<void(json &)> walk = [&](json &j) {
        if (j.is_string())
            j = hide.rewrite(j.get<std::string>());
        else if (j.is_object() || j.is_array())
            for (auto &x : j)
                walk(x);
    };
    auto rewrite = [&](const std::string &text) {
        if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
            json j = json::parse(text, nullptr, false);
            if (!j.is_discarded()) {
                walk(j);
                return j.dump();
            }
        }
        return hide.rewrite(text);
    };
    // Every text column of every table; the numbers and blobs say nothing of names.
    std::vector<std::pair<std::string, std::string>> columns;
    {
        Stmt t(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        std::vector<std::string> tables;
        while (t.step())
            tables.push_back(t.text(0));
        for (const auto &table : tables) {
            Stmt c(db, ("PRAGMA table_info(\"" + table + "\")").c_str());
            while (c.step())
                if (c.text(2) == "TEXT")
                    columns.emplace_back(table, c.text(1));
        }
    }
    for (const auto &[table, column] : columns)
        if (!(table == "meta" && column == "key"))
            rewriteColumn(db, table, column, rewrite);
}

} // namespace

std::string Redaction::describe() const {
    if (!active())
        return "nothing";
    std::string out;
    auto add = [&](const std::string &part) { out += (out.empty() ? "" : "; ") + part; };
    if (hostNames)
        add("host names hashed");
    if (!labelNames.empty())
        add("values of labels matching /" + labelNames + "/ " + (dropLabels ? "dropped" : "hashed"));
    if (!labelValues.empty())
        add("label values matching /" + labelValues + "/ hashed");
    if (dropAnnotations)
        add("annotations dropped");
    return out;
}

std::string Redaction::check() const {
    for (const std::string *p : {&labelNames, &labelValues}) {
        std::string err;
        if (!p->empty() && !Regex::compile(*p, &err))
            return "/" + *p + "/: " + err;
    }
    return {};
}

void redact(sqlite3 *db, const Redaction &r, const HostIdentity &identity) {
    if (!r.active())
        return;
    const auto names = compileOrThrow(r.labelNames, "label names");
    const auto values = compileOrThrow(r.labelValues, "label values");
    Redactor hide("h-");
    auto chosenName = [&](const std::string &name) { return names && names->fullMatch(name); };
    auto isHostLabel = [&](const std::string &name) {
        return r.hostNames &&
               std::find(identity.labels.begin(), identity.labels.end(), name) != identity.labels.end();
    };
    // What to hide: host names, then every value of a chosen label or matching the value regex.
    if (r.hostNames) {
        Stmt h(db, "SELECT name FROM hosts");
        while (h.step()) {
            const std::string name = h.text(0);
            hide.add(name);
            hide.add(std::string(HostIdentity::withoutPort(name)));
        }
    }
    auto hideLabel = [&](const std::string &name, const std::string &value) {
        if (chosenName(name) || (values && values->fullMatch(value)))
            hide.add(value);
        else if (isHostLabel(name)) // the machine; "10.0.1.6:9100" then keeps its port
            hide.add(std::string(HostIdentity::withoutPort(value)));
    };
    auto collect = [&](const std::string &json) {
        const auto labels = labelsFromJson(json);
        for (const auto &l : labels.labels())
            hideLabel(l.name, l.value);
    };
    for (const char *sql :
         {"SELECT labels FROM host_events WHERE labels IS NOT NULL", "SELECT labels FROM alerts",
          "SELECT placement FROM alerts WHERE placement IS NOT NULL"}) {
        Stmt s(db, sql);
        while (s.step())
            collect(s.text(0));
    }
    {
        // What the joins added is a label set spread over rows; the nodes workloads ran on are hosts.
        Stmt s(db, "SELECT label, value FROM joined");
        while (s.step())
            hideLabel(s.text(0), s.text(1));
        if (r.hostNames) {
            Stmt h(db, "SELECT host FROM runs_on");
            while (h.step())
                hide.add(h.text(0));
        }
    }
    {
        Stmt s(db, "SELECT matchers FROM silences");
        while (s.step()) {
            const auto m = json::parse(s.text(0), nullptr, false);
            if (m.is_array())
                for (const auto &x : m)
                    if (x.is_object() && x.contains("name") && x["name"].is_string() && x.contains("value") &&
                        x["value"].is_string() && !x.value("isRegex", false) &&
                        (chosenName(x["name"].get<std::string>()) ||
                         isHostLabel(x["name"].get<std::string>())))
                        hide.add(x["value"].get<std::string>());
        }
    }
    // Dropped labels leave the label sets first.
    if (r.dropLabels && names)
        dropLabels(db, chosenName);
    if (r.dropAnnotations)
        execSql(db, "UPDATE alerts SET annotations = '{}'");
    rekeyFingerprints(db);
    if (!hide.empty())
        hideEverywhere(db, hide);
    Stmt meta(db, "UPDATE meta SET value = ? WHERE key = 'redacted'");
    meta.bind(1, r.describe()).exec();
}

} // namespace vigil::snapshot
