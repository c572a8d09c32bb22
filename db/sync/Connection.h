#pragma once
// Living with a database server that can go away (issue 8): a cheap liveness probe, the connection's socket
// (db/sync/ReplyWatchdog), and the one error every part shows when the server cannot be reached.
// SQLite connections are always "alive" here (a file does not go away like a server).

#include "common/Result.h"

namespace archive::db {
class Database;
}

namespace archive::db::sync {

// Runs SELECT 1 on the connection. False = the server is gone (the connection must be reopened).
bool ping(Database& db);

// The connection's socket (PostgreSQL over TCP), for ReplyWatchdog; -1 when it cannot be found. The TCP keepalive
// and user-timeout settings themselves are libpq connect options (Database::open), applied to every connection.
int socketOf(Database& db);

// "Server unreachable; not stored" — shown to people; detail keeps the technical text.
Error serverUnreachable(const QString& detail = {});
bool isServerUnreachable(const Error& e);

}  // namespace archive::db::sync
