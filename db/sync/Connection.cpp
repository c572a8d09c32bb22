#include "Connection.h"

#include "db/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <dlfcn.h>

namespace archive::db::sync {

bool ping(Database& db) {
    if (db.dialect() != Dialect::PostgreSQL) return true;
    QSqlQuery q(db.sql());
    const bool ok = q.exec(QStringLiteral("SELECT 1")) && q.next();
    q.finish();
    return ok;
}

int socketOf(Database& db) {
    if (db.dialect() != Dialect::PostgreSQL) return -1;
    const QVariant h = db.sql().driver()->handle();
    // QPSQL's handle is a PGconn* (its metatype is named after the struct: "pg_conn*").
    if (!h.isValid() || (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0)) return -1;
    void* conn = *static_cast<void* const*>(h.data());
    if (!conn) return -1;
    // libpq is already loaded by Qt's QPSQL plugin; look PQsocket up there rather than linking libpq into db/.
    using PQsocketFn = int (*)(const void*);
    static PQsocketFn pqSocket = [] {
        void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        return lib ? reinterpret_cast<PQsocketFn>(dlsym(lib, "PQsocket")) : nullptr;
    }();
    return pqSocket ? pqSocket(conn) : -1;
}

Error serverUnreachable(const QString& detail) {
    return makeError(QStringLiteral("server_unreachable"),
                     QStringLiteral("无法连接档案服务器，此操作未能确认保存。终端会自动重连；服务器恢复后请先查看记录，再重试。"),
                     QStringLiteral("The archive server cannot be reached; this action could not be confirmed as stored. The kiosk reconnects by "
                                    "itself; when the server is back, check the record before trying again."),
                     detail);
}

bool isServerUnreachable(const Error& e) { return e.code == QLatin1String("server_unreachable"); }

}  // namespace archive::db::sync
