#include "Ledger.h"

#include "Database.h"
#include "StmtCache.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <sodium.h>
#include <sqlite3.h>

#include <cstdio>
#include <cstring>

namespace archive::db {

namespace {
void field(QByteArray& out, const QByteArray& v) {
    out += QByteArray::number(v.size());
    out += ':';
    out += v;
}
}  // namespace

QByteArray Ledger::canonical(const LedgerRow& r) {
    QByteArray out;
    out.reserve(128 + r.details.size() * 3);
    field(out, QByteArray::number(r.seq));
    field(out, QByteArray::number(r.atMs));
    field(out, r.actor.toUtf8());
    field(out, r.action.toUtf8());
    field(out, r.subject.toUtf8());
    field(out, r.details.toUtf8());
    return out;
}

QString Ledger::computeHash(const QString& prevHash, const LedgerRow& row) {
    const QByteArray prev = prevHash.toLatin1();
    const QByteArray body = canonical(row);
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(prev.constData()), prev.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(body.constData()), body.size());
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(digest), sizeof digest).toHex());
}

Result<qint64> Ledger::append(Database& db, const LedgerEntry& e) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("crypto"), QStringLiteral("加密库初始化失败。"),
                         QStringLiteral("The crypto library failed to start."));
    // The chain head is serialised across writers: SQLite by BEGIN IMMEDIATE, PostgreSQL by the transaction-level
    // advisory lock every Transaction takes (taken here too when a caller's own transaction has not; it is
    // re-entrant and released at COMMIT/ROLLBACK, so the next writer reads this row as the head).
    if (db.dialect() == Dialect::PostgreSQL && !db.writeLockHeld()) {
        QSqlQuery lock(db.sql());
        if (!lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::kWriteLockKey)))
            return sqlError(lock.lastError(), QStringLiteral("ledger lock"));
    }
    auto headQ = db.statementCache().get(QStringLiteral("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1"));
    if (!headQ) return headQ.error();
    QSqlQuery& head = *headQ.value();
    if (!head.exec()) {
        const QSqlError e = head.lastError();
        head.finish();
        return sqlError(e, QStringLiteral("ledger head"));
    }
    LedgerRow row;
    QString prev = QString::fromLatin1(kGenesis);
    row.seq = 1;
    if (head.next()) {
        row.seq = head.value(0).toLongLong() + 1;
        prev = head.value(1).toString();
    }
    head.finish();
    row.atMs = e.atMs ? e.atMs : db.nowMs();
    row.actor = e.actor;
    row.action = e.action;
    row.subject = e.subject;
    row.details = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
    row.prevHash = prev;
    row.hash = computeHash(prev, row);

    auto insQ = db.statementCache().get(QStringLiteral(
        "INSERT INTO ledger(seq, at, actor, action, subject, details, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?)"));
    if (!insQ) return insQ.error();
    QSqlQuery& ins = *insQ.value();
    auto text = [](const QString& v) { return v.isNull() ? QVariant(QString::fromLatin1("")) : QVariant(v); };
    ins.bindValue(0, row.seq);
    ins.bindValue(1, row.atMs);
    ins.bindValue(2, text(row.actor));
    ins.bindValue(3, text(row.action));
    ins.bindValue(4, text(row.subject));
    ins.bindValue(5, text(row.details));
    ins.bindValue(6, row.prevHash);
    ins.bindValue(7, row.hash);
    const bool ok = ins.exec();
    const QSqlError insErr = ins.lastError();
    ins.finish();
    if (!ok) return sqlError(insErr, QStringLiteral("ledger append"));
    return row.seq;
}

