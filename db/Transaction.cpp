#include "Transaction.h"

#include "Database.h"

#include <chrono>

#include <QHash>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
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

// A string literal for the lock statements, escaped by the driver (they are sent as one simple query, which
// cannot carry bound parameters).
QString literal(Database& db, const QString& v) {
    QSqlField f(QString(), QMetaType(QMetaType::QString));
    f.setValue(v);
    return db.sql().driver()->formatValue(f);
}

// Whether the server has a migration's functions (check: one boolean SELECT), remembered per connection (names are
// unique per Database); asked again until they are there.
bool serverHas(QHash<QString, bool>& known, Database& db, const char* check) {
    bool& ready = known[db.connectionName()];
    if (ready) return true;
    QSqlQuery q(db.sql());
    ready = q.exec(QString::fromLatin1(check)) && q.next() && q.value(0).toBool();
    return ready;
}

// Migration 0006 (write_scope_begin, commit_barrier_pass, the loan writes; after 0004's ledger_append_chained).
thread_local QHash<QString, bool> t_scopeFunctions;
bool scopeFunctionsReady(Database& db) {
    return serverHas(t_scopeFunctions, db,
                     "SELECT to_regprocedure('write_scope_begin(bigint,text,text)') IS NOT NULL"
                     " AND to_regprocedure('commit_barrier_pass()') IS NOT NULL"
                     " AND to_regprocedure('loan_checkout_write(bigint,bigint,bigint,bigint,bigint,bigint,text)') IS NOT NULL"
                     " AND to_regprocedure('loan_checkin_write(bigint,bigint,text,text,text,bigint,text)') IS NOT NULL"
                     " AND to_regprocedure('ledger_append_chained(bigint,bigint,text,text,text,text)') IS NOT NULL");
}

const char* const kBarrierStatement =
    "INSERT INTO commit_barrier(pid, n) VALUES (pg_backend_pid(), 1) ON CONFLICT (pid) DO UPDATE SET n = commit_barrier.n + 1";

// BEGIN and every lock of the transaction, one round trip (each statement of a simple query gets its own
// snapshot under READ COMMITTED, so the box/person lookups run after the archive lock is granted).
QString pgBegin(Database& db, bool barrier, const WriteScope* scope, int* statements) {
    QString sql = QStringLiteral("BEGIN; ");
    *statements = 2;
    if (barrier && scope && scopeFunctionsReady(db)) {
        // The same locks by the server function of 0006 (its statements' plans are kept for the session).
        return sql + QStringLiteral("SELECT write_scope_begin(%1, %2, %3)")
                         .arg(Database::kWriteLockKey)
                         .arg(literal(db, scope->boxOrItemCode.trimmed()), literal(db, scope->personCard.trimmed()));
    }
    if (barrier) {
        sql += QStringLiteral("SET LOCAL synchronous_commit = off; ");
        ++*statements;
    }
    if (!scope) return sql + QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::kWriteLockKey);
    sql += QStringLiteral("SELECT pg_advisory_xact_lock_shared(%1)").arg(Database::kWriteLockKey);
    const QString code = scope->boxOrItemCode.trimmed();
    if (!code.isEmpty()) {
        const QString c = literal(db, code);
        sql += QStringLiteral("; SELECT pg_advisory_xact_lock(1, (s.id % 2147483647)::int) FROM"
                              " (SELECT id FROM boxes WHERE barcode = %1 UNION SELECT box_id FROM items WHERE archival_code = %1"
                              "  ORDER BY 1) s")
                   .arg(c);
        ++*statements;
    }
    const QString card = scope->personCard.trimmed();
    if (!card.isEmpty()) {
        sql += QStringLiteral("; SELECT pg_advisory_xact_lock(2, (id % 2147483647)::int) FROM people WHERE card = %1")
                   .arg(literal(db, card));
        ++*statements;
    }
    return sql;
}
// The scoped PostgreSQL transaction open on each connection of this thread (a Database is used by one thread).
thread_local QHash<Database*, Transaction*> t_scoped;

// Migration 0004 (ledger_append_chained).
thread_local QHash<QString, bool> t_serverAppend;
bool serverAppendReady(Database& db) {
    return serverHas(t_serverAppend, db,
                     "SELECT to_regprocedure('ledger_append_chained(bigint,bigint,text,text,text,text)') IS NOT NULL");
}
}  // namespace

