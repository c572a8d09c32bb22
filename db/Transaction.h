#pragma once
// RAII write transaction. Rolled back on destruction unless commit() succeeded. A writer that waits longer than
// the busy/lock timeout is retried a few times, then "busy" (never raw SQL).
//
// SQLite: BEGIN IMMEDIATE whatever the scope — one writer at a time on the file (busy timeout), so every rule reads
// the state the previous writer committed and the ledger stays one chain.
//
// PostgreSQL (READ COMMITTED: every statement sees what was committed before it started) — the locking scheme:
//
//   archive lock   A = pg_advisory_xact_lock(Database::kWriteLockKey), in two modes:
//                  exclusive — Transaction(db): the default, for every operation;
//                  shared    — Transaction(db, WriteScope::…): the few hot operations whose reads and writes are
//                              confined to what the scope names (check-out of a whole box, check-in).
//   object locks   pg_advisory_xact_lock(1, box id) for the scope's box (a box barcode, or an item code → its box),
//                  pg_advisory_xact_lock(2, person id) for the scope's borrower; taken after A, box before person.
//   ledger lock    L = pg_advisory_xact_lock(Database::kLedgerLockKey), taken just before the chain head is read
//                  (its own statement, so the head read's snapshot follows the previous holder's COMMIT), held to
//                  COMMIT: appends are one linear chain (R12) while the rest of two operations runs side by side.
//                  Exclusive transactions take it in Ledger::append. A scoped transaction chains its entries at
//                  commit() instead (Ledger::append only queues them and returns seq 0): one message carries
//                  ledger_append_chained(…) per entry (0004_ledger_append.pg.sql: takes L, reads the head, hashes
//                  exactly as Ledger::computeHash, inserts), COMMIT and the durability barrier — L is never held
//                  across a network round trip. (Without migration 0004: L + head read, then rows + COMMIT.)
// All of them are held until COMMIT/ROLLBACK; the order is always A → box → person → L, so writers never deadlock
// on them. A waiting exclusive A queues new shared requests behind it, so a wide operation is not starved.
// BEGIN and all of a transaction's A/box/person locks go to the server in one round trip.
//
// Why this keeps every rule identical to SQLite's one-writer-at-a-time (domain.md):
//   An exclusive-A writer runs alone, exactly as on SQLite. A scoped writer runs only beside other scoped writers,
//   i.e. check-outs of whole boxes and check-ins; those read/write: the box row and its loans/items (box lock),
//   the borrower's loans (person lock, check-out), incidents (insert only), the ledger head (L) — and read people,
//   departments, department_categories, categories, requests/approvals, books_settings, which only exclusive-A
//   writers change (so they are constant while any scoped writer runs).
//   R1 due date from the category: categories change only under exclusive A.
//   R2 box moves/state: the box row changes only under its box lock or exclusive A; a second kiosk's check-out of the
//      same box waits for the box lock, then reads it on loan → "already on loan" (never an SQL error).
//   R3, R6, R7 category/person/department facts: constant under shared A.
//   R4, R5 approvals: approve/reject/cancel/request are exclusive-A operations, so a check-out never interleaves with
//      a decision on its request; two check-outs using one request hold the same box lock (the second sees it
//      fulfilled / the box on loan).
//   R8 overdue blocks new loans: the check-out reads the borrower's open overdue loans under the person lock; a
//      concurrent check-in of another box can only remove an overdue loan (refusing on the older state is the
//      serial order "check-out, then check-in"), and a new loan is never overdue. Renewal is exclusive A.
//   R9 incidents are inserted by the check-in holding the box lock; nothing scoped reads them.
//   R10, R11 transfers, appraisal, destruction: exclusive A (a box being destroyed is never lent at the same time).
//   R12 the ledger: L. R13 readings: exclusive A (ReadingStore), as before.
//   A check-in by item code locks the item's box, so an item's and its box's operations exclude each other.
// Durability: the COMMIT runs with synchronous_commit = off (the locks are released at once) and, in the same round
// trip, a tiny synchronous write (0003_commit_barrier.pg.sql) follows it that returns only after the WAL is flushed
// past our commit; the kiosks share WAL flushes. commit() returns ok only after that barrier.

#include "Ledger.h"
#include "common/Result.h"

#include <QList>
#include <QString>

#include <mutex>

class QSqlDatabase;

namespace archive::db {

class Database;

// What a scoped write touches (PostgreSQL; ignored on SQLite). Only for operations whose rules are covered above.
struct WriteScope {
    QString boxOrItemCode;  // the box it changes: a box barcode, or an item code (→ the item's box)
    QString personCard;     // the borrower whose loans its rules count (empty: none)

    // Check-out of a whole box to a borrower; check-in of a box or an item (no borrower needed).
    static WriteScope loan(const QString& code, const QString& borrowerCard = {}) { return {code, borrowerCard}; }
};

class Transaction {
public:
    explicit Transaction(Database& db);                  // exclusive: any rule, any table
    Transaction(Database& db, const WriteScope& scope);  // shared archive lock + the scope's box/person
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& begun() const { return m_begin; }  // check before doing work
    Status commit();
    void rollback();

    // Ledger::append inside a scoped PostgreSQL transaction: the entry is queued here and chained at commit().
    // False when db has no such transaction open (append then chains it at once).
    static bool queueLedgerEntry(Database& db, const LedgerEntry& entry);
    // A scoped PostgreSQL transaction (with the server functions of 0004/0006) sends this statement with its ledger
    // entries and COMMIT, in one round trip, instead of on its own: for writes whose rules were all checked and
    // whose outcome the caller does not need to read. False when db has no such transaction open (run it yourself).
    // sql is a simple query (literal values: see literal()); if it fails, commit() fails and nothing is saved.
    static bool queueStatement(Database& db, const QString& sql);
    static QString literal(Database& db, const QString& v);  // a text literal escaped by the driver

private:
    void begin(const WriteScope* scope);
    Status chainQueuedEntries(QString* insertSql);
    QString barrierStatement();  // the durability barrier (0003), by its server function (0006) when there
    void finish();  // the transaction ended (committed or rolled back)

    Database& m_db;
    Status m_begin;
    bool m_open = false;
    bool m_barrier = false;  // PostgreSQL: commit asynchronously, then wait for the flush after the locks are gone
    bool m_scoped = false;   // PostgreSQL with a WriteScope: ledger entries are chained at commit()
    QList<LedgerEntry> m_ledger;
    QStringList m_statements;  // queueStatement: sent before the ledger entries in commit()'s last message
    std::unique_lock<std::timed_mutex> m_gate;  // SQLite: this process's writer gate (db/WriterGate.h), held until finish()
};

}  // namespace archive::db
