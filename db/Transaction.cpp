#include "Transaction.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace archive::db {

namespace {
// Waiting for another writer: SQLite "database is locked/busy", PostgreSQL lock timeout (55P03),
// deadlock (40P01) or serialisation failure (40001). Worth another try after a short pause.
bool transient(const QSqlError& e) {
    const QString state = e.nativeErrorCode();
    if (state == QLatin1String("55P03") || state == QLatin1String("40P01") || state == QLatin1String("40001")) return true;
    const QString t = e.text().toLower();
    return t.contains(QLatin1String("locked")) || t.contains(QLatin1String("busy"));
}
}  // namespace

Transaction::Transaction(Database& db) : m_db(db), m_begin(okStatus()) {
    QSqlQuery q(m_db.sql());
    const bool pg = m_db.dialect() == Dialect::PostgreSQL;
    // PostgreSQL: one writer at a time, as with SQLite (see Database::kWriteLockKey); BEGIN and the lock go to the
    // server in one round trip. The commit itself does not wait for the WAL flush while holding the lock; commit()
    // waits for it afterwards (durability barrier, migration 0003_commit_barrier.pg.sql).
    m_barrier = pg && m_db.commitBarrierReady();
    const QString sql = !pg ? QStringLiteral("BEGIN IMMEDIATE")
                            : QStringLiteral("BEGIN; %1SELECT pg_advisory_xact_lock(%2)")
                                  .arg(m_barrier ? QStringLiteral("SET LOCAL synchronous_commit = off; ") : QString())
                                  .arg(Database::kWriteLockKey);
    // busy_timeout (SQLite) / lock_timeout (PostgreSQL) already wait; retry a few times on top for very long writers.
    QSqlError last;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (q.exec(sql)) {
            q.finish();
            m_open = true;
            m_db.setWriteLockHeld(pg);
            return;
        }
        last = q.lastError();
        if (pg) {
            QSqlQuery rb(m_db.sql());
            rb.exec(QStringLiteral("ROLLBACK"));  // BEGIN went through, the lock wait did not
        }
        if (!transient(last)) break;
        QThread::msleep(20 * (attempt + 1));
    }
    m_begin = sqlError(last, QStringLiteral("begin transaction"));
}

Transaction::~Transaction() {
    if (m_open) rollback();
}

Status Transaction::commit() {
    if (!m_open) return m_begin.ok() ? makeError(QStringLiteral("db_error"), QStringLiteral("事务已结束。"),
                                                  QStringLiteral("The transaction is already finished."))
                                     : m_begin;
    QSqlQuery q(m_db.sql());
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(q.lastError(), QStringLiteral("commit"));
        rollback();
        return e;
    }
    m_open = false;
    m_db.setWriteLockHeld(false);
    if (m_barrier) {
        // Durability barrier: a synchronous commit after ours returns only once the WAL holds both. Until it
        // returns nothing is confirmed; if it fails (server lost), the caller reports "not saved".
        QSqlQuery b(m_db.sql());
        if (!b.exec(QStringLiteral("INSERT INTO commit_barrier(pid, n) VALUES (pg_backend_pid(), 1)"
                                   " ON CONFLICT (pid) DO UPDATE SET n = commit_barrier.n + 1")))
            return sqlError(b.lastError(), QStringLiteral("commit (durability barrier)"));
    }
    return okStatus();
}

void Transaction::rollback() {
    if (!m_open) return;
    QSqlQuery q(m_db.sql());
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
    m_db.setWriteLockHeld(false);
}

}  // namespace archive::db