bool Transaction::queueStatement(Database& db, const QString& sql) {
    Transaction* tx = t_scoped.value(&db, nullptr);
    // Known before its BEGIN (0006's check includes 0004's ledger function, which commit() sends the entries with).
    if (!tx || !tx->m_open || !tx->m_barrier || !t_scopeFunctions.value(db.connectionName())) return false;
    tx->m_statements << sql;
    return true;
}

QString Transaction::literal(Database& db, const QString& v) { return archive::db::literal(db, v); }

bool Transaction::queueLedgerEntry(Database& db, const LedgerEntry& entry) {
    Transaction* tx = t_scoped.value(&db, nullptr);
    if (!tx || !tx->m_open) return false;
    LedgerEntry e = entry;
    if (!e.atMs) e.atMs = db.nowMs();
    tx->m_ledger << e;
    return true;
}

// Round trip 1 of a scoped commit: take the ledger lock, read the head, chain the queued entries onto it.
// *insertSql gets the INSERT of the new rows (literal values: it goes with COMMIT in one simple query).
Status Transaction::chainQueuedEntries(QString* insertSql) {
    QSqlQuery head(m_db.sql());
    if (!execStatements(head,
                        QStringLiteral("SELECT pg_advisory_xact_lock(%1); SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                            .arg(Database::kLedgerLockKey),
                        2))
        return sqlError(head.lastError(), QStringLiteral("ledger lock"));
    qint64 seq = 0;
    QString prev = QString::fromLatin1(Ledger::kGenesis);
    if (head.next()) {
        seq = head.value(0).toLongLong();
        prev = head.value(1).toString();
    }
    head.finish();
    auto text = [this](const QString& v) { return literal(m_db, v.isNull() ? QString::fromLatin1("") : v); };
    QStringList values;
    for (const LedgerEntry& e : std::as_const(m_ledger)) {
        LedgerRow row;
        row.seq = ++seq;
        row.atMs = e.atMs;
        row.actor = e.actor;
        row.action = e.action;
        row.subject = e.subject;
        row.details = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
        row.prevHash = prev;
        row.hash = Ledger::computeHash(prev, row);
        values << QStringLiteral("(%1, %2, %3, %4, %5, %6, %7, %8)")
                      .arg(row.seq)
                      .arg(row.atMs)
                      .arg(text(row.actor), text(row.action), text(row.subject), text(row.details), text(row.prevHash),
                           text(row.hash));
        prev = row.hash;
    }
    *insertSql = QStringLiteral("INSERT INTO ledger(seq, at, actor, action, subject, details, prev_hash, hash) VALUES ") +
                 values.join(QStringLiteral(", "));
    return okStatus();
}

Transaction::Transaction(Database& db) : m_db(db), m_begin(okStatus()) { begin(nullptr); }

Transaction::Transaction(Database& db, const WriteScope& scope) : m_db(db), m_begin(okStatus()) { begin(&scope); }

void Transaction::begin(const WriteScope* scope) {
    QSqlQuery q(m_db.sql());
    const bool pg = m_db.dialect() == Dialect::PostgreSQL;
    m_barrier = pg && m_db.commitBarrierReady();
    int statements = 1;
    const QString sql = pg ? pgBegin(m_db, m_barrier, scope, &statements) : QStringLiteral("BEGIN IMMEDIATE");
    if (std::timed_mutex* gate = pg ? nullptr : m_db.writerGate()) {
        std::unique_lock<std::timed_mutex> queued(*gate, std::defer_lock);
        if (!queued.try_lock_for(std::chrono::milliseconds(m_db.busyTimeoutMs()))) {
            m_begin = makeError(QStringLiteral("busy"), QStringLiteral("数据库正忙，操作未保存。请稍后重试。"),
                                QStringLiteral("The database is busy; nothing was saved. Please try again in a moment."),
                                QStringLiteral("another writer of this process held the archive longer than the busy timeout"));
            return;
        }
        m_gate = std::move(queued);
    }
    // busy_timeout (SQLite) / lock_timeout (PostgreSQL) already wait; retry a few times on top for very long writers.
    QSqlError last;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (execStatements(q, sql, statements)) {
            q.finish();
            m_open = true;
            m_db.setWriteLockHeld(pg);
            if (pg && scope) {
                m_scoped = true;
                t_scoped.insert(&m_db, this);
            }
            return;
        }
        last = q.lastError();
        if (pg) {
            QSqlQuery rb(m_db.sql());
            rb.exec(QStringLiteral("ROLLBACK"));  // BEGIN went through, a lock wait did not
        }
        if (!transient(last)) break;
        QThread::msleep(20 * (attempt + 1));
    }
    m_begin = sqlError(last, QStringLiteral("begin transaction"));
    if (m_gate.owns_lock()) m_gate.unlock();
}

