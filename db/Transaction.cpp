#include "Transaction.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace archive::db {

Transaction::Transaction(Database& db) : m_db(db), m_begin(okStatus()) {
    QSqlQuery q(m_db.sql());
    const QString sql = m_db.dialect() == Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                          : QStringLiteral("BEGIN");
    // busy_timeout already waits inside SQLite; retry a few times on top for very long writers.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (q.exec(sql)) {
            m_open = true;
            return;
        }
        const QString t = q.lastError().text().toLower();
        if (!(t.contains(QLatin1String("locked")) || t.contains(QLatin1String("busy")))) break;
        QThread::msleep(20 * (attempt + 1));
    }
    m_begin = sqlError(q.lastError(), QStringLiteral("begin transaction"));
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
    return okStatus();
}

void Transaction::rollback() {
    if (!m_open) return;
    QSqlQuery q(m_db.sql());
    q.exec(QStringLiteral("ROLLBACK"));
    m_open = false;
}

}  // namespace archive::db