namespace {
// SQLite fast path: reads rows with the sqlite3 C API (no QVariant per value) and hashes the canonical
// form straight from the column bytes. Same result as the generic path below.
void appendField(std::string& out, const unsigned char* p, int n) {
    char num[24];
    const int k = std::snprintf(num, sizeof num, "%d:", n);
    out.append(num, size_t(k));
    if (n > 0) out.append(reinterpret_cast<const char*>(p), size_t(n));
}

Result<VerifyReport> verifySqlite(sqlite3* h) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM ledger ORDER BY seq",
                           -1, &st, nullptr) != SQLITE_OK)
        return makeError(QStringLiteral("db_error"), QStringLiteral("无法读取台账。"), QStringLiteral("Cannot read the ledger."),
                         QString::fromUtf8(sqlite3_errmsg(h)));
    VerifyReport rep;
    char prev[65];
    std::memcpy(prev, Ledger::kGenesis, 64);
    prev[64] = 0;
    std::string body;
    body.reserve(1024);
    qint64 expectSeq = 1;
    static const char* hexd = "0123456789abcdef";
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(st, 0);
        ++rep.rowsChecked;
        auto fail = [&](const char* why) {
            rep.ok = false;
            rep.firstBadSeq = seq;
            rep.reason = QString::fromLatin1(why);
        };
        if (seq != expectSeq) { fail("gap in sequence"); break; }
        const unsigned char* ph = sqlite3_column_text(st, 6);
        const int phn = sqlite3_column_bytes(st, 6);
        if (phn != 64 || std::memcmp(ph, prev, 64) != 0) { fail("broken link"); break; }
        body.clear();
        char num[24];
        int k = std::snprintf(num, sizeof num, "%lld", static_cast<long long>(seq));
        appendField(body, reinterpret_cast<const unsigned char*>(num), k);
        k = std::snprintf(num, sizeof num, "%lld", static_cast<long long>(sqlite3_column_int64(st, 1)));
        appendField(body, reinterpret_cast<const unsigned char*>(num), k);
        for (int c = 2; c <= 5; ++c) {
            const unsigned char* t = sqlite3_column_text(st, c);
            appendField(body, t, sqlite3_column_bytes(st, c));
        }
        crypto_hash_sha256_state hs;
        crypto_hash_sha256_init(&hs);
        crypto_hash_sha256_update(&hs, reinterpret_cast<const unsigned char*>(prev), 64);
        crypto_hash_sha256_update(&hs, reinterpret_cast<const unsigned char*>(body.data()), body.size());
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&hs, digest);
        char hex[65];
        for (int i = 0; i < 32; ++i) {
            hex[2 * i] = hexd[digest[i] >> 4];
            hex[2 * i + 1] = hexd[digest[i] & 15];
        }
        hex[64] = 0;
        const unsigned char* hh = sqlite3_column_text(st, 7);
        if (sqlite3_column_bytes(st, 7) != 64 || std::memcmp(hh, hex, 64) != 0) { fail("hash mismatch"); break; }
        std::memcpy(prev, hex, 65);
        ++expectSeq;
    }
    const bool error = rc != SQLITE_ROW && rc != SQLITE_DONE;
    const QString msg = QString::fromUtf8(sqlite3_errmsg(h));
    sqlite3_finalize(st);
    if (error)
        return makeError(QStringLiteral("db_error"), QStringLiteral("读取台账时出错。"), QStringLiteral("Reading the ledger failed."), msg);
    return rep;
}
}  // namespace

Result<VerifyReport> Ledger::verify(Database& db) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("crypto"), QStringLiteral("加密库初始化失败。"),
                         QStringLiteral("The crypto library failed to start."));
    if (void* h = db.sqliteHandle()) return verifySqlite(static_cast<sqlite3*>(h));
    // Generic path (PostgreSQL): pages of rows in seq order, so a long ledger is never held in memory at once
    // (QPSQL fetches a whole result set). Every page is read in its own statement; rows are append-only, so
    // pages join up exactly.
    constexpr int kPage = 20000;
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM ledger"
                                  " WHERE seq > ? ORDER BY seq LIMIT %1").arg(kPage)))
        return sqlError(q.lastError(), QStringLiteral("ledger verify"));
    VerifyReport rep;
    QString prev = QString::fromLatin1(kGenesis);
    qint64 expectSeq = 1, after = 0;
    for (;;) {
        q.bindValue(0, after);
        if (!q.exec()) return sqlError(q.lastError(), QStringLiteral("ledger verify"));
        int rows = 0;
        while (q.next()) {
            ++rows;
            LedgerRow r;
            r.seq = q.value(0).toLongLong();
            r.atMs = q.value(1).toLongLong();
            r.actor = q.value(2).toString();
            r.action = q.value(3).toString();
            r.subject = q.value(4).toString();
            r.details = q.value(5).toString();
            r.prevHash = q.value(6).toString();
            r.hash = q.value(7).toString();
            ++rep.rowsChecked;
            after = r.seq;
            auto fail = [&](const char* why) {
                rep.ok = false;
                rep.firstBadSeq = r.seq;
                rep.reason = QString::fromLatin1(why);
            };
            if (r.seq != expectSeq) { fail("gap in sequence"); return rep; }
            if (r.prevHash != prev) { fail("broken link"); return rep; }
            if (computeHash(prev, r) != r.hash) { fail("hash mismatch"); return rep; }
            prev = r.hash;
            ++expectSeq;
        }
        q.finish();
        if (rows < kPage) break;
    }
    return rep;
}

}  // namespace archive::db