Transaction::~Transaction() {
    if (m_open) rollback();
}

Status Transaction::commit() {
    if (!m_open) return m_begin.ok() ? makeError(QStringLiteral("db_error"), QStringLiteral("事务已结束。"),
                                                  QStringLiteral("The transaction is already finished."))
                                     : m_begin;
    QString ledgerInsert;
    int ledgerStatements = 1;
    if (m_scoped && !m_ledger.isEmpty()) {
        if (t_scopeFunctions.value(m_db.connectionName()) || serverAppendReady(m_db)) {  // 0006 implies 0004
            // The server chains the entries itself (0004_ledger_append.pg.sql), in the same message as COMMIT:
            // the ledger lock is taken and released without a network round trip in between.
            QStringList calls;
            for (const LedgerEntry& e : std::as_const(m_ledger)) {
                auto text = [this](const QString& v) { return literal(m_db, v.isNull() ? QString::fromLatin1("") : v); };
                calls << QStringLiteral("SELECT ledger_append_chained(%1, %2, %3, %4, %5, %6)")
                             .arg(Database::kLedgerLockKey)
                             .arg(e.atMs)
                             .arg(text(e.actor), text(e.action), text(e.subject),
                                  text(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))));
            }
            ledgerInsert = calls.join(QStringLiteral("; "));
            ledgerStatements = int(calls.size());
        } else if (auto st = chainQueuedEntries(&ledgerInsert); !st) {  // two round trips under the ledger lock
            rollback();
            return st;
        }
    }
    QSqlQuery q(m_db.sql());
    if (!ledgerInsert.isEmpty() || !m_statements.isEmpty()) {
        // The last round trip: the queued writes (queueStatement), the ledger rows, COMMIT and (when ready) the
        // durability barrier; any failure = not saved.
        QStringList parts = m_statements;
        if (!ledgerInsert.isEmpty()) parts << ledgerInsert;
        else ledgerStatements = 0;
        parts << QStringLiteral("COMMIT");
        if (m_barrier) parts << barrierStatement();
        const bool ok = execStatements(q, parts.join(QStringLiteral("; ")),
                                       int(m_statements.size()) + ledgerStatements + (m_barrier ? 2 : 1));
        const QSqlError e = q.lastError();
        q.finish();
        if (!ok) {
            rollback();  // harmless when the COMMIT ran: there is nothing left to roll back
            return sqlError(e, QStringLiteral("commit"));
        }
        finish();
        return okStatus();
    }
    if (m_barrier) {
        // COMMIT (asynchronous: the locks go at once), then in the same round trip the durability barrier: a
        // synchronous commit after ours returns only once the WAL holds both. Until it returns nothing is
        // confirmed; if either fails (a refused COMMIT ends the transaction too; or the server is lost), the
        // caller reports "not saved".
        const bool ok = execStatements(q, QStringLiteral("COMMIT; ") + barrierStatement(), 2);
        const QSqlError e = q.lastError();
        q.finish();
        finish();
        if (!ok) return sqlError(e, QStringLiteral("commit (durability barrier)"));
        return okStatus();
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        Error e = sqlError(q.lastError(), QStringLiteral("commit"));
        rollback();
        return e;
    }
    finish();
    return okStatus();
}

QString Transaction::barrierStatement() {
    // Only what was found before a BEGIN (scopeFunctionsReady is never asked inside an open transaction).
    return t_scopeFunctions.value(m_db.connectionName()) ? QStringLiteral("SELECT commit_barrier_pass()")
                                                         : QString::fromLatin1(kBarrierStatement);
}

void Transaction::rollback() {
    if (!m_open) return;
    QSqlQuery q(m_db.sql());
    q.exec(QStringLiteral("ROLLBACK"));
    finish();
}

void Transaction::finish() {
    if (m_gate.owns_lock()) m_gate.unlock();
    m_open = false;
    m_db.setWriteLockHeld(false);
    m_ledger.clear();
    m_statements.clear();
    if (m_scoped) t_scoped.remove(&m_db);
    m_scoped = false;
}

}  // namespace archive::db
