#include "StmtCache.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace archive::db {

StmtCache::~StmtCache() { clear(); }

void StmtCache::clear() {
    qDeleteAll(m_cache);
    m_cache.clear();
}

Result<QSqlQuery*> StmtCache::get(const QString& sql) {
    if (auto it = m_cache.constFind(sql); it != m_cache.constEnd()) return it.value();
    auto* q = new QSqlQuery(m_db.sql());
    q->setForwardOnly(true);
    if (!q->prepare(sql)) {
        Error e = sqlError(q->lastError(), QStringLiteral("prepare"));
        e.detail += QStringLiteral("\n") + sql.left(300);
        delete q;
        return e;
    }
    m_cache.insert(sql, q);
    return q;
}

}  // namespace archive::db
