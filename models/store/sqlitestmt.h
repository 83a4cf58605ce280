#pragma once
// SQLite through its C API, the way the cache and the snapshot files use it: a prepared statement with
// RAII that throws on error, a connection closer, and the JSON forms of labels and string lists. A file
// is input too: a damaged row reads as absent fields, never throws from the JSON helpers.
#include "../fleet/labelset.h"
#include "../fleet/silence.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigil::sqlite {

using json = nlohmann::json;

// A prepared statement with RAII; bind by 1-based index.
class Stmt {
public:
    Stmt(sqlite3 *db, const char *sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &m_s, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("SQL prepare failed: ") + sqlite3_errmsg(db) +
                                     " in: " + sql);
    }
    ~Stmt() { sqlite3_finalize(m_s); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    Stmt &bind(int i, std::int64_t v) {
        sqlite3_bind_int64(m_s, i, v);
        return *this;
    }
    Stmt &bind(int i, double v) {
        if (std::isnan(v))
            sqlite3_bind_null(m_s, i);
        else
            sqlite3_bind_double(m_s, i, v);
        return *this;
    }
    Stmt &bind(int i, const std::string &v) {
        sqlite3_bind_text(m_s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt &bindNull(int i) {
        sqlite3_bind_null(m_s, i);
        return *this;
    }
    Stmt &bindBlob(int i, const void *p, std::size_t n) {
        sqlite3_bind_blob(m_s, i, p, static_cast<int>(n), SQLITE_TRANSIENT);
        return *this;
    }
    // Returns true while rows come; throws on error.
    bool step() {
        int rc = sqlite3_step(m_s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throw std::runtime_error(std::string("SQL step failed: ") + sqlite3_errmsg(sqlite3_db_handle(m_s)));
    }
    void exec() {
        while (step()) {
        }
        reset();
    }
    void reset() {
        sqlite3_reset(m_s);
        sqlite3_clear_bindings(m_s);
    }
    std::int64_t i64(int c) const { return sqlite3_column_int64(m_s, c); }
    double dbl(int c) const {
        return sqlite3_column_type(m_s, c) == SQLITE_NULL ? std::numeric_limits<double>::quiet_NaN()
                                                          : sqlite3_column_double(m_s, c);
    }
    bool isNull(int c) const { return sqlite3_column_type(m_s, c) == SQLITE_NULL; }
    std::string text(int c) const {
        auto p = sqlite3_column_text(m_s, c);
        return p ? std::string(reinterpret_cast<const char *>(p), sqlite3_column_bytes(m_s, c))
                 : std::string();
    }
    std::vector<float> floats(int c) const {
        std::vector<float> out(static_cast<std::size_t>(sqlite3_column_bytes(m_s, c)) / sizeof(float));
        if (!out.empty())
            std::memcpy(out.data(), sqlite3_column_blob(m_s, c), out.size() * sizeof(float));
        return out;
    }

private:
    sqlite3_stmt *m_s = nullptr;
};

inline void execSql(sqlite3 *db, const char *sql) {
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        throw std::runtime_error(msg);
    }
}

inline json labelsToJson(const LabelSet &l) {
    json j = json::object();
    for (const auto &x : l.labels())
        j[x.name] = x.value;
    return j;
}

// A JSON object of strings (other values skipped; anything else, or damage, reads as no labels).
LabelSet labelsFromJson(const std::string &s);
// A JSON array of strings (other values skipped; anything else reads as none).
std::vector<std::string> stringsFromJson(const std::string &s);

// A silence's matchers as the cache and snapshots keep them: [{name, value, isRegex, isEqual}]. A damaged
// entry reads as absent fields, never throws.
inline std::vector<SilenceMatcher> matchersFromJson(const std::string &s) {
    std::vector<SilenceMatcher> out;
    const auto m = json::parse(s, nullptr, false);
    if (!m.is_array())
        return out;
    for (const auto &x : m) {
        if (!x.is_object())
            continue;
        auto text = [&](const char *k) {
            auto it = x.find(k);
            return it != x.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        auto flag = [&](const char *k, bool fallback) {
            auto it = x.find(k);
            return it != x.end() && it->is_boolean() ? it->get<bool>() : fallback;
        };
        out.push_back({text("name"), text("value"), flag("isRegex", false), flag("isEqual", true)});
    }
    return out;
}

// A "file:" URI for sqlite3_open_v2 with SQLITE_OPEN_URI (or ATTACH) of any path, with `query`
// ("mode=ro", "immutable=1") appended.
inline std::string fileUri(const std::string &path, const char *query) {
    std::string out = "file:";
    for (unsigned char c : path) {
        if (c == '%' || c == '?' || c == '#' || c < 0x20) {
            static const char hex[] = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "?" + query;
}

struct DbCloser {
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;

} // namespace vigil::sqlite
