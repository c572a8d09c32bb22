#pragma once
// One open connection to the archive's books (SQLite file or PostgreSQL server).
// A Database is used from the thread that opened it (Qt Sql connections are per thread);
// open one per thread. The kiosk keeps one on its db worker thread.

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <mutex>

namespace archive::db {

class WalCheckpointer;

class StmtCache;

enum class Dialect { SQLite, PostgreSQL };

struct OpenOptions {
    bool migrate = true;          // apply pending migrations on open
    bool create = true;           // create the SQLite file (and its folder) if missing
    bool readOnly = false;        // open without writing (reports, verify on a copy)
    int busyTimeoutMs = 10000;    // wait this long for another writer before giving up
};

class Database {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // location: a file path (SQLite) or "postgresql://user@host:port/dbname".
    static Result<std::unique_ptr<Database>> open(const QString& location, const OpenOptions& options = {});

    // --db PATH beats ARCHIVE_DB beats ~/.local/share/archive-kiosk/archive.db
    static QString defaultLocation();
    static QString resolveLocation(const QString& cliValue);

    QSqlDatabase& sql() { return m_db; }
    Dialect dialect() const { return m_dialect; }
    const QString& location() const { return m_location; }
    const QString& connectionName() const { return m_connectionName; }

    int schemaVersion();
    Status migrate();

    // Wall clock in UTC milliseconds. Tests may shift it (setClockOffsetMs) to make loans overdue.
    qint64 nowMs() const;
    void setClockOffsetMs(qint64 offset) { m_clockOffsetMs = offset; }

    // Prepared statements kept for this connection (db/StmtCache.h); dropped before the connection closes.
    StmtCache& statementCache();

    // PostgreSQL write locks (the scheme is described in db/Transaction.h): every write Transaction takes the
    // archive lock first — exclusively (one writer at a time, as SQLite's BEGIN IMMEDIATE) or, for a scoped
    // check-out/check-in, shared plus advisory locks on its box and borrower; Ledger::append serialises the
    // chain head on its own lock. All held until COMMIT/ROLLBACK.
    static constexpr qint64 kWriteLockKey = 0x4152434849564531LL;   // "ARCHIVE1"
    static constexpr qint64 kLedgerLockKey = 0x4c45444745524844LL;  // "LEDGERHD"
    bool writeLockHeld() const { return m_writeLockHeld; }
    void setWriteLockHeld(bool held) { m_writeLockHeld = held; }
    // PostgreSQL: the table of Transaction's durability barrier exists (migration 0003); checked until it does.
    bool commitBarrierReady();
    // SQLite only: the raw sqlite3* of this connection (fast paths such as Ledger::verify), else nullptr.
    void* sqliteHandle();
    // SQLite: this process's writers of the file queue here before BEGIN IMMEDIATE (db/WriterGate.h); else nullptr.
    std::timed_mutex* writerGate() const { return m_writerGate.get(); }
    int busyTimeoutMs() const { return m_busyTimeoutMs; }

private:
    Database() = default;
    Status configure(const OpenOptions& options);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_location;
    Dialect m_dialect = Dialect::SQLite;
    qint64 m_clockOffsetMs = 0;
    bool m_writeLockHeld = false;
    bool m_commitBarrier = false;
    quint64 m_watchToken = 0;  // PostgreSQL: sync::ReplyWatchdog registration
    std::unique_ptr<StmtCache> m_stmts;
    std::shared_ptr<WalCheckpointer> m_checkpointer;
    std::shared_ptr<std::timed_mutex> m_writerGate;  // SQLite writers of this file in this process (WriterGate.h)
    int m_busyTimeoutMs = 10000;  // SQLite writers: checkpoints off this thread
};

// PostgreSQL: runs `count` ;-separated statements in one round trip (a simple query). QPSQL's exec() reports only
// the first statement's outcome; this walks through every result, so a failure of any statement (say, a lock wait
// that timed out) is returned, and leaves q on the last statement's rows. False = q.lastError() says why.
bool execStatements(class QSqlQuery& q, const QString& sql, int count);

// Turns a failed QSqlQuery/QSqlDatabase into an Error a person can act on
// (disk full, read-only file, locked, corrupt) with the technical text in detail.
Error sqlError(const class QSqlError& e, const QString& what);

}  // namespace archive::db
