#pragma once
// How SnapshotFile::open checks and reads a file (snapshotreader.cpp); internal to models/snapshot.
#include "snapshotfile.h"

#include <cstdint>
#include <stdexcept>

struct sqlite3;

namespace vigil::snapshot {

// Thrown for a file that fails a check: its message is what the operator reads.
struct Refused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SnapshotReader {
public:
    // Format, schema, integrity and size bounds; throws Refused.
    static void validate(sqlite3 *db);
    // Everything into memory, every value type-checked and bounded.
    static void read(sqlite3 *db, SnapshotFile &f);
    static void deriveEvents(SnapshotFile &f);

private:
    static void readMeta(sqlite3 *db, SnapshotFile &f);
    static void readSources(sqlite3 *db, SnapshotFile &f);
    static void readHosts(sqlite3 *db, SnapshotFile &f);
    static void readSamples(sqlite3 *db, SnapshotFile &f);
    static void readAlerts(sqlite3 *db, SnapshotFile &f, std::int64_t version);
    static void readSilences(sqlite3 *db, SnapshotFile &f);
    static void readFactsAndNotes(sqlite3 *db, SnapshotFile &f);
    static void readGraph(sqlite3 *db, SnapshotFile &f, std::int64_t version);
};

} // namespace vigil::snapshot
