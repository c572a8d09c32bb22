#pragma once
// The one hot path of the environment log: inserting compact readings. On SQLite it uses the sqlite3
// C API on Qt's own connection handle (Qt Sql's per-row overhead would cap ingest well below 500k/s);
// on other backends a prepared QSqlQuery with the same portable statement.

#include "Rollup.h"
#include "common/Result.h"

#include <memory>

namespace archive::db {
class Database;
}

namespace archive::db::env {

class ReadingInserter {
public:
    explicit ReadingInserter(Database& db);
    ~ReadingInserter();
    Status ready() const;
    // true when stored, false when a reading of that sensor at that time already existed.
    Result<bool> insert(qint64 sensorId, const CompactReading& r);
    // Many readings of one sensor that cannot exist yet (newer than its last one); multi-row statements
    // on SQLite. Returns the number stored.
    Result<qint64> insertNew(qint64 sensorId, const CompactReading* rows, qint64 n);

    struct Impl;

private:
    std::unique_ptr<Impl> d;
};

}  // namespace archive::db::env
