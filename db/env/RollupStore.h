#pragma once
// Reads and writes the compact readings and their hourly/daily rollups (portable Qt Sql).
// Used by ReadingStore (ingest) and EnvQueries (charts, metrics, reports). Runs on the db thread.

#include "Rollup.h"
#include "common/Result.h"

#include <QList>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <QSqlQuery>

namespace archive::db {
class Database;
}

namespace archive::db::env {

enum class Grain { Hour, Day };

struct RollupRow {
    qint64 sensorId = 0;
    qint64 start = 0;  // hour or day start, UTC ms
    RollupAgg agg;
};

class RollupStore {
public:
    explicit RollupStore(Database& db) : m_db(db) {}

    Result<std::optional<RollupAgg>> load(Grain g, qint64 sensorId, qint64 start);
    Status save(Grain g, qint64 sensorId, qint64 start, const RollupAgg& agg);  // upsert; empty → delete
    // Rebuilds one hour of one sensor from raw readings (Δt of its first reading from the one before).
    Status recomputeHour(qint64 sensorId, qint64 hour, qint64 intervalMs);
    // Rebuilds one day from its hourly rows.
    Status recomputeDay(qint64 sensorId, qint64 day);

    // Rows of the given sensors with start in [from, to), ordered by start then sensor.
    Result<QList<RollupRow>> rows(Grain g, const QList<qint64>& sensorIds, qint64 from, qint64 to);
    // Raw readings in [from, to), ordered by time.
    Result<std::vector<CompactReading>> raw(qint64 sensorId, qint64 from, qint64 to);
    // Time of the latest reading strictly before / the earliest strictly after `at`; nullopt when none.
    Result<std::optional<qint64>> prevAt(qint64 sensorId, qint64 at);
    Result<std::optional<qint64>> nextAt(qint64 sensorId, qint64 at);
    Result<std::optional<qint64>> lastAt(qint64 sensorId);

    // Aggregate computed straight from raw readings (reference for tests and partial hours).
    // Reads the 16 rollup columns (n … metal_risk_s, in table order) starting at column `col`.
    static RollupAgg fromQuery(const QSqlQuery& q, int col);
    static const char* columns();      // "n, t_n, …" in that order
    static const char* sumColumns();   // the same as aggregates: sum(n), …, min(t_min), …

    static RollupAgg aggregate(const std::vector<CompactReading>& sorted, std::optional<qint64> prevAt,
                               qint64 intervalMs);

    ~RollupStore();
    // Drops cached prepared statements (call before the Database closes if this store outlives it).
    void clearCache();

    // A statement prepared once on this store's connection and reused (bind by position, call finish()).
    QSqlQuery& prepared(const QString& sql) { return stmt(sql); }

private:
    QSqlQuery& stmt(const QString& sql);
    Database& m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_stmts;
};

}  // namespace archive::db::env
