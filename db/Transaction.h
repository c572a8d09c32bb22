#pragma once
// RAII write transaction. On SQLite it is BEGIN IMMEDIATE (takes the write lock up front, so two
// writers queue on the busy timeout instead of failing with "database is locked" at commit). On PostgreSQL
// it is BEGIN (READ COMMITTED) + pg_advisory_xact_lock(Database::kWriteLockKey): writers queue the same way,
// so every rule reads the state the previous writer committed, and the ledger stays one chain.
// A writer that waits longer than the busy/lock timeout is retried a few times, then "busy" (never raw SQL).
// PostgreSQL durability: the COMMIT under the lock is asynchronous; commit() then runs a tiny synchronous write
// outside the lock (0003_commit_barrier.pg.sql) that returns only after the WAL is flushed past our commit, so the
// kiosks share WAL flushes instead of queueing one flush each. commit() returns ok only after that barrier.
// Rolled back on destruction unless commit() succeeded.

#include "common/Result.h"

class QSqlDatabase;

namespace archive::db {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& begun() const { return m_begin; }  // check before doing work
    Status commit();
    void rollback();

private:
    Database& m_db;
    Status m_begin;
    bool m_open = false;
    bool m_barrier = false;  // PostgreSQL: commit asynchronously under the lock, then wait for the flush outside it
};

}  // namespace archive::db
