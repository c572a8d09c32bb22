#pragma once
// Prepared statements kept per connection: preparing an SQLite statement costs more than running a
// point lookup, so hot paths (box lookup, check-out, ledger append) reuse them.

#include "common/Result.h"

#include <QHash>
#include <QString>

class QSqlQuery;

namespace archive::db {

class Database;

class StmtCache {
public:
    explicit StmtCache(Database& db) : m_db(db) {}
    ~StmtCache();
    StmtCache(const StmtCache&) = delete;
    StmtCache& operator=(const StmtCache&) = delete;
    // A prepared, forward-only query for sql (prepared on first use). Callers bind, exec, read and
    // call finish() so that no read snapshot stays open.
    Result<QSqlQuery*> get(const QString& sql);
    void clear();

private:
    Database& m_db;
    QHash<QString, QSqlQuery*> m_cache;
};

}  // namespace archive::db
