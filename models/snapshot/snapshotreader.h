#pragma once
// How SnapshotFile::open checks and reads a file (snapshotreader.cpp); internal to models/snapshot.
#include "snapshotfile.h"

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
};

} // namespace vigil::snapshot
