#include "Connection.h"

#include "db/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace archive::db::sync {

bool ping(Database& db) {
    if (db.dialect() != Dialect::PostgreSQL) return true;
    QSqlQuery q(db.sql());
    const bool ok = q.exec(QStringLiteral("SELECT 1")) && q.next();
    q.finish();
    return ok;
}

bool tuneSocket(Database& db, int userTimeoutMs) {
    if (db.dialect() != Dialect::PostgreSQL) return false;
    const QVariant h = db.sql().driver()->handle();
    // QPSQL's handle is a PGconn* (its metatype is named after the struct: "pg_conn*").
    if (!h.isValid() || (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0)) return false;
    void* conn = *static_cast<void* const*>(h.data());
    if (!conn) return false;
    // libpq is already loaded by Qt's QPSQL plugin; look PQsocket up there rather than linking libpq into db/.
    using PQsocketFn = int (*)(const void*);
    static PQsocketFn pqSocket = [] {
        void* lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
        return lib ? reinterpret_cast<PQsocketFn>(dlsym(lib, "PQsocket")) : nullptr;
    }();
    if (!pqSocket) return false;
    const int fd = pqSocket(conn);
    if (fd < 0) return false;
    int on = 1, idle = 1, interval = 1, count = 2;
    unsigned int timeout = unsigned(userTimeoutMs);
    bool ok = setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) == 0;
    ok = setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle) == 0 && ok;
    ok = setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval) == 0 && ok;
    ok = setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count) == 0 && ok;
    ok = setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout, sizeof timeout) == 0 && ok;
    return ok;
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
