// Ledger::verify (R12): recomputes the hash chain. Kept apart from the append path (Ledger.cpp).
#include "Ledger.h"

#include "Database.h"
#include "Sha256.h"

#include <QSqlError>
#include <QSqlQuery>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

namespace archive::db {
namespace {
// SQLite fast path: reads rows with the sqlite3 C API (no QVariant per value) and hashes the canonical
// form straight from the column bytes. Same result as the generic path below.
void appendField(std::string& out, const unsigned char* p, int n) {
    char num[24];
    char* e = std::to_chars(num, num + sizeof num - 1, n).ptr;
    *e++ = ':';
    out.append(num, size_t(e - num));
    if (n > 0) out.append(reinterpret_cast<const char*>(p), size_t(n));
}
// A number's decimal text as its own field ("<len>:<digits>"), as Ledger::canonical writes it.
void appendNumber(std::string& out, qint64 v) {
    char num[24];
    const char* e = std::to_chars(num, num + sizeof num, static_cast<long long>(v)).ptr;
    appendField(out, reinterpret_cast<const unsigned char*>(num), int(e - num));
}

Error readError(sqlite3* h) {
    return makeError(QStringLiteral("db_error"), QStringLiteral("读取台账时出错。"), QStringLiteral("Reading the ledger failed."),
                     QString::fromUtf8(sqlite3_errmsg(h)));
}

// Checks rows lo..hi (hi < 0: to the end) in seq order. prevHash: the stored hash of row lo-1 (genesis for 1).
Result<VerifyReport> verifyRange(sqlite3* h, qint64 lo, qint64 hi, const char* prevHash) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h,
                           "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM ledger"
                           " WHERE seq >= ?1 AND (?2 < 0 OR seq <= ?2) ORDER BY seq",
                           -1, &st, nullptr) != SQLITE_OK)
        return makeError(QStringLiteral("db_error"), QStringLiteral("无法读取台账。"), QStringLiteral("Cannot read the ledger."),
                         QString::fromUtf8(sqlite3_errmsg(h)));
    sqlite3_bind_int64(st, 1, lo);
    sqlite3_bind_int64(st, 2, hi);
    VerifyReport rep;
    char prev[65];
    std::memcpy(prev, prevHash, 64);
    prev[64] = 0;
    std::string body;
    body.reserve(1024);
    qint64 expectSeq = lo;
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
        appendNumber(body, seq);
        appendNumber(body, sqlite3_column_int64(st, 1));
        for (int c = 2; c <= 5; ++c) {
            const unsigned char* t = sqlite3_column_text(st, c);
            appendField(body, t, sqlite3_column_bytes(st, c));
        }
        unsigned char digest[32];
        sha256::digest2(prev, 64, body.data(), body.size(), digest);
        char hex[65];
        sha256::toHex(digest, hex);
        hex[64] = 0;
        const unsigned char* hh = sqlite3_column_text(st, 7);
        if (sqlite3_column_bytes(st, 7) != 64 || std::memcmp(hh, hex, 64) != 0) { fail("hash mismatch"); break; }
        // The next row must link to the hash stored here (which equals the one just computed).
        std::memcpy(prev, hex, 65);
        ++expectSeq;
    }
    const bool error = rc != SQLITE_ROW && rc != SQLITE_DONE;
    Result<VerifyReport> out = rep;
    if (error) out = readError(h);
    sqlite3_finalize(st);
    // A range that stops short of its end without a failure has lost rows at its end: report what one pass
    // over the whole chain would report — a gap at the next row that exists (counted as checked).
    if (out.ok() && rep.ok && hi >= 0 && expectSeq != hi + 1) {
        sqlite3_stmt* nx = nullptr;
        qint64 next = 0;
        if (sqlite3_prepare_v2(h, "SELECT min(seq) FROM ledger WHERE seq >= ?", -1, &nx, nullptr) == SQLITE_OK) {
            sqlite3_bind_int64(nx, 1, expectSeq);
            if (sqlite3_step(nx) == SQLITE_ROW) next = sqlite3_column_int64(nx, 0);
            sqlite3_finalize(nx);
        }
        VerifyReport r = rep;
        r.ok = false;
        r.rowsChecked += 1;
        r.firstBadSeq = next > 0 ? next : expectSeq;
        r.reason = QStringLiteral("gap in sequence");
        out = r;
    }
    return out;
}

