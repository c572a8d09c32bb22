#pragma once
// Helpers shared by the pgops tests: a small SQLite archive with climate readings and ledger entries,
// counting rows, and running the real archivectl.

#include "PgServer.h"
#include "db/Database.h"
#include "db/env/ReadingStore.h"

#include <gtest/gtest.h>

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

#define REQUIRE_PG(server)                                                                     \
    PgServer* server = PgServer::shared();                                                     \
    if (!server) GTEST_SKIP() << "PostgreSQL 15 is not installed or did not start (scripts/pg-server.sh)"

inline void PrintTo(const QString& s, std::ostream* os) { *os << s.toStdString(); }

namespace pgops {

std::unique_ptr<archive::db::Database> openDb(const QString& location, bool migrate = true);
qint64 scalar(archive::db::Database& db, const QString& sql);

// rooms R1/R2 (ledger entries), sensors sim:a (R1) and sim:b (R2), `readings` readings per sensor every
// 5 minutes ending now, with a humid spell on sim:a (opens an rh_high alert).
void fillEnvArchive(archive::db::Database& db, int readings);

// readings of one sensor 1 s apart starting at t0 (keys "spool:<n>")
QList<archive::db::ReadingRow> makeReadings(const QString& key, qint64 t0, int n, qint64 stepMs = 1000);

struct CliRun {
    int exitCode = -1;
    QString out, err;
    QString all() const { return out + err; }
};
QProcessEnvironment cliEnvironment();
CliRun archivectl(const QStringList& args, int timeoutMs = 300000);

}  // namespace pgops
