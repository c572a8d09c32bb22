#pragma once
// Noticing a PostgreSQL server that no longer answers although the connection looks fine (issue 8).
//
// libpq's keepalives and tcp_user_timeout (Database::open) end a connection whose packets go unacknowledged — a
// pulled cable, a server that vanished. They cannot help when something on the path still acknowledges the
// packets but forwards nothing (a hung router/NAT/proxy: a "black hole"); a query would then wait forever, and the
// kiosk with it. This watchdog looks at every registered connection ten times a second: when libpq has a request
// in progress (PQtransactionStatus = active) and the socket has neither sent nor received data for replyTimeoutMs
// (TCP_INFO), it asks the server on a fresh connection to the same host and port (an 8-byte SSLRequest, which any
// PostgreSQL answers at once without logging anything). If that
// gets no answer within probeTimeoutMs either, the server is unreachable: the watchdog shuts the socket down, the
// waiting query fails ("server closed the connection" → server_unreachable) and the caller reconnects. A long query
// on a reachable server is left alone (the probe answers; it is asked again every few seconds).
//
// One thread for the process, started on the first registration. SQLite connections are never registered.

#include <QString>

namespace archive::db {
class Database;
}

namespace archive::db::sync {

struct ReplyWatch {
    int replyTimeoutMs = 700;  // request outstanding this long → probe the server
    int probeTimeoutMs = 500;  // no answer to the probe within this → shut the connection down
};

class ReplyWatchdog {
public:
    // Watches a PostgreSQL connection over TCP. Returns a token for unwatch(), 0 when not watched (SQLite, a Unix
    // socket, or libpq's functions not found).
    static quint64 watch(Database& db, const ReplyWatch& settings = {});
    // Must be called before the socket is closed.
    static void unwatch(quint64 token);
    // How many connections the watchdog has shut down since the process started (for tests and logs).
    static int shutdowns();
};

}  // namespace archive::db::sync
