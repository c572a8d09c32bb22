#pragma once
// The tamper-evident ledger (R12): append-only, hash-chained.
// Every write operation appends its entry inside the same Transaction as the write it records.
// hash = SHA-256( prev_hash || canonical(seq, at, actor, action, subject, details) ), hex.
// Triggers refuse UPDATE and DELETE; verify() recomputes the chain and names the first bad row.

#include "common/Result.h"

#include <QJsonObject>
#include <QString>

namespace archive::db {

class Database;

struct LedgerEntry {
    QString actor;        // card barcode of the person, or "system", "archivectl", "sensor:<id>"
    QString action;       // verb: "checkout", "checkin", "approve", "label.print", "env.ack", …
    QString subject;      // "box:<barcode>", "item:<code>", "request:<id>", "alert:<id>", …
    QJsonObject details;  // anything else worth keeping; stored as compact JSON with sorted keys
    qint64 atMs = 0;      // 0 → db.nowMs()
};

struct LedgerRow {
    qint64 seq = 0;
    qint64 atMs = 0;
    QString actor, action, subject, details, prevHash, hash;
};

struct VerifyReport {
    bool ok = true;
    qint64 rowsChecked = 0;
    qint64 firstBadSeq = 0;   // 0 when ok
    QString reason;           // "hash mismatch", "broken link", "gap in sequence"
};

// How verify() spreads the work (SQLite): every row's check needs only its own stored prev_hash, so seq ranges
// are checked in parallel, each on its own read-only connection; the chain links across the range edges are
// checked too. threads 0 = one per CPU core (at most 8); a range is never shorter than minRowsPerThread.
struct VerifyOptions {
    int threads = 0;
    qint64 minRowsPerThread = 250000;
};

class Ledger {
public:
    static constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

    // Must be called inside an open Transaction. Returns the new row's seq — except inside a scoped PostgreSQL
    // Transaction (WriteScope, db/Transaction.h), where the entry is chained at commit and 0 is returned.
    static Result<qint64> append(Database& db, const LedgerEntry& entry);
    static Result<VerifyReport> verify(Database& db, const VerifyOptions& options = {});
    static QByteArray canonical(const LedgerRow& row);
    static QString computeHash(const QString& prevHash, const LedgerRow& row);
};

}  // namespace archive::db
