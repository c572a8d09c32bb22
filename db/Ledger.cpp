#include "Ledger.h"

#include "Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <sodium.h>

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
    QSqlQuery head(db.sql());
    // In PostgreSQL the chain head must be serialised across kiosks (issue 8 adds the lock).
    if (!head.exec(QStringLiteral("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")))
        return sqlError(head.lastError(), QStringLiteral("ledger head"));
    LedgerRow row;
    QString prev = QString::fromLatin1(kGenesis);
    row.seq = 1;
    if (head.next()) {
        row.seq = head.value(0).toLongLong() + 1;
        prev = head.value(1).toString();
    }
    row.atMs = e.atMs ? e.atMs : db.nowMs();
    row.actor = e.actor;
    row.action = e.action;
    row.subject = e.subject;
    row.details = QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact));
    row.prevHash = prev;
    row.hash = computeHash(prev, row);

    QSqlQuery ins(db.sql());
    ins.prepare(QStringLiteral("INSERT INTO ledger(seq, at, actor, action, subject, details, prev_hash, hash) "
                               "VALUES(?,?,?,?,?,?,?,?)"));
    ins.addBindValue(row.seq);
    ins.addBindValue(row.atMs);
    ins.addBindValue(row.actor);
    ins.addBindValue(row.action);
    ins.addBindValue(row.subject);
    ins.addBindValue(row.details);
    ins.addBindValue(row.prevHash);
    ins.addBindValue(row.hash);
    if (!ins.exec()) return sqlError(ins.lastError(), QStringLiteral("ledger append"));
    return row.seq;
}

Result<VerifyReport> Ledger::verify(Database& db) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("crypto"), QStringLiteral("加密库初始化失败。"),
                         QStringLiteral("The crypto library failed to start."));
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM ledger ORDER BY seq")))
        return sqlError(q.lastError(), QStringLiteral("ledger verify"));
    VerifyReport rep;
    QString prev = QString::fromLatin1(kGenesis);
    qint64 expectSeq = 1;
    while (q.next()) {
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
        auto fail = [&](const char* why) {
            rep.ok = false;
            rep.firstBadSeq = r.seq;
            rep.reason = QString::fromLatin1(why);
        };
        if (r.seq != expectSeq) { fail("gap in sequence"); break; }
        if (r.prevHash != prev) { fail("broken link"); break; }
        if (computeHash(prev, r) != r.hash) { fail("hash mismatch"); break; }
        prev = r.hash;
        ++expectSeq;
    }
    return rep;
}

}  // namespace archive::db