Result<qint64> scalar(sqlite3* h, const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &st, nullptr) != SQLITE_OK) return readError(h);
    qint64 v = 0;
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return readError(h);
    return v;
}

Result<VerifyReport> verifySqlite(sqlite3* h, const VerifyOptions& opt) {
    // Rows are append-only, so the rows up to the last seq seen now never change while the ranges are read.
    const char* file = sqlite3_db_filename(h, "main");
    int threads = opt.threads > 0 ? opt.threads : int(std::min(8u, std::max(1u, std::thread::hardware_concurrency())));
    auto last = scalar(h, "SELECT coalesce(max(seq), 0) FROM ledger");
    if (!last) return last.error();
    const qint64 n = last.value();
    threads = int(std::min<qint64>(threads, std::max<qint64>(1, n / std::max<qint64>(1, opt.minRowsPerThread))));
    if (threads <= 1 || !file || !*file) return verifyRange(h, 1, -1, Ledger::kGenesis);

    struct Part {
        qint64 lo = 0, hi = 0;
        std::string prev;  // stored hash of row lo-1
        Result<VerifyReport> result = VerifyReport{};
    };
    std::vector<Part> parts(static_cast<size_t>(threads));
    const qint64 step = n / threads;
    for (int i = 0; i < threads; ++i) {
        parts[size_t(i)].lo = 1 + i * step;
        parts[size_t(i)].hi = i == threads - 1 ? -1 : (i + 1) * step;  // the last range reads to the end
    }
    std::vector<std::thread> workers;
    for (size_t i = 0; i < parts.size(); ++i) {
        workers.emplace_back([&parts, i, file] {
            Part& p = parts[i];
            sqlite3* c = nullptr;
            if (sqlite3_open_v2(file, &c, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
                p.result = makeError(QStringLiteral("db_error"), QStringLiteral("无法读取台账。"), QStringLiteral("Cannot read the ledger."),
                                     c ? QString::fromUtf8(sqlite3_errmsg(c)) : QString());
                sqlite3_close(c);
                return;
            }
            sqlite3_busy_timeout(c, 10000);
            if (p.lo == 1) {
                p.prev = Ledger::kGenesis;
            } else {
                // The link into this range: the hash stored in row lo-1 (checked itself by the range before).
                sqlite3_stmt* st = nullptr;
                if (sqlite3_prepare_v2(c, "SELECT hash FROM ledger WHERE seq = ?", -1, &st, nullptr) == SQLITE_OK) {
                    sqlite3_bind_int64(st, 1, p.lo - 1);
                    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 64)
                        p.prev.assign(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), 64);
                    sqlite3_finalize(st);
                }
                if (p.prev.size() != 64) {
                    // Row lo-1 is missing or malformed: the range before reports it; this one cannot start.
                    VerifyReport r;
                    r.ok = false;
                    r.firstBadSeq = p.lo - 1;
                    r.reason = QStringLiteral("gap in sequence");
                    p.result = r;
                    sqlite3_close(c);
                    return;
                }
            }
            p.result = verifyRange(c, p.lo, p.hi, p.prev.c_str());
            sqlite3_close(c);
        });
    }
    for (auto& w : workers) w.join();
    // The first failing range holds the first bad row; rows checked = all rows before it plus its own.
    VerifyReport total;
    for (const Part& p : parts) {
        if (!p.result) return p.result.error();
        const VerifyReport& r = p.result.value();
        total.rowsChecked += r.rowsChecked;
        if (!r.ok) {
            total.ok = false;
            total.firstBadSeq = r.firstBadSeq;
            total.reason = r.reason;
            return total;
        }
    }
    return total;
}
}  // namespace

Result<VerifyReport> Ledger::verify(Database& db, const VerifyOptions& options) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("crypto"), QStringLiteral("加密库初始化失败。"),
                         QStringLiteral("The crypto library failed to start."));
    if (void* h = db.sqliteHandle()) return verifySqlite(static_cast<sqlite3*>(h), options);
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
