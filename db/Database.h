#pragma once
// One open connection to the archive's books (SQLite file or, later, PostgreSQL).
// A Database is used from the thread that opened it (Qt Sql connections are per thread);
// open one per thread. The kiosk keeps one on its db worker thread.

#include "common/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace archive::db {

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
    // SQLite only: the raw sqlite3* of this connection (fast paths such as Ledger::verify), else nullptr.
    void* sqliteHandle();

private:
    Database() = default;
    Status configure(const OpenOptions& options);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_location;
    Dialect m_dialect = Dialect::SQLite;
    qint64 m_clockOffsetMs = 0;
    std::unique_ptr<StmtCache> m_stmts;
};

// Turns a failed QSqlQuery/QSqlDatabase into an Error a person can act on
// (disk full, read-only file, locked, corrupt) with the technical text in detail.
Error sqlError(const class QSqlError& e, const QString& what);

}  // namespace archive::db
