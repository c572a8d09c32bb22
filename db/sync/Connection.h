#pragma once
// Living with a database server that can go away (issue 8): a cheap liveness probe, short TCP timeouts
// on a PostgreSQL connection, and the one error every part shows when the server cannot be reached.
// SQLite connections are always "alive" here (a file does not go away like a server).

#include "common/Result.h"

namespace archive::db {
class Database;
}

namespace archive::db::sync {

// Runs SELECT 1 on the connection. False = the server is gone (the connection must be reopened).
bool ping(Database& db);

// PostgreSQL: keepalive probes every second and TCP_USER_TIMEOUT on the connection's socket, so a query on a
// connection whose server vanished from the network fails within about userTimeoutMs instead of the
// kernel's ~15 minutes. Call right after opening (and after each reconnect). No-op for SQLite or when the
// socket cannot be reached. Returns true when the options were set.
bool tuneSocket(Database& db, int userTimeoutMs = 1500);

// "Server unreachable; not stored" — shown to people; detail keeps the technical text.
Error serverUnreachable(const QString& detail = {});
bool isServerUnreachable(const Error& e);

}  // namespace archive::db::sync
