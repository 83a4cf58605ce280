#include "snapshotfile.h"

#include "snapshotreader.h"

#include "snapshotformat.h"
#include "snapshotsettings.h"
#include "store/sqlitestmt.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

namespace vigil::snapshot {

using namespace sqlite;

std::shared_ptr<const SnapshotFile> SnapshotFile::open(const std::string &path, std::string *error) {
    auto fail = [&](const std::string &why) -> std::shared_ptr<const SnapshotFile> {
        if (error)
            *error = path + " cannot be opened: " + why;
        return nullptr;
    };
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return fail(ec.message());
    if (size == 0)
        return fail("the file is empty");
    if (size > static_cast<std::uintmax_t>(kMaxFileBytes))
        return fail("the file is larger than a snapshot may be (" + std::to_string(size >> 20) + " MiB)");
    {
        unsigned char head[100] = {};
        std::ifstream in(path, std::ios::binary);
        if (!in.read(reinterpret_cast<char *>(head), sizeof head) ||
            std::memcmp(head, "SQLite format 3", 16) != 0)
            return fail("it is not a Vigil snapshot (not an SQLite database)");
        // The header says how many pages the database has; a shorter file lost its end.
        const std::uint32_t pageSize = head[16] << 8 | head[17];
        const std::uint64_t pages = std::uint64_t(head[28]) << 24 | head[29] << 16 | head[30] << 8 | head[31];
        const std::uint64_t expected = pages * (pageSize == 1 ? 65536 : pageSize);
        if (expected > size)
            return fail("it is truncated (" + std::to_string(size) + " of " + std::to_string(expected) +
                        " bytes)");
    }
    sqlite3 *raw = nullptr;
    if (sqlite3_open_v2(fileUri(path, "immutable=1").c_str(), &raw,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        const std::string why = raw ? sqlite3_errmsg(raw) : "out of memory";
        sqlite3_close_v2(raw);
        return fail(why);
    }
    DbPtr db(raw);
    // Nothing the file brings runs: no functions from its schema, no views or triggers (checked below),
    // no writes, no size beyond bounds, and no query that runs for more than a minute.
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
    sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, 256 << 20);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto *deadlinePtr = new std::chrono::steady_clock::time_point(deadline);
    sqlite3_progress_handler(
        db.get(), 10000,
        [](void *p) -> int {
            return std::chrono::steady_clock::now() > *static_cast<std::chrono::steady_clock::time_point *>(p)
                       ? 1
                       : 0;
        },
        deadlinePtr);
    std::unique_ptr<std::chrono::steady_clock::time_point> deadlineOwner(deadlinePtr);
    auto file = std::shared_ptr<SnapshotFile>(new SnapshotFile);
    file->m_path = path;
    try {
        SnapshotReader::validate(db.get());
        SnapshotReader::read(db.get(), *file);
        SnapshotReader::deriveEvents(*file);
    } catch (const Refused &e) {
        return fail(e.what());
    } catch (const std::bad_alloc &) {
        return fail("it is too large to read into memory");
    } catch (const std::exception &e) {
        const std::string what = e.what();
        if (what.find("interrupted") != std::string::npos)
            return fail("reading it took longer than a minute");
        return fail("it is damaged (" + what + ")");
    }
    db.reset();
    return file;
}

CachedState SnapshotFile::stateAt(TimeMs t) const {
    CachedState st;
    st.metrics = m_metrics;
    for (auto s : m_sources) {
        if (auto it = m_polls.find(s.id); it != m_polls.end()) {
            for (const auto &p : it->second) {
                if (p.time > t)
                    break;
                s.lastAttempt = p.time;
                s.lastLatencyMs = p.latencyMs;
                s.lastBytes = static_cast<std::uint64_t>(std::max<std::int64_t>(0, p.bytes));
                s.lastError = p.failed ? (p.error.empty() ? std::string("failed") : p.error) : std::string();
                if (!p.failed)
                    s.lastSuccess = p.time;
            }
        }
        st.sources.push_back(std::move(s));
    }
    const std::int64_t minute = t / 60'000;
    std::vector<const std::vector<float> *> blobs;
    for (const auto &perMinute : m_samples) {
        // The latest minute at or before t, if it is at most five minutes old.
        auto it = perMinute.upper_bound(minute);
        const std::vector<float> *blob = nullptr;
        if (it != perMinute.begin() && std::prev(it)->first >= minute - 5)
            blob = &std::prev(it)->second;
        blobs.push_back(blob);
    }
    std::vector<char> present(m_hosts.size(), 0); // by host index: in the fleet at t
    for (const auto &h : m_hosts) {
        auto it = std::upper_bound(h.states.begin(), h.states.end(), t,
                                   [](TimeMs x, const HostState &s) { return x < s.time; });
        if (it == h.states.begin())
            continue;
        const HostState &s = *std::prev(it);
        if (s.up < 0)
            continue;
        Host host;
        host.name = h.name;
        host.labels = s.labels;
        host.up = static_cast<UpState>(s.up);
        host.sources = h.sources;
        host.lastSeen = s.time;
        const auto idx = static_cast<std::size_t>(h.slot - 1);
        for (const auto *blob : blobs)
            host.metrics.push_back(blob && idx < blob->size() ? (*blob)[idx]
                                                              : std::numeric_limits<double>::quiet_NaN());
        present[static_cast<std::size_t>(&h - m_hosts.data())] = 1;
        st.hosts.push_back(std::move(host));
    }
    for (const auto &f : m_facts)
        if (f.firstSeen <= t && (f.lastSeen == 0 || f.lastSeen > t))
            if (const std::size_t hi = m_hostBySlot.at(f.slot); present[hi])
                st.facts.push_back({m_hosts[hi].name, f.name, f.value});
    std::sort(st.facts.begin(), st.facts.end(), [](const Fact &a, const Fact &b) {
        return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
    });
    for (const auto &a : m_alerts) {
        auto it =
            std::upper_bound(a.states.begin(), a.states.end(), t,
                             [](TimeMs x, const std::pair<TimeMs, AlertState> &s) { return x < s.first; });
        if (it == a.states.begin() || std::prev(it)->second == AlertState::Resolved)
            continue;
        Alert alert = a.alert;
        alert.state = std::prev(it)->second;
        alert.updatedAt = std::prev(it)->first;
        // The file keeps the alert's last start; an earlier episode (resolved, then back with the same
        // labels) began when its first state after the resolution was recorded.
        if (alert.startsAt > t) {
            auto open = std::prev(it);
            while (open != a.states.begin() && std::prev(open)->second != AlertState::Resolved)
                --open;
            alert.startsAt = open->first;
        }
        if (alert.state != AlertState::Suppressed) {
            alert.silencedBy.clear();
            alert.inhibitedBy.clear();
        }
        st.alerts.push_back(std::move(alert));
    }
    for (auto s : m_silences) {
        if (s.startsAt > t)
            continue;
        s.state = t < s.endsAt ? "active" : "expired";
        st.silences.push_back(std::move(s));
    }
    st.rules = m_rules;
    for (const auto &n : m_notes)
        if (n.time <= t)
            st.notes.push_back(n);
    for (const auto &a : m_acks)
        if (a.since <= t && t < a.endsAt)
            st.acks.push_back(a);
    return st;
}

std::vector<int> SnapshotFile::activeAlertsPerMinute() const {
    const std::int64_t first = m_info.from / 60'000, last = m_info.to / 60'000;
    std::vector<int> out(static_cast<std::size_t>(std::max<std::int64_t>(0, last - first + 1)), 0);
    auto add = [&](std::int64_t begin, std::int64_t end) { // minutes [begin, end)
        for (std::int64_t m = std::max(begin, first); m < std::min(end, last + 1); ++m)
            ++out[static_cast<std::size_t>(m - first)];
    };
    for (const auto &a : m_alerts) {
        std::int64_t openedAt = -1;
        for (const auto &[t, s] : a.states) {
            const bool open = s != AlertState::Resolved;
            if (open && openedAt < 0) {
                openedAt = t / 60'000;
            } else if (!open && openedAt >= 0) {
                add(openedAt, t / 60'000);
                openedAt = -1;
            }
        }
        if (openedAt >= 0)
            add(openedAt, last + 1);
    }
    return out;
}

std::vector<std::pair<std::string, std::pair<double, double>>>
SnapshotFile::layout(const std::string &map) const {
    auto it = m_layouts.find(map);
    return it == m_layouts.end() ? std::vector<std::pair<std::string, std::pair<double, double>>>()
                                 : it->second;
}

bool SnapshotFile::readMetricHistory(const std::string &metricKey, TimeMs from, TimeMs to,
                                     const std::function<int(const std::string &)> &rowOf,
                                     const HistorySink &sink) const {
    std::size_t k = 0;
    while (k < m_metrics.size() && m_metrics[k].key != metricKey)
        ++k;
    if (k == m_metrics.size())
        return false;
    std::vector<int> rowOfSlot;
    if (!m_hostBySlot.empty())
        rowOfSlot.assign(
            static_cast<std::size_t>(std::min<std::int64_t>(m_hostBySlot.rbegin()->first, kMaxHosts * 4)),
            -1);
    for (const auto &[slot, index] : m_hostBySlot)
        if (static_cast<std::size_t>(slot - 1) < rowOfSlot.size())
            rowOfSlot[static_cast<std::size_t>(slot - 1)] = rowOf(m_hosts[index].name);
    const auto &perMinute = m_samples[k];
    for (auto it = perMinute.lower_bound(from / 60'000); it != perMinute.end() && it->first <= to / 60'000;
         ++it)
        sink(it->first * 60'000, rowOfSlot, it->second.data(), std::min(it->second.size(), rowOfSlot.size()));
    return true;
}

HistoryReader::FactHistory SnapshotFile::factsAt(TimeMs at) const {
    FactHistory out;
    for (const auto &f : m_facts) {
        if (f.firstSeen > at || (f.lastSeen != 0 && f.lastSeen <= at))
            continue;
        const std::string &host = m_hosts[m_hostBySlot.at(f.slot)].name;
        auto key = std::make_tuple(host, f.name, f.value);
        auto [it, fresh] = out.firstSeen.emplace(key, f.firstSeen);
        if (fresh)
            out.facts.push_back({host, f.name, f.value});
        else
            it->second = std::min(it->second, f.firstSeen);
    }
    std::sort(out.facts.begin(), out.facts.end(), [](const Fact &a, const Fact &b) {
        return std::tie(a.host, a.name, a.value) < std::tie(b.host, b.name, b.value);
    });
    return out;
}

std::map<std::tuple<std::string, std::string, std::string>, TimeMs>
SnapshotFile::firstSeenOf(const std::vector<Fact> &facts, TimeMs at) const {
    std::map<std::tuple<std::string, std::string, std::string>, TimeMs> wanted;
    for (const auto &f : facts)
        wanted.emplace(std::make_tuple(f.host, f.name, f.value), 0);
    std::map<std::tuple<std::string, std::string, std::string>, TimeMs> out;
    for (const auto &f : m_facts) {
        if (f.firstSeen > at || (f.lastSeen != 0 && f.lastSeen <= at))
            continue;
        auto key = std::make_tuple(m_hosts[m_hostBySlot.at(f.slot)].name, f.name, f.value);
        if (!wanted.count(key))
            continue;
        auto [it, fresh] = out.emplace(std::move(key), f.firstSeen);
        if (!fresh)
            it->second = std::min(it->second, f.firstSeen);
    }
    return out;
}

} // namespace vigil::snapshot
