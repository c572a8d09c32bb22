#include "ManagerSupport.h"

#include "db/Database.h"
#include "db/Ledger.h"
#include "db/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <cmath>

namespace archive::kiosk {

Result<QList<QVariantMap>> selectRows(db::Database& d, const QString& sql, const QVariantList& binds) {
    QSqlQuery q(d.sql());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) return db::sqlError(q.lastError(), sql);
    for (int i = 0; i < binds.size(); ++i) q.bindValue(i, binds[i]);
    if (!q.exec()) return db::sqlError(q.lastError(), sql);
    QList<QVariantMap> rows;
    const QSqlRecord rec = q.record();
    while (q.next()) {
        QVariantMap m;
        for (int c = 0; c < rec.count(); ++c) m.insert(rec.fieldName(c), q.value(c));
        rows << m;
    }
    return rows;
}

Status writeWithLedger(db::Database& d, const QList<SqlStep>& steps, const QString& actor, const QString& action,
                       const QString& subject, const QJsonObject& details) {
    db::Transaction tx(d);
    if (!tx.begun()) return tx.begun();
    for (const SqlStep& s : steps) {
        QSqlQuery q(d.sql());
        if (!q.prepare(s.sql)) return db::sqlError(q.lastError(), s.sql);
        for (int i = 0; i < s.binds.size(); ++i) q.bindValue(i, s.binds[i]);
        if (!q.exec()) return db::sqlError(q.lastError(), s.sql);
    }
    auto seq = db::Ledger::append(d, db::LedgerEntry{actor, action, subject, details, 0});
    if (!seq) return seq.error();
    return tx.commit();
}

QString fmtNumber(double v, int decimals) {
    return std::isnan(v) || std::isinf(v) ? QStringLiteral("—") : QString::number(v, 'f', decimals);
}

}  // namespace archive::kiosk
