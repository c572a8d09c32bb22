#include "Ledger.h"

#include "Database.h"
#include "Sha256.h"
#include "StmtCache.h"
#include "Transaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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
    unsigned char digest[32];
    sha256::digest2(prev.constData(), size_t(prev.size()), body.constData(), size_t(body.size()), digest);
    char hex[64];
    sha256::toHex(digest, hex);
    return QString::fromLatin1(hex, 64);
}

Result<qint64> Ledger::append(Database& db, const LedgerEntry& e) {
    if (sodium_init() < 0)
        return makeError(QStringLiteral("crypto"), QStringLiteral("加密库初始化失败。"),
                         QStringLiteral("The crypto library failed to start."));
    // The chain head is serialised across writers: SQLite by BEGIN IMMEDIATE; PostgreSQL by its own lock
    // (Database::kLedgerLockKey, see db/Transaction.h), taken right here and held until COMMIT/ROLLBACK, so the
    // next writer reads this row as the head. The lock is its own statement before the head read (READ COMMITTED:
    // the read's snapshot is taken after the previous holder committed); both go in one round trip. A caller
    // without a Transaction also takes the archive lock here first (the order is always archive lock → ledger lock).
    LedgerRow row;
    QString prev = QString::fromLatin1(kGenesis);
    row.seq = 1;
    if (db.dialect() == Dialect::PostgreSQL) {
        // A scoped transaction (check-out/check-in) chains its entries at commit, holding the head lock only then.
        if (Transaction::queueLedgerEntry(db, e)) return qint64(0);
        QString sql;
        if (!db.writeLockHeld()) sql = QStringLiteral("SELECT pg_advisory_xact_lock(%1); ").arg(Database::kWriteLockKey);
        sql += QStringLiteral("SELECT pg_advisory_xact_lock(%1); SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                   .arg(Database::kLedgerLockKey);
        QSqlQuery head(db.sql());
        if (!execStatements(head, sql, db.writeLockHeld() ? 2 : 3)) return sqlError(head.lastError(), QStringLiteral("ledger lock"));
        if (head.record().count() != 2)
            return makeError(QStringLiteral("db_error"), QStringLiteral("读取台账末条记录失败，操作未保存。请重试。"),
                             QStringLiteral("Could not read the ledger's last entry; nothing was saved. Please try again."),
                             QStringLiteral("ledger head: unexpected result"));
        if (head.next()) {
            row.seq = head.value(0).toLongLong() + 1;
            prev = head.value(1).toString();
        }
    } else {
        auto headQ = db.statementCache().get(QStringLiteral("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1"));
        if (!headQ) return headQ.error();
        QSqlQuery& head = *headQ.value();
        if (!head.exec()) {
            const QSqlError e = head.lastError();
            head.finish();
            return sqlError(e, QStringLiteral("ledger head"));
        }
        if (head.next()) {
            row.seq = head.value(0).toLongLong() + 1;
            prev = head.value(1).toString();
        }
        head.finish();
    }
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

}  // namespace archive::db
